"""A synthetic corpus of 300 claims, generated once per test module through the command.

Generating takes about a second, so the modules that only read it share one
run. It happens in a transaction rolled back when the module ends; each test
runs in a savepoint inside it (pytest-django's `db`).
"""

from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

CLAIMS = 300
SEED = 7


def generate(*args: str) -> str:
    out = StringIO()
    call_command("generate_synthetic", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker) -> Iterator[str]:
    with django_db_blocker.unblock(), transaction.atomic():
        yield generate("--claims", str(CLAIMS), "--seed", str(SEED))
        transaction.set_rollback(True)


@pytest.fixture
def corpus(generated: str, db) -> str:
    """The command's summary; the corpus is in the database (writes by the test are rolled back)."""
    return generated
