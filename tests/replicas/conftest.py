"""A real primary and streaming replica for the read-routing tests, started by the fixture.

The tests' Django `default` database is pointed at the fixture's primary for the module (its
schema made by the migrations) and `replica_1` at its replica; the machine's own cluster, and
the test database on it, are left alone. With REQUIRE_REPLICA=1 (CI) a replica that cannot
start fails the tests instead of skipping them. They need PostgreSQL's programs and a
PostgreSQL test run: on SQLite they are skipped (a connection cannot change its engine).
"""

import os
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections

from bench.replica_cluster import ClusterFailed, Pair, start_pair, wait_until
from claims.replicas import health

REPLICA = "replica_1"


def unavailable(reason: str) -> None:
    if os.environ.get("REQUIRE_REPLICA") == "1":
        pytest.fail(f"REQUIRE_REPLICA=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def pair(django_db_blocker) -> Iterator[Pair]:
    if connections["default"].vendor != "postgresql":
        pytest.skip("replicas are PostgreSQL's: run with DATABASE_URL=postgres://…")
    try:
        pair = start_pair()
    except ClusterFailed as exc:
        unavailable(f"the replica could not start: {exc}")
    primary = connections["default"]
    saved = dict(primary.settings_dict)
    with django_db_blocker.unblock():
        primary.close()
        primary.settings_dict.update(NAME="postgres", HOST="127.0.0.1", PORT=str(pair.primary.port), USER="postgres")
        primary.settings_dict.update(PASSWORD="")
        connections.settings[REPLICA] = {**primary.settings_dict, "PORT": str(pair.replica.port)}
        try:
            call_command("migrate", verbosity=0, interactive=False)
            yield pair
        finally:
            for alias in ("default", REPLICA):
                connections[alias].close()
            del connections[REPLICA]
            del connections.settings[REPLICA]
            primary.settings_dict.clear()
            primary.settings_dict.update(saved)
            pair.stop()


@pytest.fixture
def replicated(pair, django_db_blocker, settings) -> Iterator[Pair]:
    """Reads may go to the replica; the replay running and caught up at the start."""
    settings.DATABASE_REPLICAS = [REPLICA]
    settings.REPLICA_MAX_LAG_SECONDS = 3600  # replay paused on purpose is not "lagging" here
    settings.REPLICA_RETRY_SECONDS = 0.5
    health._unreachable_until.clear()
    cache.clear()
    with django_db_blocker.unblock():
        if not pair.replica.running():
            pair.replica.start()
        resume()
        caught_up()
        yield pair
        if pair.replica.running():
            resume()
        for alias in ("default", REPLICA):
            connections[alias].close()


def on_replica(sql: str, params: list | None = None) -> object:
    with connections[REPLICA].cursor() as cursor:
        cursor.execute(sql, params or [])
        return cursor.fetchone()[0]


def pause() -> None:
    on_replica("SELECT pg_wal_replay_pause()")
    wait_until(lambda: on_replica("SELECT pg_get_wal_replay_pause_state()") == "paused", what="replay to pause")


def resume() -> None:
    on_replica("SELECT pg_wal_replay_resume()")


def caught_up() -> None:
    """Wait until the replica has replayed everything the primary has written so far."""
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()")
        (written,) = cursor.fetchone()
    wait_until(lambda: on_replica("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [written]), what="replay")
