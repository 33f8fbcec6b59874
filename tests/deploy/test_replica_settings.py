"""DATABASE_REPLICA_URLS: each URL a replica alias the router reads from, and only PostgreSQL's."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOW = "from django.conf import settings; print(settings.DATABASE_REPLICAS, settings.DATABASES['replica_2']['PORT'])"


def django_says(env: dict[str, str], code: str) -> subprocess.CompletedProcess:
    """What settings make of this environment, in a process of its own."""
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DATABASE_REPLICA_URLS"}} | env
    setup = "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'provenance.settings')"
    script = f"{setup}; django.setup(); {code}"
    return subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=clean, capture_output=True, text=True)


@pytest.mark.slow
def test_each_replica_url_is_a_database_the_router_may_read():
    done = django_says(
        {
            "DATABASE_URL": "postgres://app@primary:5432/provenance",
            "DATABASE_REPLICA_URLS": "postgres://app@replica-a:5432/provenance, postgres://app@replica-b:5433/provenance",
        },
        SHOW,
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['replica_1', 'replica_2'] 5433"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("primary", "replicas"),
    [("sqlite:///x.sqlite3", "postgres://app@replica:5432/provenance"), ("postgres://app@p/x", "sqlite:///y.sqlite3")],
)
def test_a_replica_that_is_not_postgresql_stops_the_server_at_start(primary, replicas):
    done = django_says({"DATABASE_URL": primary, "DATABASE_REPLICA_URLS": replicas}, "pass")

    assert done.returncode != 0
    assert "DATABASE_REPLICA_URLS are PostgreSQL replicas of a PostgreSQL DATABASE_URL" in done.stderr
