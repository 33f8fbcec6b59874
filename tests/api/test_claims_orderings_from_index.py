"""Every ordering of the claim list, with and without the outlet filter, pages in the claims'
own order and reads each page as a range of an index (docs/performance.md): the outlet filter
on ClaimOutlet's copies of the ordered column, `ordering=first_reported` going up from the
cursor's value and then through the claims never reported."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Claim, ClaimOutlet
from claims.selectors.claims import SUMMARY_COLUMNS
from claims.services.appearances import appearance_withdraw
from tests.api.conftest import publish
from tests.api.test_pagination_sync import flat, pages
from tests.factories import make_appearance, make_claim, make_evidence, make_outlet

pytestmark = pytest.mark.django_db

URL = "/api/v1/claims/"
GRADES = "ABCDEF"


@pytest.fixture
def outlet():
    return make_outlet("Al-Mayadeen", slug="al-mayadeen", reliability="D")


@pytest.fixture
def claims(outlet) -> list[Claim]:
    """Eleven published claims the outlet carried, with tied and distinct confidences and dates,
    two of them confirmed; three more never reported (no current appearance)."""
    made = []
    for n in range(14):
        claim = make_claim(f"Claim {n} about the al-Tanf attack")
        if n < 11:
            make_appearance(claim, outlet, published_on=date(2021, 10, 1 + n % 4))
            make_appearance(claim, make_outlet(reliability=GRADES[n % 6]), published_on=date(2021, 10, 6))
        if n in (3, 7):
            make_evidence(claim, stance="confirms")
        made.append(publish(claim))
    return made


def in_order(ordering: str, claims: list[Claim]) -> list[int]:
    """The claims as the list orders them: by the column, NULL greatest, then id the same way."""
    name, descending = ordering.lstrip("-"), ordering.startswith("-")
    rows = Claim.objects.filter(pk__in=[c.pk for c in claims]).values_list(name, "id")
    found = [pk for _, pk in sorted(rows, key=lambda row: (row[0] is None, row[0] or 0, row[1]))]
    return found[::-1] if descending else found


ORDERINGS = ["confidence", "-confidence", "first_reported", "-first_reported", "updated_at", "-updated_at"]


@pytest.mark.parametrize("ordering", ORDERINGS)
def test_the_outlet_filter_pages_every_ordering_in_the_claims_order(anonymous, claims, ordering):
    found = flat(pages(anonymous, URL, {"outlet": "al-mayadeen", "ordering": ordering, "limit": 3}))

    assert found == in_order(ordering, claims[:11])


@pytest.mark.parametrize("ordering", ORDERINGS)
def test_the_whole_list_pages_every_ordering_in_the_claims_order(anonymous, claims, ordering):
    found = flat(pages(anonymous, URL, {"ordering": ordering, "limit": 3}))

    assert found == in_order(ordering, claims)


@pytest.mark.parametrize(
    ("ordering", "copy", "position"),
    [
        ("confidence", "confidence", 2),
        ("-first_reported", "first_reported", 3),
        ("first_reported", "first_reported", 3),
    ],
)
def test_outlet_pages_are_ordered_and_started_on_the_outlets_copy(anonymous, claims, ordering, copy, position):
    first = anonymous.get(URL, {"outlet": "al-mayadeen", "ordering": ordering, "limit": 2}).json()
    with CaptureQueriesContext(connection) as captured:
        assert anonymous.get(first["next"]).status_code == 200
    (sql,) = [q["sql"] for q in captured.captured_queries if "claims_claimoutlet" in q["sql"]]
    where, order = sql[: sql.rindex("ORDER BY")], sql[sql.rindex("ORDER BY") :]
    column = f'"claims_claimoutlet"."claim_{copy}"'

    assert f"{column} {'<=' if ordering.startswith('-') else '>='} " in where
    assert f'{column} AS "outlet_{copy}"' in where
    # Ordered by the copy, selected after the summary's own columns (and the outlet's updated_at).
    direction = "DESC" if ordering.startswith("-") else "ASC"
    assert order.startswith(f"ORDER BY {len(SUMMARY_COLUMNS) + position} {direction}")


def test_first_reported_going_up_starts_each_page_at_the_cursor(anonymous, claims):
    """Besides the cursor's condition (whose range, going up a key that may be NULL, is an OR),
    the page is asked for `first_reported >= v` on its own: a range an index scan starts from.
    The claims never reported come after, read as a range of their own."""
    first = anonymous.get(URL, {"ordering": "first_reported", "limit": 4}).json()
    with CaptureQueriesContext(connection) as captured:
        assert anonymous.get(first["next"]).status_code == 200
    (sql,) = [q["sql"] for q in captured.captured_queries if "ORDER BY" in q["sql"] and "first_reported" in q["sql"]]
    where = sql[sql.index(" WHERE ") : sql.rindex("ORDER BY")]

    assert where.count('"claims_claim"."first_reported" >= ') == 2
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql)
            plan = "\n".join(line for (line,) in cursor.fetchall())
        assert "Index Cond: (first_reported >= " in plan, plan


def test_the_page_where_the_reported_claims_end_goes_on_to_the_unreported(anonymous, claims):
    found = pages(anonymous, URL, {"ordering": "first_reported", "limit": 5})

    assert [len(page) for page in found] == [5, 5, 4]
    unreported = {c.pk for c in claims[11:]}
    assert set(flat(found)[-3:]) == unreported


def test_the_outlets_copies_follow_the_claims(outlet, claims):
    claim = claims[0]
    make_evidence(claim, stance="denies")
    appearance_withdraw(appearance=claim.appearances.exclude(outlet=outlet).get(), reason="misattributed")
    make_appearance(claim, make_outlet(), published_on=date(2021, 9, 1))

    copies = set(ClaimOutlet.objects.values_list("claim_id", "claim_confidence", "claim_first_reported"))
    assert copies == {
        (c.pk, c.confidence, c.first_reported) for c in Claim.objects.filter(outlet_links__isnull=False).distinct()
    }
