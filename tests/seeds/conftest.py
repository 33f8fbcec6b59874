"""The seed corpus, loaded once per test module.

Loading takes a few seconds, so the modules that only read it share one load.
The load runs in a transaction that is rolled back when the module ends, and
each test runs in a savepoint inside it (pytest-django's `db`), so no test
sees another's changes and no other test module ever sees the seeds.
"""

from collections.abc import Iterator

import pytest
from django.db import transaction

from claims.seeding import load_seeds
from claims.seeding.sync import Tally
from tests.seeds.corpus import SEEDS_DIR


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker) -> Iterator[Tally]:
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_seeds(SEEDS_DIR)
        transaction.set_rollback(True)


@pytest.fixture
def corpus(seeded: Tally, db) -> Tally:
    """The seeds, loaded, for a test that may also write (its writes are rolled back)."""
    return seeded
