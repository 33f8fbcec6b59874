"""Keyset pagination and the sync recipe: while data changes between pages, nothing is skipped or repeated."""

import base64
import json
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from claims.models import Claim
from claims.services.claims import claim_update
from tests.api.builders import build_rows
from tests.factories import make_appearance, make_claim, make_outlet

pytestmark = pytest.mark.django_db

URL = "/api/v1/claims/"
GRADES = "ABCDEFF"


def pages(client: APIClient, url: str, params: dict | None = None, between=None) -> list[list[dict]]:
    """Follow `next` to the end; `between(page_number)` runs after each page, to change data meanwhile."""
    found, response = [], client.get(url, params or {})
    while True:
        assert response.status_code == 200, response.json()
        body = response.json()
        found.append(body["results"])
        if between is not None:
            between(len(found))
        if body["next"] is None:
            return found
        response = client.get(body["next"])


def flat(found: list[list[dict]]) -> list[int]:
    return [row["id"] for page in found for row in page]


@pytest.fixture
def claims() -> list[Claim]:
    """Claims with tied and distinct confidences, and two never reported (no first_reported)."""
    made = []
    for n in range(12):
        claim = make_claim(f"Claim {n}")
        if n < 10:
            make_appearance(
                claim, make_outlet(reliability=GRADES[n % len(GRADES)]), published_on=date(2021, 10, 1 + n % 4)
            )
        made.append(claim)
    return [Claim.objects.get(pk=claim.pk) for claim in made]


def test_limit_sets_the_page_size_and_next_leads_to_the_rest(as_editor, claims):
    found = pages(as_editor, URL, {"limit": 5})

    assert [len(page) for page in found] == [5, 5, 2]
    assert sorted(flat(found)) == sorted(c.pk for c in claims)


def test_the_default_page_is_50_and_at_most_500_may_be_asked(as_editor):
    Claim.objects.bulk_create([Claim(text=f"Bulk {n}") for n in range(51)])

    assert len(as_editor.get(URL).json()["results"]) == 50
    assert len(as_editor.get(URL, {"limit": 500}).json()["results"]) == 51
    assert as_editor.get(URL, {"limit": 501}).status_code == 400


def test_next_keeps_the_filters_and_the_limit(as_editor, claims):
    next_url = as_editor.get(URL, {"limit": 2, "reported_after": "2021-10-02", "ordering": "confidence"}).json()["next"]

    query = parse_qs(urlsplit(next_url).query)
    assert (query["limit"], query["reported_after"], query["ordering"]) == (["2"], ["2021-10-02"], ["confidence"])
    assert "cursor" in query


@pytest.mark.parametrize(
    "ordering", ["confidence", "-confidence", "first_reported", "-first_reported", "updated_at", "-updated_at"]
)
def test_small_pages_give_the_same_sequence_as_one_page(as_editor, claims, ordering):
    whole = flat(pages(as_editor, URL, {"ordering": ordering, "limit": 500}))

    paged = flat(pages(as_editor, URL, {"ordering": ordering, "limit": 2}))

    assert paged == whole
    assert len(paged) == len(claims)


def test_claims_never_reported_sort_last_going_up_and_first_going_down(as_editor, claims):
    unreported = {c.pk for c in claims if c.first_reported is None}

    up = flat(pages(as_editor, URL, {"ordering": "first_reported", "limit": 3}))
    down = flat(pages(as_editor, URL, {"ordering": "-first_reported", "limit": 3}))

    assert set(up[-2:]) == unreported
    assert set(down[:2]) == unreported


def test_a_fixed_ordering_skips_and_repeats_nothing_while_claims_change(as_editor, claims):
    """Edits that leave confidence as it is, and new claims, between pages: each claim of the start once."""

    def meanwhile(page_number: int) -> None:
        for claim in claims[page_number::4]:
            claim_update(claim=claim, notes=f"edited after page {page_number}")
        # New claims sort first (confidence 0, ordering up): before the cursor, so this pass does not see them.
        make_claim(f"New after page {page_number}")

    seen = flat(pages(as_editor, URL, {"ordering": "confidence", "limit": 3}, between=meanwhile))

    assert sorted(seen) == sorted(set(seen))
    assert {c.pk for c in claims} <= set(seen)


def test_a_sync_pass_ends_with_the_latest_state_of_every_claim(as_editor, claims):
    """Ordered by updated_at: a claim changed after it was seen comes again later, with its new state."""
    since = timezone.now()
    for claim in claims:
        claim_update(claim=claim, notes="start of the window")
    touched_twice = {claims[0].pk, claims[5].pk}
    created = []

    def meanwhile(page_number: int) -> None:
        if page_number == 1:
            for pk in touched_twice:
                claim_update(claim=Claim.objects.get(pk=pk), notes="changed while syncing")
            created.append(make_claim("Recorded while syncing"))

    found = pages(as_editor, URL, {"ordering": "updated_at", "updated_since": since.isoformat(), "limit": 4}, meanwhile)

    rows = [row for page in found for row in page]
    ids = [row["id"] for row in rows]
    assert set(ids) == {c.pk for c in claims} | {created[0].pk}
    assert all(ids.count(c.pk) == 1 for c in claims if c.pk not in touched_twice)
    latest = {row["id"]: row["updated_at"] for row in rows}  # the last occurrence wins
    for claim in Claim.objects.filter(pk__in=latest):
        assert latest[claim.pk] == claim.updated_at.isoformat().replace("+00:00", "Z")


def test_a_second_sync_from_the_last_timestamp_picks_up_what_changed(as_editor, claims):
    first_pass = [row for page in pages(as_editor, URL, {"ordering": "updated_at", "limit": 5}) for row in page]
    last_seen = first_pass[-1]["updated_at"]
    claim_update(claim=claims[3], notes="changed after the first pass")

    second_pass = flat(pages(as_editor, URL, {"ordering": "updated_at", "updated_since": last_seen, "limit": 5}))

    # updated_since is inclusive: the last claim of the first pass comes again, harmlessly.
    assert second_pass == [first_pass[-1]["id"], claims[3].pk]


def test_a_cursor_of_another_ordering_is_a_400(as_editor, claims):
    next_url = as_editor.get(URL, {"ordering": "confidence", "limit": 2}).json()["next"]
    cursor = parse_qs(urlsplit(next_url).query)["cursor"][0]

    response = as_editor.get(URL, {"ordering": "-updated_at", "cursor": cursor})

    assert response.status_code == 400
    assert "ordering" in response.json()["detail"]


@pytest.mark.parametrize("cursor", ["garbage", "eyJvIjpbXX0", "eyJvIjpbIi11cGRhdGVkX2F0IiwiLWlkIl0sInYiOlsieCIsMV19"])
def test_a_tampered_cursor_is_a_400(as_editor, claims, cursor):
    response = as_editor.get(URL, {"cursor": cursor})

    assert response.status_code == 400
    assert "cursor" in response.json()["errors"]


@pytest.mark.parametrize(
    "resource", ["outlets", "actors", "affiliations", "events", "appearances", "citations", "evidence"]
)
def test_every_list_is_paged_in_id_order(anonymous, resource):
    build_rows(resource, 5)

    found = pages(anonymous, f"/api/v1/{resource}/", {"limit": 2})

    ids = flat(found)
    assert [len(page) for page in found] == [2, 2, 1]
    assert ids == sorted(set(ids))


def test_a_cursor_with_an_extreme_offset_is_compared_in_utc(as_editor, claims):
    position = {"o": ["-updated_at", "-id"], "v": ["2999-06-24T19:06:56-23:46", 1]}
    cursor = base64.urlsafe_b64encode(json.dumps(position).encode()).decode().rstrip("=")

    response = as_editor.get(URL, {"cursor": cursor})

    assert response.status_code == 200
    assert len(response.json()["results"]) == len(claims)
