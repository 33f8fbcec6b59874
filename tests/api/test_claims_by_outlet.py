"""GET /api/v1/claims/?outlet=…: the claims an outlet carried, paged and synced like the whole list.

The filter reads each claim's updated_at from the outlet's own index (ClaimOutlet), so these
check that its order, its cursor and `updated_since` agree with the claims themselves.
"""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims.models import Claim
from claims.selectors.claims import SUMMARY_COLUMNS
from claims.services.appearances import appearance_withdraw
from claims.services.claims import claim_update
from tests.api.conftest import publish
from tests.api.test_pagination_sync import flat, pages
from tests.factories import make_appearance, make_claim, make_outlet

pytestmark = pytest.mark.django_db

URL = "/api/v1/claims/"


@pytest.fixture
def outlet():
    return make_outlet("Al-Mayadeen", slug="al-mayadeen", reliability="D")


@pytest.fixture
def carried(outlet) -> list[Claim]:
    """Nine claims the outlet carried (one of them twice), beside three it did not."""
    others = make_outlet("Reuters", slug="reuters", reliability="A")
    claims = []
    for n in range(12):
        claim = make_claim(f"Claim {n} about the al-Tanf attack")
        make_appearance(claim, outlet if n < 9 else others, published_on=date(2021, 10, 1 + n))
        if n == 4:
            make_appearance(claim, outlet, published_on=date(2021, 11, 1))
        claims.append(publish(claim))
    return claims[:9]


def by_updated_at(claims: list[Claim], *, descending: bool) -> list[int]:
    rows = Claim.objects.filter(pk__in=[c.pk for c in claims]).order_by("updated_at", "id")
    ids = [claim.pk for claim in rows]
    return ids[::-1] if descending else ids


def test_small_pages_list_each_carried_claim_once_most_recently_changed_first(anonymous, carried):
    found = flat(pages(anonymous, URL, {"outlet": "al-mayadeen", "limit": 2}))

    assert found == by_updated_at(carried, descending=True)


def test_ordering_by_updated_at_going_up_pages_the_same_claims(anonymous, carried, outlet):
    found = flat(pages(anonymous, URL, {"outlet": outlet.pk, "ordering": "updated_at", "limit": 4}))

    assert found == by_updated_at(carried, descending=False)


@pytest.mark.parametrize("ordering", ["confidence", "-first_reported"])
def test_other_orderings_page_the_same_claims(anonymous, carried, ordering):
    whole = flat(pages(anonymous, URL, {"outlet": "al-mayadeen", "ordering": ordering, "limit": 500}))

    assert flat(pages(anonymous, URL, {"outlet": "al-mayadeen", "ordering": ordering, "limit": 2})) == whole
    assert sorted(whole) == sorted(c.pk for c in carried)


def test_updated_since_and_a_sync_pass_see_each_change_with_its_latest_state(anonymous, carried):
    since = timezone.now()
    changed = [claim_update(claim=claim, notes="after the mark") for claim in carried[2:5]]

    def meanwhile(page_number: int) -> None:
        if page_number == 1:
            claim_update(claim=Claim.objects.get(pk=changed[0].pk), notes="changed while syncing")

    params = {"outlet": "al-mayadeen", "ordering": "updated_at", "updated_since": since.isoformat(), "limit": 2}
    rows = [row for page in pages(anonymous, URL, params, meanwhile) for row in page]

    assert {row["id"] for row in rows} == {claim.pk for claim in changed}
    latest = {row["id"]: row["updated_at"] for row in rows}
    for claim in Claim.objects.filter(pk__in=latest):
        assert latest[claim.pk] == claim.updated_at.isoformat().replace("+00:00", "Z")


def test_a_claim_whose_only_appearance_by_the_outlet_is_withdrawn_leaves_the_list(as_editor, carried, outlet):
    claim = carried[0]
    appearance_withdraw(appearance=claim.appearances.get(outlet=outlet), reason="misattributed")

    found = flat(pages(as_editor, URL, {"outlet": "al-mayadeen", "limit": 500}))

    assert claim.pk not in found
    assert len(found) == len(carried) - 1


def test_consumers_see_only_published_claims_the_outlet_carried(anonymous, outlet, carried):
    draft = make_claim("An unpublished claim")
    make_appearance(draft, outlet)

    assert draft.pk not in flat(pages(anonymous, URL, {"outlet": "al-mayadeen", "limit": 500}))


def test_an_unknown_outlet_is_a_400_naming_it(anonymous, carried):
    """It used to list nothing, which looks like an outlet that carried nothing (issue 16)."""
    response = anonymous.get(URL, {"outlet": "no-such-outlet"})

    assert response.status_code == 400
    assert response.json()["errors"] == {"outlet": ["No outlet has the slug “no-such-outlet”."]}


def test_an_outlet_that_carried_nothing_lists_nothing(anonymous, carried):
    assert flat(pages(anonymous, URL, {"outlet": make_outlet("Quiet Gazette").slug})) == []


def test_pages_are_ordered_and_started_on_the_outlets_copy_of_updated_at(anonymous, carried):
    """What makes them fast (docs/performance.md, fixes 10 and 11): the order and the cursor's range
    are on ClaimOutlet's indexed column, not on the claim's."""
    first = anonymous.get(URL, {"outlet": "al-mayadeen", "limit": 2}).json()
    with CaptureQueriesContext(connection) as captured:
        assert anonymous.get(first["next"]).status_code == 200
    (sql,) = [q["sql"] for q in captured.captured_queries if "claims_claimoutlet" in q["sql"]]
    where, order = sql[: sql.rindex("ORDER BY")], sql[sql.rindex("ORDER BY") :]
    column = '"claims_claimoutlet"."claim_updated_at"'

    assert f"{column} <= " in where
    # Ordered by the column selected after the summary's own: the outlet's copy.
    assert f'{column} AS "outlet_updated_at"' in where
    assert order.startswith(f"ORDER BY {len(SUMMARY_COLUMNS) + 1} DESC")
