"""A real Celery worker and Redis for the tests that need them (tests/jobs/test_worker.py).

The worker is `celery -A provenance worker`, started as a subprocess on the test database
(PostgreSQL: another process cannot open the in-memory SQLite test database) and a Redis
database and queue of its own, and stopped, or killed, by the test.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from provenance.celery import app as celery_app

# A Redis database of these tests' own, one per test process when pytest-xdist runs several.
_PROCESS = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
REDIS_URL = os.environ.get("TEST_BROKER_URL", f"redis://127.0.0.1:6379/{10 + _PROCESS % 3}")
READY_WITHIN = 60  # seconds


def redis_or_skip() -> None:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail(f"Redis is required here and does not answer at {REDIS_URL}: {exc}")
        pytest.skip(f"no Redis at {REDIS_URL}")


def database_url() -> str:
    db = connection.settings_dict
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


class Worker:
    """One worker process; `start`, `stop` (as an operator would) and `kill` (as a crash would)."""

    def __init__(self, log: Path, env: dict[str, str]) -> None:
        self.log, self.env = log, env
        self.process: subprocess.Popen | None = None

    def start(self, concurrency: int = 1) -> None:
        command = [
            sys.executable, "-m", "celery", "-A", "provenance", "worker", "--loglevel=INFO", "--pool=prefork",
            f"--concurrency={concurrency}", "--without-gossip", "--without-mingle",
            "--without-heartbeat", "-n", f"test-{uuid.uuid4().hex[:6]}@%h",
        ]  # fmt: skip
        offset = self.log.stat().st_size if self.log.exists() else 0
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                command, cwd=settings.BASE_DIR, env=self.env, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + READY_WITHIN
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the worker exited at start:\n{self.output()}")
            if " ready." in self.log.read_text(errors="replace")[offset:]:
                return
            time.sleep(0.1)
        raise RuntimeError(f"the worker did not start within {READY_WITHIN}s:\n{self.output()}")

    def kill(self) -> None:
        """SIGKILL to the whole process group: no task finishes, nothing is acknowledged."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]


def forget_connections() -> None:
    """Drop the connection and producer pools Celery made for the broker it had (an eager task
    still takes a producer from them): the next message goes to the broker configured now."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@contextmanager
def broker_for_this_process() -> Iterator[None]:
    """Send this test process's tasks to Redis, as a web process with CELERY_BROKER_URL does.

    The queue stays the configured one: Celery reads its queues once per process, so the test
    database of Redis is emptied instead, and no task of another test is left in it."""
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    conf = celery_app.conf
    saved = {key: conf[key] for key in ("broker_url", "task_always_eager")}
    conf.update(broker_url=REDIS_URL, task_always_eager=False)
    forget_connections()
    try:
        yield
    finally:
        conf.update(saved)
        forget_connections()


def worker_environment(**extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": REDIS_URL,
        # A killed worker's messages are handed out again after this many seconds, swept every second.
        "CELERY_VISIBILITY_TIMEOUT": "3",
        "CELERY_RESTORE_INTERVAL": "1",
        "JOB_LEASE_SECONDS": "3",
        "DEBUG": "true",
        "LOG_LEVEL": "WARNING",
    }
    env.update(extra)
    return env


@pytest.fixture
def worker_factory(tmp_path) -> Iterator[Callable[..., Worker]]:
    """Workers on an empty Redis database of the tests' own; every one is stopped when the test ends."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: the worker is another process, which cannot open the in-memory SQLite test database"
        )
    if shutil.which(sys.executable) is None:
        pytest.skip("no Python to start a worker with")
    redis_or_skip()
    started: list[Worker] = []

    def build(**extra: str) -> Worker:
        worker = Worker(tmp_path / "worker.log", worker_environment(**extra))
        started.append(worker)
        return worker

    with broker_for_this_process():
        yield build
    for worker in started:
        worker.stop()
    # The workers' sessions end with them, so the test database can be dropped at the end.
