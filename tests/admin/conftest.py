"""Fixtures for the admin tests: a browser-like client logged in as a named user."""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client


@pytest.fixture(autouse=True)
def fast_password_hashing(settings) -> None:
    """The named users get passwords; hashing them at full strength costs 0.3s a user."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def browser_for() -> Callable[[User], Client]:
    """A test client with a session for the user, CSRF checks on as in a real browser."""

    def build(user: User) -> Client:
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        return client

    return build


@pytest.fixture
def as_editor(browser_for, editor) -> Client:
    return browser_for(editor)


@pytest.fixture
def as_reviewer(browser_for, reviewer) -> Client:
    return browser_for(reviewer)
