"""Ctrl-C held off while a few renames that must all happen, or none, are made."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Ctrl-C (SIGINT) during the block is raised once it is over: a few renames that
    must all happen or none. (Only the main thread can hold it; a server's rebuild
    thread runs the block as it is.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.getsignal(signal.SIGINT)
    # (A handler not set from Python cannot be put back; a process that ignores SIGINT,
    # as a shell starts a script's background job, goes on ignoring it.)
    if previous is None or previous is signal.SIG_IGN:
        yield
        return
    signal.signal(signal.SIGINT, lambda number, frame: caught.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt
