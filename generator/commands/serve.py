"""`readinglist serve`: build, then serve the site with live reload.

MkDocs' server rebuilds on every change under `watch:` in mkdocs.yml (content/, the
page templates, the theme overrides); each rebuild runs the generator through the hook,
which rewrites only the pages whose text changed, and MkDocs then builds only those
pages (a dirty build, made exact by partial_rebuild.py). `--full` builds every page on
every change, as plain `mkdocs serve` does.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..quoting import quoted
from .build import (
    ensure_docs_dir,
    mkdocs_logging,
    is_project,
    stop_on_config_mistakes,
    stopped_by,
)

STOPPED = "nothing was served"  # what a curation error stopped (see cli.main)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-a",
        "--dev-addr",
        default="127.0.0.1:8000",
        type=_address,
        help="address and port to serve on (default: 127.0.0.1:8000)",
    )
    parser.add_argument("--open", action="store_true", help="open the site in a browser once built")
    parser.add_argument(
        "--full",
        action="store_true",
        help="rebuild every page on every change (default: only the pages that changed)",
    )


def _address(text: str) -> str:
    """``text`` as given, once MkDocs would read it as an address (its IpAddress option:
    refused, it said "Config value 'dev_addr': Must be a string of format 'IP:PORT'"
    after the build, of a setting the curator never wrote) and its port is a number a
    socket can bind (the socket's own refusal of 99999 or -1 was a traceback)."""
    from mkdocs.config.base import ValidationError
    from mkdocs.config.config_options import IpAddress

    try:
        read = IpAddress().validate(text)
    except ValidationError:
        raise argparse.ArgumentTypeError(
            "give an address as IP:PORT, e.g. 127.0.0.1:8001 (an IP address or localhost, a"
            f" colon, a port number), not {quoted(text)}"
        ) from None
    # (The port as MkDocs reads it, by int(): "-1" too, which the bind then refused.)
    if not 0 <= read.port <= 65535:
        port = text.rpartition(":")[2]
        raise argparse.ArgumentTypeError(f"port {port} is out of range: ports are 0 to 65535")
    return text


EXIT = (
    "exit status: 0 when the server was stopped (Ctrl-C); 1 when it could not start (no"
    " project here, the address in use, a mistake in mkdocs.yml)"
)


def run(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import Abort, ConfigurationError

    root = Path(args.root).resolve()
    if not is_project(root, "serve", "the server", args.root_given):
        return 1
    stop_on_config_mistakes(root)
    if (taken := _in_use(args.dev_addr)) is not None:
        print(f"readinglist serve: {taken}", file=sys.stderr)
        return 1
    ensure_docs_dir(root)
    # MkDocs serves under the path of site_url (/reading-list/ for a GitHub project
    # site), so a SITE_URL left in the shell from building what CI publishes moved
    # every page away from the address the README and the contributing page give. A
    # preview is of the site itself: at the root of the local address.
    if os.environ.pop("SITE_URL", None):
        print(
            f"readinglist serve: SITE_URL is for a build to publish; serving at the root"
            f" of http://{args.dev_addr}/",
            file=sys.stderr,
        )
    logging_state = mkdocs_logging()
    stop_on_signals()
    try:
        serve(
            config_file=str(root / "mkdocs.yml"),
            livereload=True,
            build_type=None if args.full else "dirty",
            open_in_browser=args.open,
            dev_addr=args.dev_addr,
        )
    except (Abort, ConfigurationError) as error:
        print(f"readinglist serve: {stopped_by(error)}", file=sys.stderr)
        return 1
    finally:
        del logging_state
    return 0


def _in_use(address: str) -> str | None:
    """What to do when another server listens on ``address`` already (a second serve,
    `python -m http.server 8000`). MkDocs binds only after its first build: a minute
    for a long list, and then it said only "Address already in use". (The probe is let
    go at once; an address MkDocs cannot read is MkDocs' to report.)"""
    import errno
    import ipaddress
    import socket

    written, _, port = address.rpartition(":")
    host = written.strip("[]")
    family = socket.AF_INET
    try:
        if isinstance(ipaddress.ip_address(host), ipaddress.IPv6Address):
            family = socket.AF_INET6  # (as MkDocs' server chooses it)
    except ValueError:
        pass  # a host name: IPv4, as MkDocs binds it

    def refusal(number: int) -> OSError | ValueError | OverflowError | None:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            # As MkDocs' server binds (http.server's allow_reuse_address): a port a
            # stopped serve left in TIME_WAIT is free to it, and so to the probe.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((host, number))
            except (OSError, ValueError, OverflowError) as error:
                return error
        return None

    error = refusal(int(port))
    if error is None or getattr(error, "errno", None) != errno.EADDRINUSE:
        return None  # (free, or another refusal: MkDocs says it, as it did)
    # The port suggested is one free now: port + 1 was often the next serve's, still
    # running, and after 65535 there is no port to give.
    taken = int(port)
    nearby = [*range(taken + 1, min(taken + 21, 65536)), *range(taken - 1, max(taken - 21, 0), -1)]
    free = next((number for number in nearby if refusal(number) is None), None)
    instead = f"{written}:{free}" if free is not None else "IP:PORT"
    return (
        f"{address} is in use (another serve, or a web server): stop it, or serve"
        f" on another port (-a {instead})"
    )


def stop_on_signals() -> None:
    """Make a stop by SIGTERM or SIGHUP (an IDE's stop button, a closed terminal,
    `timeout`, docker) what Ctrl-C is to MkDocs' server: a shutdown that removes the
    built site it keeps in a temporary folder (left behind, 150 MB at 4,000 papers).
    (Plain `mkdocs serve` too: the hook's on_startup calls it.)"""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return  # (a server run in a thread of another program: its signals are not ours)

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)  # (no SIGHUP on Windows)
        # A server started under `nohup` ignores SIGHUP, and keeps doing so.
        if signum is not None and signal.getsignal(signum) is not signal.SIG_IGN:
            signal.signal(signum, interrupt)
