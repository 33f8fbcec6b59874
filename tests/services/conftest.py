"""Fixtures for the service tests: a refused write must leave the database exactly as it was."""

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import pytest
from django.apps import apps


def database_state() -> dict[str, list[dict]]:
    """Every row of every table of the domain, history tables included, in a comparable form."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in apps.get_app_config("claims").get_models()
    }


def row_counts(state: dict[str, list[dict]]) -> dict[str, int]:
    return {label: len(rows) for label, rows in state.items()}


@contextmanager
def _unchanged() -> Iterator[None]:
    before = database_state()
    yield
    after = database_state()
    # Counts first: the shortest message when a row (or a history row) was written.
    assert row_counts(after) == row_counts(before)
    assert after == before


@pytest.fixture(autouse=True)
def fast_password_hashing(settings) -> None:
    """The named users get passwords; hashing them at full strength costs 0.3s a test."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def nothing_changes(db) -> Callable[[], AbstractContextManager[None]]:
    """`with nothing_changes(): ...` asserts that no row of any domain table, nor of its
    history, was added, changed or removed inside the block (stored confidence included)."""
    return _unchanged
