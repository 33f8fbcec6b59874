"""Fixtures for the workflow tests."""

import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings) -> None:
    """The named users get passwords; hashing them at full strength costs 0.3s a user."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
