"""Clients for the jobs tests, and the real worker of test_worker.py."""

import pytest

from tests.jobs.worker import worker_factory  # noqa: F401 (a fixture for test_worker.py)


@pytest.fixture
def as_editor(client_for, editor):
    return client_for(editor)


@pytest.fixture
def as_reviewer(client_for, reviewer):
    return client_for(reviewer)


@pytest.fixture
def as_consumer(client_for, consumer):
    return client_for(consumer)
