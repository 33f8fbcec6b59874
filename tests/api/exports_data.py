"""Data and helpers shared by the export endpoint tests."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from claims.models import Claim
from tests.factories import make_appearance, make_citation, make_claim, make_outlet


def grow_chain(claim: Claim, extra: int) -> None:
    """Add `extra` appearances, each republishing the one before, from as many new outlets."""
    previous = claim.appearances.order_by("-published_on", "-id").first()
    for n in range(extra):
        current = make_appearance(claim, make_outlet(), published_on=date(2021, 11, 1 + n % 28))
        if previous is not None and previous.published_on <= current.published_on:
            make_citation(current, previous, kind="republished")
        previous = current


def queries_for(client: APIClient, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(captured)


def a_draft() -> Claim:
    claim = make_claim("A draft nobody outside the newsroom may see")
    make_appearance(claim, published_on=date(2021, 10, 21))
    return claim
