"""Named users and clients shared by every test."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.db import transaction
from rest_framework.test import APIClient

from claims.meaning.index import meaning_index
from claims.roles import EDITOR, REVIEWER
from claims.seeding import load_seeds
from claims.seeding.sync import Tally
from claims.services.background import executor
from tests.seeds.corpus import SEEDS_DIR


def _user(username: str, *groups: str, **flags) -> User:
    user = User.objects.create_user(username=username, password=f"{username}-pass-1234", **flags)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def editor(db) -> User:
    return _user("edna", EDITOR, is_staff=True)


@pytest.fixture
def other_editor(db) -> User:
    return _user("eric", EDITOR, is_staff=True)


@pytest.fixture
def reviewer(db) -> User:
    return _user("rita", REVIEWER, is_staff=True)


@pytest.fixture
def other_reviewer(db) -> User:
    return _user("rob", REVIEWER, is_staff=True)


@pytest.fixture
def editor_reviewer(db) -> User:
    """Someone in both groups: may review, but never their own claims."""
    return _user("erin", EDITOR, REVIEWER, is_staff=True)


@pytest.fixture
def consumer(db) -> User:
    return _user("carl")


@pytest.fixture
def superuser(db) -> User:
    return User.objects.create_superuser(username="sam", password="sam-pass-1234")


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def client_for():
    """An API client authenticated as the given user."""

    def build(user: User) -> APIClient:
        client = APIClient()
        client.force_authenticate(user)
        return client

    return build


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path_factory) -> None:
    """Uploads (imports) are kept through Django's storage: in a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    """Throttle, login and rate counters live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker) -> Iterator[Tally]:
    """The seed corpus, loaded once for a test module that reads it.

    Loading takes a few seconds, so the tests of a module share one load. It runs in a
    transaction rolled back when the module ends, and each test runs in a savepoint inside
    it (pytest-django's `db`), so no test sees another's changes and no other module ever
    sees the seeds.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_seeds(SEEDS_DIR)
        transaction.set_rollback(True)


@pytest.fixture
def seed_corpus(seeded: Tally, db) -> Tally:
    """The seeds, loaded, for a test that may also write (its writes are rolled back)."""
    return seeded


@pytest.fixture(autouse=True)
def fresh_meaning_index() -> Iterator[None]:
    """The vector index is the process's own cache of the vectors table: each test's rows are
    rolled back, so each test starts from an index that has read none."""
    meaning_index.reset()
    yield
    meaning_index.reset()


@pytest.fixture(autouse=True)
def outbound_work_waits() -> Iterator[None]:
    """Outbound tasks (captures, webhook tries) run after the response on the embedded default
    (claims/services/background.py). A test's writes are in its own thread's transaction, which
    the executor's threads cannot see: here the work waits on the queue until the test drains it
    (`drain_background`, or the end of a `committed()` block), and what a test leaves is dropped."""
    executor.threaded = False
    yield
    executor.discard()
    executor.threaded = True


@pytest.fixture
def drain_background(django_capture_on_commit_callbacks) -> Callable[[], int]:
    """Run the outbound work the test's requests queued, in the test's thread, as the background
    executor would after the responses; and the tasks that work asks for when it "commits".
    Returns how many tasks ran."""

    def drain() -> int:
        total = 0
        while True:
            with django_capture_on_commit_callbacks(execute=True):
                ran = executor.run_queued()
            if not ran:
                return total
            total += ran

    return drain


@pytest.fixture
def committed(django_capture_on_commit_callbacks, drain_background):
    """`with committed(): …` lets the writes inside "commit", as a request's transaction would:
    the background tasks they enqueue run when the block ends (in-process, the embedded
    default), the outbound ones too, after the block, as after a response. Tests run inside a
    transaction that never commits, so without it a fan-out write's rescoring (an outlet's
    grade, an affiliation) would stay pending."""

    @contextmanager
    def block() -> Iterator[object]:
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            yield callbacks
        drain_background()

    return block
