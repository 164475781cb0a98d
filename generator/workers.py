"""Jobs on a few threads that Ctrl-C stops soon, for the commands that ask servers
(`links`, `stars`): a run can take an hour, and what it learned before Ctrl-C is kept
by its caller, not lost with it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor


def run_all(jobs: Iterable[Callable[[], None]], concurrency: int, stop: threading.Event) -> None:
    """Run each job, at most ``concurrency`` at a time; none starts once ``stop`` is set
    (a long job checks ``stop`` itself between its steps).

    Ctrl-C (KeyboardInterrupt in this thread) sets ``stop``, waits for the jobs under way
    (each bounded by its own timeout), and raises KeyboardInterrupt again: the jobs'
    results are then whole, and the caller keeps them.
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
            future.result()
    except KeyboardInterrupt:
        # Waiting for every job queued could take an hour: none is started now. (Counted
        # by hand: a Ctrl-C while the pool starts a thread leaves it out of the pool's own.)
        stop.set()
        pool.shutdown(wait=False, cancel_futures=True)
        with changed:
            changed.wait_for(lambda: running == 0)
        raise
    finally:
        pool.shutdown(wait=not stop.is_set())
