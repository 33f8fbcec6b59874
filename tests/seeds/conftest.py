"""The seed corpus, loaded once per test module (the fixtures live in tests/conftest.py).

`corpus` here is the seeds for a test that may also write (its writes are rolled back).
"""

import pytest

from claims.seeding.sync import Tally


@pytest.fixture
def corpus(seed_corpus: Tally) -> Tally:
    return seed_corpus
