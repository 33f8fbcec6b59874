"""ClaimOutlet is kept by the database: whatever writes appearances or claims, its rows are
exactly the (claim, outlet) pairs of current appearances, each with how many there are and
the claim's updated_at."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count, Max
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.import_throughput import write_file
from claims.importing.jsonl import read_jsonl
from claims.importing.run import import_records
from claims.models import Appearance, Claim, ClaimOutlet
from claims.services.appearances import appearance_update, appearance_withdraw
from claims.services.claims import claim_update
from claims.services.rescoring import claims_rescore_all
from claims.services.workflow import claim_submit
from tests.factories import make_appearance, make_claim, make_outlet

pytestmark = pytest.mark.django_db

TRIGGERS = {
    "claim_outlet_appearance_insert",
    "claim_outlet_appearance_update",
    "claim_outlet_appearance_delete",
    "claim_outlet_claim_insert",
    "claim_outlet_claim_update",
}


def derived() -> set[tuple]:
    """What the rows must be: read from the appearances and claims themselves."""
    pairs = Appearance.objects.current().values("claim_id", "outlet_id", "claim__updated_at").order_by()
    return set(pairs.annotate(n=Count("id")).values_list("claim_id", "outlet_id", "n", "claim__updated_at"))


def stored() -> set[tuple]:
    return set(ClaimOutlet.objects.values_list("claim_id", "outlet_id", "appearances", "claim_updated_at"))


def installed_triggers() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return {name for (name,) in cursor.fetchall()}


def test_the_triggers_are_installed():
    assert installed_triggers() >= TRIGGERS


def test_an_appearance_pairs_its_claim_and_outlet_with_the_claims_updated_at():
    appearance = make_appearance()
    claim = Claim.objects.get(pk=appearance.claim_id)

    assert stored() == {(claim.pk, appearance.outlet_id, 1, claim.updated_at)}


def test_two_appearances_by_one_outlet_are_one_pair_until_both_are_withdrawn():
    claim, outlet = make_claim(), make_outlet()
    first = make_appearance(claim, outlet)
    second = make_appearance(claim, outlet, published_on=date(2021, 10, 22))
    assert list(ClaimOutlet.objects.filter(claim=claim).values_list("appearances", flat=True)) == [2]

    appearance_withdraw(appearance=first, reason="a duplicate")
    assert list(ClaimOutlet.objects.filter(claim=claim).values_list("appearances", flat=True)) == [1]

    appearance_withdraw(appearance=second, reason="wrongly attributed")
    assert not ClaimOutlet.objects.filter(claim=claim).exists()
    assert stored() == derived()


def test_an_appearance_moved_to_another_outlet_moves_its_pair():
    appearance = make_appearance()
    other = make_outlet()

    appearance_update(appearance=appearance, outlet=other)

    assert set(ClaimOutlet.objects.values_list("outlet_id", flat=True)) == {other.pk}
    assert stored() == derived()


def test_every_change_to_a_claim_reaches_its_pairs():
    claim = make_claim()
    make_appearance(claim)
    make_appearance(claim)

    claim_update(claim=claim, notes="edited")
    assert stored() == derived()
    claim_submit(claim=claim)
    assert stored() == derived()
    Claim.objects.filter(pk=claim.pk).update(updated_at=claim.updated_at + timedelta(days=1))
    assert stored() == derived()
    assert len(stored()) == 2


def test_a_claim_written_after_its_appearances_pairs_them():
    """Bulk writers may insert the rows in any order: foreign keys are checked at commit."""
    outlet = make_outlet()
    claim = Claim(pk=(Claim.objects.aggregate(last=Max("pk"))["last"] or 0) + 1000, text="Late")
    Appearance.objects.bulk_create([Appearance(claim_id=claim.pk, outlet=outlet, published_on=date(2021, 10, 21))])
    assert stored() == set()

    Claim.objects.bulk_create([claim])

    assert stored() == derived() == {(claim.pk, outlet.pk, 1, Claim.objects.get(pk=claim.pk).updated_at)}


def test_an_appearance_moved_to_another_claim_by_hand_moves_its_count():
    """The services never move one (NotAllowed); a manual UPDATE still leaves the pairs right."""
    appearance = make_appearance()
    make_appearance(Claim.objects.get(pk=appearance.claim_id), appearance.outlet, published_on=date(2021, 10, 22))
    other = make_claim()

    Appearance.objects.filter(pk=appearance.pk).update(claim=other)

    assert stored() == derived()
    assert {row[:3] for row in stored()} == {
        (appearance.claim_id, appearance.outlet_id, 1),
        (other.pk, appearance.outlet_id, 1),
    }


def test_a_hard_delete_removes_the_pair():
    appearance = make_appearance()

    Appearance.objects.filter(pk=appearance.pk).delete()

    assert stored() == set()


def test_an_import_keeps_the_pairs(tmp_path):
    path = tmp_path / "claims.jsonl"
    write_file(path, claims=30, appearances=5, run="pairs")

    with path.open("rb") as stream:
        report = import_records(read_jsonl(stream), source=path.name)

    assert not report.failures
    assert len(stored()) >= 30
    assert stored() == derived()


def test_a_synthetic_load_and_a_full_rescore_keep_the_pairs():
    call_command("generate_synthetic", "--claims", "120", "--chain-sizes", "none", stdout=StringIO(), stderr=StringIO())
    assert len(stored()) > 120
    assert stored() == derived()

    Claim.objects.update(confidence_factors=[])  # every claim changes again when rescored
    claims_rescore_all()
    assert stored() == derived()


OPERATIONS = st.lists(
    st.tuples(st.sampled_from(["add", "withdraw", "move", "edit"]), st.integers(0, 5), st.integers(0, 2)),
    max_size=12,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(OPERATIONS)
def test_any_sequence_of_writes_leaves_exactly_the_derived_pairs(operations):
    claims = [make_claim() for _ in range(2)]
    outlets = [make_outlet() for _ in range(3)]
    appearances: list[Appearance] = []
    for operation, pick, which in operations:
        current = [a for a in appearances if a.withdrawn_at is None]
        if operation == "add" or not current:
            appearances.append(make_appearance(claims[pick % 2], outlets[which]))
        elif operation == "withdraw":
            appearance_withdraw(appearance=current[pick % len(current)], reason="withdrawn in a test")
        elif operation == "move":
            appearance_update(appearance=current[pick % len(current)], outlet=outlets[which])
        else:
            claim_update(claim=Claim.objects.get(pk=claims[pick % 2].pk), notes=f"edit {pick}")
    mine = {claim.pk for claim in claims}

    assert {row for row in stored() if row[0] in mine} == {row for row in derived() if row[0] in mine}
