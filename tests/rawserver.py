"""A local TCP server whose every connection a test answers byte by byte: for answers
no HTTP server library sends (headers a byte at a time, an answer that never ends)."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator


@contextlib.contextmanager
def raw_server(serve: Callable[[socket.socket, threading.Event], None]) -> Iterator[str]:
    """Yield the server's address ("http://127.0.0.1:PORT"). Each connection is handed
    to ``serve(conn, stop)`` on a thread of its own; ``stop`` is set when the block
    ends, and ``serve`` should then return soon."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)  # (so that the accepting loop sees ``stop``)
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            threading.Thread(target=serve, args=(conn, stop), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        listener.close()
