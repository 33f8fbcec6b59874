"""Claims with their meaning vectors computed, as the task after the commit computes them."""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from claims.models import Claim
from claims.services.meaning import claim_vectors_sweep
from tests.api.conftest import anonymous, fast_passwords, no_throttling, nothing_changes  # noqa: F401 - fixtures


@pytest.fixture
def as_editor(client_for, editor: User) -> APIClient:
    return client_for(editor)


@pytest.fixture
def as_reviewer(client_for, reviewer: User) -> APIClient:
    return client_for(reviewer)


@pytest.fixture
def embedded() -> Callable[[], int]:
    """`embedded()` computes every waiting vector, as the task (or the sweep) would after a commit."""
    return claim_vectors_sweep


def vector_of(claim: Claim) -> bytes | None:
    claim.refresh_from_db()
    return bytes(claim.meaning.vector) if claim.meaning.vector is not None else None
