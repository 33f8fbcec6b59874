"""Fixtures for the API tests: clients for each role, no throttling, and a database snapshot."""

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from claims.models import Claim
from claims.services.workflow import claim_publish_imported


@pytest.fixture(autouse=True)
def no_throttling(settings) -> None:
    """Tests send hundreds of requests a minute; test_throttling.py switches the limits back on."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None, "user": None}}


@pytest.fixture(autouse=True)
def fast_passwords(settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def as_editor(client_for, editor: User) -> APIClient:
    return client_for(editor)


@pytest.fixture
def as_reviewer(client_for, reviewer: User) -> APIClient:
    return client_for(reviewer)


@pytest.fixture
def as_consumer(client_for, consumer: User) -> APIClient:
    """Logged in, but in no group: reads like an anonymous client, may write nothing."""
    return client_for(consumer)


@pytest.fixture
def anonymous() -> APIClient:
    return APIClient()


def publish(claim: Claim) -> Claim:
    claim_publish_imported(claim=claim, comment="published for a test")
    claim.refresh_from_db()
    return claim


def database_state() -> dict[str, list[dict]]:
    """Every row of every domain table, history included, in a comparable form."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in apps.get_app_config("claims").get_models()
    }


@contextmanager
def _unchanged() -> Iterator[None]:
    before = database_state()
    yield
    after = database_state()
    assert {k: len(v) for k, v in after.items()} == {k: len(v) for k, v in before.items()}
    assert after == before


@pytest.fixture
def nothing_changes(db) -> Callable[[], AbstractContextManager[None]]:
    """`with nothing_changes(): ...` asserts no row of any domain table changed inside the block."""
    return _unchanged
