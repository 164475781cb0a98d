"""Jobs on a few threads that Ctrl-C stops soon, for the commands that ask servers
(`links`, `stars`): a run can take an hour, and what it learned before Ctrl-C is kept
by its caller, not lost with it. A second Ctrl-C gives up the requests under way rather
than wait for them (each within its timeout, which may be minutes).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, wait

from . import fetch


def run_all(
    jobs: Iterable[Callable[[], None]],
    concurrency: int,
    stop: threading.Event,
    waiting: Callable[[int], None] | None = None,
) -> None:
    """Run each job, at most ``concurrency`` at a time; none starts once ``stop`` is set
    (a long job checks ``stop`` itself between its steps).

    Ctrl-C (KeyboardInterrupt in this thread) sets ``stop``, waits for the jobs under way
    (each bounded by its own timeout), and raises KeyboardInterrupt again: the jobs'
    results are then whole, and the caller keeps them. ``waiting`` is told how many
    jobs it waits for, so that a curator knows why nothing happens. A second Ctrl-C
    while it waits gives up their requests (`fetch.abandon_all`: the jobs end with
    `fetch.Abandoned`, recording nothing) and raises at once: what the jobs recorded
    before it is kept all the same.
    """
    running = 0  # jobs under way
    changed = threading.Condition()

    def guarded(job: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            nonlocal running
            with changed:
                if stop.is_set():
                    return
                running += 1
            try:
                job()
            finally:
                with changed:
                    running -= 1
                    changed.notify_all()

        return run

    pool = ThreadPoolExecutor(max_workers=max(1, concurrency))
    try:
        for future in [pool.submit(guarded(job)) for job in jobs]:
            # (In steps, as below: a Ctrl-C just as a wait begins is had within a step.)
            while not wait([future], timeout=0.25).done:
                pass
            future.result()
    except KeyboardInterrupt:
        # Waiting for every job queued could take an hour: none is started now. (Counted
        # by hand: a Ctrl-C while the pool starts a thread leaves it out of the pool's own.)
        stop.set()
        try:
            pool.shutdown(wait=False, cancel_futures=True)
            with changed:
                under_way = running
            if under_way and waiting is not None:
                waiting(under_way)
            with changed:
                # (In steps: a Ctrl-C that comes just as the wait begins would be had
                # only when the jobs end, a request's whole timeout later.)
                while not changed.wait_for(lambda: running == 0, timeout=0.25):
                    pass
        except KeyboardInterrupt:
            # (Their sockets shut, the jobs end soon: the process is not held at exit,
            # where the pool's threads are joined, for a request's whole timeout.)
            fetch.abandon_all()
            raise
        raise
    finally:
        pool.shutdown(wait=not stop.is_set())


class _PutOff:
    had = False  # a Ctrl-C came within the block


@contextlib.contextmanager
def ctrl_c_put_off() -> Iterator[_PutOff]:
    """A block a Ctrl-C does not cut short (what a run learned is being written): one
    that comes is noted in ``had``, and the caller exits as stopped by it. Only the main
    thread has Ctrl-C; elsewhere the block is as any other."""
    put_off = _PutOff()
    if threading.current_thread() is not threading.main_thread():
        yield put_off
        return

    def note(signum: int, frame: object) -> None:
        put_off.had = True

    previous = signal.signal(signal.SIGINT, note)
    try:
        yield put_off
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)
