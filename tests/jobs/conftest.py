"""Jobs keep their uploads through Django's storage: in a folder of the test's own."""

import pytest

from tests.jobs.worker import worker_factory  # noqa: F401 (a fixture for test_worker.py)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def as_editor(client_for, editor):
    return client_for(editor)


@pytest.fixture
def as_reviewer(client_for, reviewer):
    return client_for(reviewer)


@pytest.fixture
def as_consumer(client_for, consumer):
    return client_for(consumer)
