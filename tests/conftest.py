"""Named users and clients shared by every test."""

from collections.abc import Iterator

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from rest_framework.test import APIClient

from claims.roles import EDITOR, REVIEWER


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
def fresh_cache() -> Iterator[None]:
    """Throttle, login and rate counters live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()
