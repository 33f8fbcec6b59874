"""Fixtures for the interface-language tests: the page tests' small newsroom, and clients."""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.web.newsroom import Newsroom


@pytest.fixture(autouse=True)
def fast_password_hashing(settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def client_as(db) -> Callable[..., Client]:
    """A client logged in as `user` (anonymous for None) whose browser asks for `language`."""

    def build(user: User | None, language: str = "en") -> Client:
        client = Client(headers={"accept-language": language})
        if user is not None:
            client.force_login(user)
        return client

    return build


@pytest.fixture
def newsroom(editor) -> Newsroom:
    return Newsroom(editor)
