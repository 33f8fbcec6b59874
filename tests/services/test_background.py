"""The background executor of outbound tasks (claims/services/background.py), on its own."""

import threading

import pytest

from claims.services.background import Executor, Work


@pytest.fixture
def threads(settings) -> Executor:
    settings.OUTBOUND_THREADS = 2
    return Executor()


def test_work_runs_on_the_executors_threads_not_the_callers(threads):
    ran_on = []
    threads.submit(Work("record", lambda: ran_on.append(threading.current_thread().name)))

    assert threads.drain(timeout=10)
    assert ran_on and ran_on[0].startswith("outbound-")


def test_drain_waits_for_work_that_asks_for_more_work(threads):
    done = []

    def first() -> None:
        threads.submit(Work("second", lambda: done.append("second")))
        done.append("first")

    threads.submit(Work("first", first))

    assert threads.drain(timeout=10)
    assert sorted(done) == ["first", "second"]


def test_work_that_fails_is_logged_and_the_threads_go_on(threads, caplog):
    def broken() -> None:
        raise RuntimeError("the database went away")

    threads.submit(Work("broken", broken))
    after = threading.Event()
    threads.submit(Work("after", after.set))

    assert threads.drain(timeout=10) and after.is_set()
    assert "The outbound task broken failed" in caplog.text


def test_drain_says_so_when_work_does_not_end_in_time(threads):
    release = threading.Event()
    threads.submit(Work("held", lambda: release.wait(10)))

    assert not threads.drain(timeout=0.2)
    release.set()
    assert threads.drain(timeout=10)


def test_stopping_waits_for_what_runs_and_starts_nothing_more(threads):
    started, release, later = threading.Event(), threading.Event(), []
    threads.submit(Work("running", lambda: (started.set(), release.wait(10))))
    started.wait(10)
    release.set()

    threads.stop(timeout=10)
    threads.submit(Work("late", lambda: later.append(1)))

    assert threads.queued() == 1 and later == []  # left for the sweep and resume_jobs


def test_held_work_waits_for_the_caller_and_runs_in_its_thread():
    held = Executor()
    held.threaded = False
    ran_on = []
    held.submit(Work("record", lambda: ran_on.append(threading.current_thread())))

    assert ran_on == [] and held.queued() == 1
    assert held.run_queued() == 1
    assert ran_on == [threading.current_thread()]
