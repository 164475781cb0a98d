"""The command line's own behaviour, shared by every command."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_a_reader_closing_the_pipe_is_not_an_error():
    # `readinglist topics | head -1`: the pipe closes before the command has written.
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "topics"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()
    _, stderr = process.communicate(timeout=60)
    assert b"Traceback" not in stderr, stderr.decode()
    assert b"BrokenPipeError" not in stderr
    assert process.returncode == 0


def test_every_command_has_help():
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0
    for command in ("import", "check", "build", "serve", "topics", "gaps", "search", "links"):
        assert f"    {command} " in result.stdout


def test_every_commands_help_says_its_exit_statuses(capsys):
    # (curator: `readinglist search --help`, `topics --help` and `serve --help` said
    # nothing of the exit status a script tests, which every other command's help says)
    from generator.cli import COMMANDS, main

    for command in COMMANDS:
        with pytest.raises(SystemExit):
            main([command, "--help"])
        epilog = " ".join(capsys.readouterr().out.split("\n\n")[-1].split())  # (as wrapped)
        assert "exit status: 0 " in epilog, command


def _project_with_an_error(tmp_path: Path) -> Path:
    import shutil

    project = tmp_path / "project"
    shutil.copytree(ROOT / "tests" / "data" / "site_fixture" / "content", project / "content")
    broken = project / "content" / "papers" / "task-vectors.yml"
    broken.write_text(broken.read_text().replace("year: 2023", "year: next year"))
    return project


def _buildable_with_an_error(tmp_path: Path) -> Path:
    """`_project_with_an_error` with the repository's mkdocs.yml and theme: a build runs."""
    project = _project_with_an_error(tmp_path)
    (project / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    for shared in ("overrides", "generator"):
        (project / shared).symlink_to(ROOT / shared)
    return project


def test_topics_explain_answers_despite_an_error_elsewhere_and_still_fails(tmp_path):
    # The error is in another paper's file: the explanation is still what the curator
    # asked for, and the exit status still says the content is not clean.
    project = _project_with_an_error(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "topics",
         "--explain", "gradient-episodic-memory"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert "content/papers/task-vectors.yml:" in result.stderr
    assert "'year' must be a four-digit year" in result.stderr
    assert "1 error in content/; what follows leaves out what they concern" in result.stderr
    # The fixture's warnings (hostile notes, short reading orders) are counted, not listed.
    assert "warning:" not in result.stderr
    assert re.search(r"\(\d+ warning\(s\): readinglist check lists them\)", result.stderr)
    assert result.stdout.startswith("gradient-episodic-memory: Gradient Episodic Memory")
    assert "continual-learning (Continual learning)" in result.stdout


def test_a_command_stopped_by_a_curation_error_says_what_it_did_not_do(tmp_path):
    project = _project_with_an_error(tmp_path)
    # A paper file that is not YAML: links stops before asking any server.
    (project / "content" / "papers" / "task-vectors.yml").write_text("id: [\n")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "links"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert re.search(r"\n\d+ errors?; no link was checked\.$", result.stderr.rstrip())


@pytest.mark.parametrize("command", ["build", "serve"])
def test_a_build_in_a_folder_inside_a_project_names_the_project(tmp_path, monkeypatch, capsys, command):
    # (MkDocs' "Config file '.../content/papers/mkdocs.yml' does not exist" said neither
    # where the project is nor what to do.) A shell left in content/papers/:
    from generator.cli import main

    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    address = ["-a", "127.0.0.1:0"] if command == "serve" else []
    what = "server" if command == "serve" else "build"
    monkeypatch.chdir(papers)
    assert main([command, *address]) == 1
    assert capsys.readouterr().err == (
        f"readinglist {command}: {papers} has no mkdocs.yml: run the {what} in the project folder or"
        f" give --root PATH (this folder is inside the project {tmp_path}: run the {what} there, or"
        f" give --root {tmp_path})\n"
    )
    # The same folder named by --root: the project is what --root should name.
    assert main(["--root", str(papers), command, *address]) == 1
    assert capsys.readouterr().err == (
        f"readinglist {command}: {papers} has no mkdocs.yml: --root must name the project folder,"
        f" the one holding mkdocs.yml and content/ (this folder is inside the project {tmp_path},"
        " which --root should name)\n"
    )
    assert list(papers.iterdir()) == []


@pytest.mark.parametrize("command", ["build", "serve"])
def test_a_list_started_by_hand_without_mkdocs_yml_is_told_to_copy_it(tmp_path, capsys, command):
    # A folder with content/ but no mkdocs.yml is the list itself, started by hand, not a
    # shell in the wrong folder: "run the build in the project folder" sent its curator
    # looking for another folder. What is missing, and where the shipped files are.
    from generator.cli import main

    shutil.copytree(ROOT / "tests" / "data" / "site_fixture" / "content", tmp_path / "content")
    before = sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*"))
    address = ["-a", "127.0.0.1:0"] if command == "serve" else []
    assert main(["--root", str(tmp_path), command, *address]) == 1
    said = capsys.readouterr().err
    assert said == (
        f"readinglist {command}: {tmp_path} has content/ but no mkdocs.yml, the site's MkDocs"
        " configuration (its theme, and the hook that runs the generator): copy mkdocs.yml,"
        f" overrides/ and generator/ from the readinglist repository ({ROOT}) into this folder,"
        " or move content/ into a copy of that repository (README: 'Starting your own list');"
        " readinglist check works without them\n"
    )
    assert "project folder" not in said
    # (The files it names are there to copy.)
    assert all((ROOT / name).exists() for name in ("mkdocs.yml", "overrides", "generator"))
    assert sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*")) == before
    # check reads content/ alone, and works there.
    assert main(["--root", str(tmp_path), "check"]) == 0


@pytest.mark.parametrize("command", ["check", "build", "serve"])
def test_a_yaml_mistake_in_mkdocs_yml_is_reported_at_its_place_not_as_a_traceback(
    tmp_path, capsys, command
):
    # (review: the README sends curators to set site_name there; "Smith Lab: papers we
    # read" made build and serve end in a traceback, and check passed)
    import shutil

    from generator.cli import main

    project = tmp_path / "project"
    shutil.copytree(ROOT / "tests" / "data" / "site_fixture" / "content", project / "content")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    line = config.splitlines().index(next(l for l in config.splitlines() if l.startswith("site_name:"))) + 1
    (project / "mkdocs.yml").write_text(
        re.sub(r"(?m)^site_name: .*$", "site_name: Smith Lab: papers we read", config), encoding="utf-8"
    )
    args = ["--root", str(project), command] + (["-a", "127.0.0.1:0"] if command == "serve" else [])
    assert main(args) == 1
    out, err = capsys.readouterr()
    said = out + err
    assert f"mkdocs.yml:{line}:21: YAML syntax error: a colon followed by a space inside an unquoted value;" \
        " put the value in double quotes" in said
    assert "Traceback" not in said
    if command != "check":
        assert not (project / "site").exists()
        assert said.rstrip().endswith("1 error; nothing was built." if command == "build" else "1 error; nothing was served.")


def test_a_build_stopped_by_a_curation_error_says_so_in_a_curators_words(tmp_path, capfd):
    # (review: MkDocs' "Aborted with a BuildError!" after the list of errors read as a
    # failure of the tool)
    from generator.cli import main

    project = _buildable_with_an_error(tmp_path)
    assert main(["--root", str(project), "build"]) == 1
    err = capfd.readouterr().err
    assert "content/papers/task-vectors.yml:" in err and "BuildError" not in err
    assert err.rstrip().endswith("readinglist build: stopped by the problems above; fix them and run the command again")


@pytest.mark.parametrize("port", ["99999", "-1"])
def test_serve_refuses_a_port_out_of_range_in_a_line(capsys, port):
    # (-1, which MkDocs reads as a number, got past it: the build ran, then the bind's
    # "OverflowError: bind(): port must be 0-65535." was a traceback.)
    from generator.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["serve", "-a", f"127.0.0.1:{port}"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == (
        f"readinglist serve: error: argument -a/--dev-addr: port {port} is out of range: ports are 0 to 65535"
    )


def _serve_on_taken(tmp_path: Path, capfd, port: int) -> str:
    """The last line `readinglist serve -a 127.0.0.1:PORT` prints, ``port`` being in
    use; checks that serve stopped before it generated anything."""
    from generator.cli import main

    project = tmp_path / "project"
    shutil.copytree(ROOT / "tests" / "data" / "site_fixture" / "content", project / "content")
    (project / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    for shared in ("overrides", "generator"):
        (project / shared).symlink_to(ROOT / shared)
    assert main(["--root", str(project), "serve", "-a", f"127.0.0.1:{port}"]) == 1
    assert not (project / "docs").exists()  # nothing was generated
    return capfd.readouterr().err.strip().splitlines()[-1]


def _hold(port: int):
    """A socket listening on 127.0.0.1:``port``; None when something else holds it."""
    import errno
    import socket

    held = socket.socket()
    # (As serve's own probe, and MkDocs' server, bind: a port a closed connection left in
    # TIME_WAIT is free to them, so to this too; without it, a suggested port in that
    # state, free to serve, could fail `_is_free` by chance.)
    held.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        held.bind(("127.0.0.1", port))
    except OSError as error:
        held.close()
        assert error.errno == errno.EADDRINUSE
        return None
    held.listen()
    return held


def _is_free(port: int) -> bool:
    held = _hold(port)
    if held is None:
        return False
    held.close()
    return True


def test_serve_on_a_port_in_use_says_so_before_building(tmp_path, capfd):
    # (curator: a second `readinglist serve`, or `python -m http.server 8000`, left
    # running; serve built the whole site, a minute for a long list, and then said only
    # "Address already in use")
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        said = _serve_on_taken(tmp_path, capfd, port)
    assert said.startswith(
        f"readinglist serve: 127.0.0.1:{port} is in use (another serve, or a web server):"
        f" stop it, or serve on another port (-a 127.0.0.1:"
    )


def test_serve_on_a_port_in_use_suggests_a_port_that_is_free(tmp_path, capfd):
    # (a reader's hour: with `http.server 8781` and `http.server 8782` running, serve -a
    # 127.0.0.1:8781 said to use 8782, itself in use; and at 65535 it said 65536, which
    # -a refuses as out of range)
    import socket

    with socket.socket() as first:
        first.bind(("127.0.0.1", 0))
        first.listen()
        port = first.getsockname()[1]
        second = _hold(port + 1)  # (None: taken by another program, as wanted)
        try:
            said = _serve_on_taken(tmp_path, capfd, port)
        finally:
            if second is not None:
                second.close()
    suggested = int(re.fullmatch(r".* \(-a 127\.0\.0\.1:(\d+)\)", said)[1])
    assert suggested not in (port, port + 1)
    assert _is_free(suggested)

    top = _hold(65535)
    try:
        said = _serve_on_taken(tmp_path / "top", capfd, 65535)
    finally:
        if top is not None:
            top.close()
    suggested = int(re.fullmatch(r".* \(-a 127\.0\.0\.1:(\d+)\)", said)[1])
    assert 65535 - 21 < suggested < 65535


def _free_port() -> int:
    """A port free on 127.0.0.1 now (the system's choice), let go at once."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serving(
    project: Path, temporary: Path, env: dict | None = None, plain: bool = False,
    options: tuple[str, ...] = (), **popen,
) -> subprocess.Popen:
    """`readinglist serve` of ``project`` (``plain``: `mkdocs serve`) on a free port, its
    temporary folders in ``temporary``, once it serves (past its first build, which
    MkDocs' server builds into one of them, and past its bind).

    The port is free when found, and the server takes it only after its first build:
    another process on the machine may take it meanwhile, and the server then stops
    ("is in use" before the build, "Address already in use" after it). It is started
    again on another port; and it is taken to be serving once it says so on its port,
    not once its site is built (a server that then failed to bind was taken to serve)."""
    import tempfile
    import time

    command = (
        ["-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml")] if plain
        else ["-m", "generator", "--root", str(project), "serve"]
    )
    said = ""
    for _ in range(3):
        port = _free_port()
        # (in the tests' temporary folder, not the server's, which must end empty)
        log = tempfile.TemporaryFile()
        process = subprocess.Popen(
            [sys.executable, *command, *options, "--dev-addr", f"127.0.0.1:{port}"],
            env={**os.environ, "TMPDIR": str(temporary), **(env or {})}, stdout=subprocess.DEVNULL,
            stderr=log, cwd=project, **popen,
        )  # fmt: skip
        process.port = port  # type: ignore[attr-defined]
        process.log = log  # type: ignore[attr-defined]  # (kept open while it serves)
        deadline = time.monotonic() + 120
        while True:
            log.seek(0)
            # (MkDocs' log wraps its lines at a terminal's width: read as words)
            said = " ".join(log.read().decode(errors="replace").split())
            if f"Serving on http://127.0.0.1:{port}/" in said and any(temporary.glob("mkdocs_*/index.html")):
                return process
            if process.poll() is not None:
                break
            if time.monotonic() > deadline:
                process.kill()
                process.wait(timeout=30)
                raise AssertionError(f"serve did not start serving: {said}")
            time.sleep(0.2)
        log.close()
        if not re.search(r"is in use|Address already in use", said):
            raise AssertionError(f"serve did not build its site: {said}")
    raise AssertionError(f"serve found no free port, three times: {said}")


def test_serving_starts_serve_again_on_another_port_when_its_port_was_taken(tmp_path, monkeypatch):
    # (The serve tests' own helper: a port another process on the machine took between
    # the helper's probe and serve's bind failed them by chance.)
    import socket

    from tests.test_build import FIXTURE, make_project

    project = make_project(tmp_path, FIXTURE)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        first = [taken.getsockname()[1]]  # (the port the probe finds first: taken)
        free_port = _free_port
        monkeypatch.setattr(sys.modules[__name__], "_free_port", lambda: first.pop() if first else free_port())
        process = _serving(project, temporary)
        try:
            assert process.port != taken.getsockname()[1]
            socket.create_connection(("127.0.0.1", process.port), timeout=30).close()
        finally:
            process.terminate()
            process.wait(timeout=60)


def test_serve_stopped_by_sigterm_or_sighup_removes_its_built_site(tmp_path):
    # MkDocs' server builds into a temporary folder and removes it on Ctrl-C; a stop by
    # SIGTERM (an IDE, `timeout`, docker) or SIGHUP (a closed terminal) left it behind.
    import signal

    from tests.test_build import FIXTURE, make_project

    # (Plain `mkdocs serve` too, through the hook.)
    stops = [(signal.SIGTERM, False), (signal.SIGHUP, False), (signal.SIGTERM, True)]
    for number, (signum, plain) in enumerate(stops):
        (tmp_path / str(number)).mkdir()
        project = make_project(tmp_path / str(number), FIXTURE)
        temporary = tmp_path / f"tmp{number}"
        temporary.mkdir()
        # (A closed terminal's SIGHUP as the server gets it: not ignored, as it is when
        # the tests themselves run under `nohup`, which the server respects.)
        process = _serving(
            project, temporary, plain=plain,
            preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_DFL),
        )
        try:
            process.send_signal(signum)
            process.wait(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
        assert list(temporary.iterdir()) == [], (signum, plain)


def test_plain_mkdocs_serve_clean_stopped_by_sigterm_removes_its_built_site(tmp_path):
    """MkDocs tells the hook's on_startup that `mkdocs serve --clean` is a "build": the
    server it then runs, stopped by SIGTERM, left its temporary folder behind."""
    import signal
    import socket
    import time

    from tests.test_build import FIXTURE, make_project

    project = make_project(tmp_path, FIXTURE)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    process = _serving(project, temporary, plain=True, options=("--clean",))
    try:
        deadline = time.monotonic() + 60
        while True:  # (serving: past the first build and on_serve)
            try:
                socket.create_connection(("127.0.0.1", process.port), timeout=5).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert list(temporary.iterdir()) == []


def test_a_system_error_is_one_line_with_the_file_not_a_traceback(monkeypatch, capsys, tmp_path):
    import errno

    from generator.cli import main
    from generator.commands import build

    def full_disk(args):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "docs" / "x.md"))

    monkeypatch.setattr(build, "run", full_disk)
    assert main(["--root", str(tmp_path), "build"]) == 1
    assert capsys.readouterr().err == (
        f"readinglist build: No space left on device: {tmp_path / 'docs' / 'x.md'}\n"
    )


def test_serve_under_nohup_keeps_running_through_sighup(tmp_path):
    # `nohup readinglist serve &` ignores SIGHUP (a closed terminal); the handler that
    # turns SIGHUP into a shutdown must not undo that.
    import signal
    import time

    from tests.test_build import FIXTURE, make_project

    project = make_project(tmp_path, FIXTURE)
    process = _serving(
        project, tmp_path, preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN)
    )
    try:
        process.send_signal(signal.SIGHUP)
        time.sleep(1.5)
        assert process.poll() is None  # still serving
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert not any(tmp_path.glob("mkdocs_*"))


def test_serve_previews_at_the_root_of_its_address_whatever_site_url_says(tmp_path):
    # MkDocs serves under site_url's path: with SITE_URL left in the shell from a build
    # for GitHub Pages, /papers/<id>/ was a 404 and the pages were under /reading-list/.
    import signal
    import time
    import urllib.error
    import urllib.request

    from tests.test_build import FIXTURE, make_project

    project = make_project(tmp_path, FIXTURE)
    paper = sorted(p.stem for p in (project / "content" / "papers").glob("*.yml"))[0]
    process = _serving(project, tmp_path, env={"SITE_URL": "https://lab.example/reading-list/"})
    try:
        base = f"http://127.0.0.1:{process.port}/"
        deadline = time.monotonic() + 30
        while True:  # the site is built a moment before the server listens
            try:
                response = urllib.request.urlopen(base + f"papers/{paper}/", timeout=30)
                break
            except urllib.error.HTTPError:
                raise  # an answer: the page is not there
            except urllib.error.URLError:  # no answer yet
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        with response:
            assert response.status == 200
            assert response.url == base + f"papers/{paper}/"  # not redirected
            page = response.read().decode("utf-8")
        assert "/reading-list/" not in page
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


@pytest.mark.parametrize("command", ["import", "check", "build", "serve", "topics", "gaps", "search", "links"])
def test_root_is_taken_before_or_after_any_command(command):
    from generator.cli import build_parser

    extra = ["x.bib"] if command == "import" else ["words"] if command == "search" else []
    parser = build_parser()
    assert parser.parse_args([command, "--root", "lab", *extra]).root == "lab"
    assert parser.parse_args(["--root", "lab", command, *extra]).root == "lab"
    assert parser.parse_args([command, *extra]).root == "."


def test_check_imports_no_other_commands_code(tmp_path):
    # The parser holds only the command given: building every command's parser imported
    # the importer, the link checker and the topic commands, half a second of `check`.
    import shutil

    project = tmp_path / "project"
    shutil.copytree(ROOT / "tests" / "data" / "site_fixture" / "content", project / "content")
    code = (
        "import sys; from generator.cli import main;"
        f" status = main(['--root', {str(project)!r}, 'check']);"
        " print(status, sorted(m for m in sys.modules if m.startswith("
        "('generator.commands.', 'generator.importer', 'generator.linkcheck', 'sklearn', 'mkdocs'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    # (The last line: the fixture's warnings come first.)
    assert result.stdout.splitlines()[-1] == "0 ['generator.commands.check']", result.stderr


@pytest.mark.parametrize(
    "argv, command, root",
    [
        (["check"], "check", "."),
        (["--root", "check", "build"], "build", "check"),  # (a folder named like a command)
        (["--ro", "lab", "check"], "check", "lab"),  # (an abbreviated option: the glance misses)
        (["--ro", "check", "build"], "build", "check"),
        (["--root=lab", "topics"], "topics", "lab"),
    ],
)
def test_the_command_is_read_as_the_whole_parser_reads_it(argv, command, root):
    from generator.cli import build_parser, parse

    args = parse(argv)
    assert (args.command, args.root) == (command, root)
    assert args._module.__name__ == f"generator.commands.{command}"
    whole = build_parser().parse_args(argv)
    assert (whole.command, whole.root, whole._module) == (command, root, args._module)


def test_a_wrong_argument_of_the_command_is_still_an_error(capsys):
    from generator.cli import parse

    for argv in (["check", "--bogus"], ["--ro", "check", "import", "x.bib", "--bogus"]):
        with pytest.raises(SystemExit) as stop:
            parse(argv)
        assert stop.value.code == 2
        assert "unrecognized arguments: --bogus" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv, said",
    [
        # links' 1 is "a link is dead": a CI job's script read a mistyped option as dead links.
        # Each names the option given and its value: stars' "--timeout must be 0 to 3600 s
        # (not 0), --concurrency positive, --max-age 0 to 36500 days" was said of --max-age -1.
        (["links", "--timeout", "0"], "readinglist links: error: argument --timeout: must be more than 0 and at most 3600 (seconds), not 0"),
        (["links", "--concurrency", "0"], "readinglist links: error: argument --concurrency: must be 1 or more, not 0"),
        # (No number at all: 'nan' is not below 0, so it passed, and a run given it hung,
        # its every link waiting; 'inf' is a timeout no socket takes.)
        (["links", "--timeout", "nan"], "readinglist links: error: argument --timeout: must be more than 0 and at most 3600 (seconds), not nan"),
        (["links", "--timeout", "inf"], "readinglist links: error: argument --timeout: must be more than 0 and at most 3600 (seconds), not inf"),
        (["links", "--delay", "nan"], "readinglist links: error: argument --delay: must be 0 or more (seconds), not nan"),
        (["links", "--max-age", "-1"], "readinglist links: error: argument --max-age: must be 0 or more (days), not -1"),
        (["links", "--budget", "nan"], "readinglist links: error: argument --budget: must be 0 or more (minutes), not nan"),
        (["stars", "--concurrency", "0"], "readinglist stars: error: argument --concurrency: must be 1 or more, not 0"),
        (["stars", "--max-age", "-1"], "readinglist stars: error: argument --max-age: must be 0 or more and at most 36500 (days), not -1"),
        (["add", "--timeout", "0", "2106.09685"], "readinglist add: error: argument --timeout: must be more than 0 and at most 3600 (seconds), not 0"),
        (["add", "--timeout", "soon", "2106.09685"], "readinglist add: error: argument --timeout: not a number: 'soon'"),
    ],
)
def test_an_option_out_of_range_exits_2_as_a_wrong_option_does_not_as_the_commands_answer(
    tmp_path, capsys, argv, said
):
    from generator.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["--root", str(tmp_path), *argv])
    assert stopped.value.code == 2  # (serve's port out of range and a --timeout of 'abc' too)
    assert said in capsys.readouterr().err.splitlines()


@pytest.mark.parametrize(
    "argv, said, usage",
    [
        # A file to check (check reads all of content/, and takes none), an option another
        # tool has: said with the command's own usage and name, which show what it takes.
        # With the whole command line's ("usage: readinglist [-h] [--version] [--root ROOT]
        # COMMAND ...", "readinglist: error: ..."), it read as if the command itself were
        # the mistake.
        (["check", "content/papers/x.yml"], "readinglist check: error: unrecognized arguments: content/papers/x.yml",
         "usage: readinglist check [-h] [--root ROOT]"),
        (["import", "lab.bib", "--dry-run"], "readinglist import: error: unrecognized arguments: --dry-run",
         "usage: readinglist import [-h] [--root ROOT]"),
        (["--root", "lab", "build", "--strcit"], "readinglist build: error: unrecognized arguments: --strcit",
         "usage: readinglist build [-h] [--root ROOT] [--strict] [--site-dir SITE_DIR]"),
        # (the glance at the command misses an abbreviated --root: the whole parser says it)
        (["--ro", "check", "import", "x.bib", "--bogus"], "readinglist import: error: unrecognized arguments: --bogus",
         "usage: readinglist import [-h] [--root ROOT]"),
        # Before the command, an option is the whole command line's.
        (["--bogus", "check"], "readinglist: error: unrecognized arguments: --bogus",
         "usage: readinglist [-h] [--version] [--root ROOT] COMMAND ..."),
    ],
)
def test_a_word_the_command_does_not_take_is_said_with_that_commands_usage(capsys, argv, said, usage):
    from generator.cli import parse

    with pytest.raises(SystemExit) as stop:
        parse(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == said
    assert err.startswith(usage)


# Each command run for a folder that is not a project: its words as it says them (stderr,
# or check's stdout), and the argv after the folder.
WRONG_FOLDER_COMMANDS = [
    ["check"], ["topics"], ["gaps"], ["links"], ["stars"], ["rename", "a", "b"], ["build"],
    ["serve", "-a", "127.0.0.1:0"], ["init"], ["import", "x.bib"], ["add", "2106.09685"],
    ["search", "words"],
]  # fmt: skip


@pytest.mark.parametrize("argv", WRONG_FOLDER_COMMANDS, ids=lambda argv: argv[0])
def test_a_wrong_root_is_named_and_not_answered_with_give_root(tmp_path, capsys, argv):
    # `readinglist --root /nonexistent check` said "content: no such folder; run
    # readinglist in the project folder or give --root": neither the folder it looked in
    # nor anything the curator had not done already.
    from generator.cli import main

    nowhere = tmp_path / "nowhere"
    assert main(["--root", str(nowhere), *argv]) != 0
    said = capsys.readouterr()
    said = said.out + said.err
    assert str(nowhere) in said
    assert "give --root" not in said and "with --root" not in said
    assert "--root must name the project folder" in said


@pytest.mark.parametrize("argv", WRONG_FOLDER_COMMANDS, ids=lambda argv: argv[0])
def test_a_mistyped_root_is_said_not_to_exist_with_the_project_beside_it_meant(tmp_path, capsys, argv):
    # (audit: `--root ~/lab-lst` said "/home/me/lab-lst has no mkdocs.yml", and import
    # "to start a list in this folder, create content/ in it first", of a folder that is
    # not there: a curator looked for the file, not at the name they had mistyped)
    from generator.cli import main

    project = tmp_path / "lab-list"
    (project / "content").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: Lab\n")
    (tmp_path / "lab-notes").mkdir()  # (a folder beside it that is no project: not offered)
    typed = tmp_path / "lab-lst"
    assert main(["--root", str(typed), *argv]) != 0
    said = capsys.readouterr()
    said = said.out + said.err
    assert f"; {typed} does not exist (did you mean {project}?)" in said
    assert "create content/ in it" not in said
    assert not typed.exists()


@pytest.mark.parametrize("argv", WRONG_FOLDER_COMMANDS, ids=lambda argv: argv[0])
def test_a_root_naming_a_file_is_said_to_be_a_file_with_the_project_holding_it(tmp_path, capsys, argv):
    # (review: of `--root lab/mkdocs.yml` build said "... does not exist", of a file that
    # is there, and check, topics, gaps, stars and search only "Not a directory:
    # lab/mkdocs.yml/content/topics.yml")
    from generator.cli import main

    project = tmp_path / "lab"
    (project / "content").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: Lab\n")
    (tmp_path / "notes.txt").write_text("not a project\n")
    fix = "--root must name the project folder, the one holding mkdocs.yml and content/"
    for typed, said_of_it in [
        (project / "mkdocs.yml", f"; {project / 'mkdocs.yml'} is a file, not a folder (did you mean {project}?)"),
        (tmp_path / "notes.txt", f"; {tmp_path / 'notes.txt'} is a file, not a folder"),
        # (A path through a file: "Not a directory" too, and no folder of it is there.)
        (tmp_path / "notes.txt" / "lab", f"; {tmp_path / 'notes.txt' / 'lab'} does not exist:"
         f" {tmp_path / 'notes.txt'} is a file, not a folder"),
    ]:
        assert main(["--root", str(typed), *argv]) == 1
        said = capsys.readouterr()
        assert said.out == ""
        assert said.err == f"readinglist {argv[0]}: {fix}{said_of_it}\n"
    assert (project / "mkdocs.yml").read_text() == "site_name: Lab\n"
    assert sorted(p.name for p in project.iterdir()) == ["content", "mkdocs.yml"]


def test_a_root_that_is_not_there_with_no_project_like_it_is_said_not_to_exist(tmp_path, capsys):
    from generator.cli import main

    (tmp_path / "lab-notes").mkdir()
    typed = tmp_path / "nowhere" / "lab-lst"
    assert main(["--root", str(typed), "check"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"content: no such folder in {typed}; --root must name the project folder,"
        f" the one holding mkdocs.yml and content/; {typed} does not exist"
    )


@pytest.mark.parametrize("argv", WRONG_FOLDER_COMMANDS, ids=lambda argv: argv[0])
def test_a_wrong_current_folder_is_named_and_answered_with_give_root(tmp_path, monkeypatch, capsys, argv):
    from generator.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(argv) != 0
    said = capsys.readouterr()
    said = said.out + said.err
    assert str(tmp_path.resolve()) in said
    assert "give --root" in said or "name it with --root" in said


def test_a_wrong_root_inside_a_project_names_the_project_as_the_root_to_give(tmp_path, capsys):
    from generator.cli import main

    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n")
    papers = tmp_path / "content" / "papers"
    papers.mkdir(parents=True)
    assert main(["--root", str(papers), "check"]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"content: no such folder in {papers}; --root must name the project folder,"
        f" the one holding mkdocs.yml and content/ (this folder is inside the project {tmp_path},"
        " which --root should name)"
    )


def test_a_build_in_a_pipe_logs_without_colour_codes(tmp_path, capfd):
    # `readinglist build 2>&1 | cat -v` in a CI log showed '^[[31mERROR   -  ^[[0m...':
    # MkDocs' console formatter colours its levels whatever the stream.
    from generator.cli import main

    project = _buildable_with_an_error(tmp_path)
    assert main(["--root", str(project), "build"]) == 1
    err = capfd.readouterr().err
    assert "ERROR   -  " in err and "\x1b[" not in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("no_color, coloured", [(None, True), ("", True), ("1", False)])
def test_mkdocs_logs_to_a_terminal_in_colour_unless_no_color_is_set(monkeypatch, no_color, coloured):
    # (NO_COLOR, no-color.org: set to anything but the empty string, no colour.)
    import logging

    from generator.commands.build import mkdocs_logging

    monkeypatch.setattr(sys, "stderr", _Terminal())
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    state = mkdocs_logging()
    record = logging.LogRecord("mkdocs", logging.ERROR, __file__, 1, "broken", None, None)
    said = state.stream.format(record)
    assert said.endswith("broken") and ("\x1b[31m" in said) == coloured
    del state


@pytest.mark.parametrize("address", ["notaport", "127.0.0.1:abc", "localhostt:8001", "127.0.0.1"])
def test_serve_refuses_an_address_that_is_no_ip_and_port_in_a_line(capsys, address):
    # (It built, then MkDocs said "Config value 'dev_addr': Must be a string of format
    # 'IP:PORT'": a setting of mkdocs.yml, not the option given.)
    from generator.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["serve", "-a", address])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "readinglist serve: error: argument -a/--dev-addr: give an address as IP:PORT, e.g."
        f" 127.0.0.1:8001 (an IP address or localhost, a colon, a port number), not {address!r}"
    )


@pytest.mark.parametrize("address", ["127.0.0.1:8001", "localhost:0", "[::1]:8001", "0.0.0.0:80"])
def test_serve_takes_an_ip_and_port(address):
    from generator.cli import parse

    assert parse(["serve", "-a", address]).dev_addr == address


@pytest.mark.parametrize(
    "argv, said",
    [
        (["chek"], "invalid choice: 'chek' (did you mean 'check'?)"),
        (["--root", "lab", "biuld", "--strict"], "invalid choice: 'biuld' (did you mean 'build'?)"),
        (["topic"], "invalid choice: 'topic' (did you mean 'topics'?)"),
        # (Nothing near: every command, as before.)
        (["xyzzy"], "invalid choice: 'xyzzy' (choose from 'init', 'import', 'add', 'check', 'build',"
         " 'serve', 'rename', 'topics', 'gaps', 'search', 'links', 'stars')"),
    ],
)
def test_a_misspelt_command_is_told_the_command_meant(capsys, argv, said):
    # (`readinglist chek` listed all twelve commands, 'check' among them, unmarked.)
    from generator.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == f"readinglist: error: argument COMMAND: {said}"


@pytest.mark.parametrize(
    "argv, said",
    [
        # Alone it was answered with the help, as if no word were given.
        (["--bogus"], "unrecognized arguments: --bogus"),
        (["--bogus=3"], "unrecognized arguments: --bogus=3"),
        (["-x"], "unrecognized arguments: -x"),
        # With a folder after it, argparse said "invalid choice: 'lab'", the folder.
        (["--rot", "lab"], "unrecognized arguments: --rot (did you mean '--root'?)"),
        (["--rooot=lab", "check"], "unrecognized arguments: --rooot=lab (did you mean '--root'?)"),
        (["--root", "lab", "--verison"], "unrecognized arguments: --verison (did you mean '--version'?)"),
        # `--root` with no folder after it: it was told to give a command, as if the
        # folder were given.
        (["--root"], "argument --root: expected one argument"),
        (["--ro"], "argument --root: expected one argument"),
        (["--root", "--version"], "argument --root: expected one argument"),
    ],
)
def test_an_option_before_the_command_that_none_takes_is_said_so(capsys, argv, said):
    from generator.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: readinglist [-h] [--version] [--root ROOT] COMMAND ...")
    assert err.splitlines()[-1] == f"readinglist: error: {said}"


# (`--ro lab`: argparse takes an option's start for the option, as `--ro lab check` does.)
@pytest.mark.parametrize("argv", [[], ["--root", "lab"], ["--root=lab"], ["--ro", "lab"], ["--ro=lab"]])
def test_no_command_shows_the_commands_there_are(argv, capsys):
    # It said only "readinglist: error: the following arguments are required: COMMAND".
    from generator.cli import main

    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert lines[0].startswith("usage: readinglist ")
    # Each command on a line of its own, with what it does.
    for command in ("init", "import", "add", "check", "build", "serve", "gaps", "search"):
        assert any(re.match(rf"    {command} +\S", line) for line in lines), command
    assert lines[-1] == "readinglist: give a command, such as: readinglist check"


def test_a_misspelt_command_is_still_told_the_one_meant(capsys):
    from generator.cli import main

    with pytest.raises(SystemExit):
        main(["--root", "lab", "chek"])
    assert "invalid choice: 'chek' (did you mean 'check'?)" in capsys.readouterr().err
