"""Outbound work on the embedded default: after the response, never in its time (SPEC §13).

With a broker every task goes to the workers. Without one (CELERY_BROKER_URL empty: `make run`,
a server with nothing beside it), Celery runs a task in the process that asked for it, when the
transaction commits: right for a rescoring, which reads the database, but a capture or a
webhook try waits on another server, up to its deadline, and a reviewer's approve that waited so
for a slow receiver ran past gunicorn's timeout and answered 500 although it had committed. So
`claims.services.jobs.enqueue` hands the tasks that call out (those claims/tasks.py declares
`outbound`) to this executor instead: a queue in the process, worked by OUTBOUND_THREADS
threads started when first needed. The request only puts the task on the queue.

What a process loses when it stops (its queue, a try cut off) is in the database and is taken
up again: webhook deliveries by the sweep (`manage.py send_webhooks`, run from cron), captures by
`manage.py resume_jobs`. When the process exits, the tasks already running are waited for, up to
the outbound deadline, so that no try is left open to wait out its lease.
"""

import atexit
import logging
import os
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import connections

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Work:
    """One task to run: its name (for the log) and how to run it."""

    name: str
    run: Callable[[], object]


class Executor:
    """A queue of outbound tasks and the threads that work it.

    `threaded` False keeps the work queued until `run_queued` or `drain` runs it in the calling
    thread: the tests do so, as their database transaction is the calling thread's own."""

    def __init__(self) -> None:
        self.threaded = True
        self._reset()

    def _reset(self) -> None:
        self._pid = os.getpid()
        self._queue: deque[Work] = deque()
        self._changed = threading.Condition()
        self._threads: list[threading.Thread] = []
        self._running = 0
        self._stopping = False

    def submit(self, work: Work) -> None:
        if os.getpid() != self._pid:
            self._reset()  # a forked process: the parent's threads and lock are not this one's
        with self._changed:
            self._queue.append(work)
            self._changed.notify()
            if self.threaded and not self._stopping:
                self._start_threads()

    def queued(self) -> int:
        with self._changed:
            return len(self._queue)

    def discard(self) -> int:
        """Forget what is queued and not started (the sweep and resume_jobs find it again); how much."""
        with self._changed:
            count = len(self._queue)
            self._queue.clear()
            return count

    def _start_threads(self) -> None:
        self._threads = [thread for thread in self._threads if thread.is_alive()]
        while len(self._threads) < min(settings.OUTBOUND_THREADS, len(self._queue) + self._running):
            thread = threading.Thread(target=self._work, daemon=True, name=f"outbound-{len(self._threads) + 1}")
            self._threads.append(thread)
            thread.start()

    def _next(self, wait: bool) -> Work | None:
        """The next work to run: at once (None if there is none), or, for the threads, once there is
        work for them (None when stopping)."""
        with self._changed:
            while wait and not (self._queue and self.threaded) and not self._stopping:
                self._changed.wait()
            if not self._queue or (wait and self._stopping):
                return None
            self._running += 1
            return self._queue.popleft()

    def _done(self) -> None:
        with self._changed:
            self._running -= 1
            self._changed.notify_all()

    def _work(self) -> None:
        while (work := self._next(wait=True)) is not None:
            try:
                _run(work)
            finally:
                connections.close_all()  # this thread's own connections: none is left open between tasks
                self._done()

    def run_queued(self) -> int:
        """Run what is queued, in this thread, until the queue is empty; how many were run."""
        count = 0
        while (work := self._next(wait=False)) is not None:
            try:
                _run(work)
            finally:
                self._done()
            count += 1
        return count

    def drain(self, timeout: float | None = None) -> bool:
        """Wait until nothing is left, work that adds work included (held work is run here, in
        this thread); whether it all ended within `timeout` seconds."""
        ends = None if timeout is None else time.monotonic() + timeout
        while True:
            if not self.threaded:
                self.run_queued()
            with self._changed:
                if not self._queue and not self._running:
                    return True
                left = None if ends is None else ends - time.monotonic()
                if left is not None and left <= 0:
                    return False
                if self.threaded:
                    self._start_threads()
                if self.threaded or not self._queue:
                    self._changed.wait(left)

    def stop(self, timeout: float) -> None:
        """Start nothing more; wait up to `timeout` seconds for what is running."""
        ends = time.monotonic() + timeout
        with self._changed:
            self._stopping = True
            self._changed.notify_all()
            while self._running and (left := ends - time.monotonic()) > 0:
                self._changed.wait(left)
            if self._queue:
                logger.warning("%d outbound task(s) left for the sweep and resume_jobs", len(self._queue))


def _run(work: Work) -> None:
    try:
        work.run()
    except Exception:
        # A task records its own failure on its rows (Job, Delivery); this is what escaped it.
        logger.exception("The outbound task %s failed", work.name)


executor = Executor()


@atexit.register
def _finish_running() -> None:
    if executor._running:
        executor.stop(settings.OUTBOUND_DEADLINE_SECONDS + 5)
