"""Fixtures for the page tests: clients logged in as the named users, and a small newsroom."""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.web.newsroom import Newsroom


@pytest.fixture(autouse=True)
def fast_password_hashing(settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def client_as(db) -> Callable[[User | None], Client]:
    """A test client logged in as the given user (anonymous for None)."""

    def build(user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return build


@pytest.fixture
def user_for_role(consumer, editor, reviewer, superuser) -> Callable[[str], User | None]:
    users = {"anonymous": None, "consumer": consumer, "editor": editor, "reviewer": reviewer, "superuser": superuser}
    return users.__getitem__


@pytest.fixture
def newsroom(editor) -> Newsroom:
    return Newsroom(editor)
