"""Track records stay right when two transactions change one claim's origins at once, and
writers of different claims by one outlet do not wait for each other (PostgreSQL).

The writes are made straight on the models, not through the services, so the guarantee
tested is the database's own (the services' claim lock would serialise them anyway).
"""

import threading
from datetime import date

import pytest
from django.db import connection, transaction
from django.utils import timezone

from claims.models import Appearance, Citation, Claim
from tests.factories import make_appearance, make_claim, make_outlet
from tests.models.test_claim_outlets_race import WAIT, race
from tests.models.track_record_checks import assert_kept_equals_recount, kept

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.slow]


@pytest.fixture(autouse=True)
def postgres_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the in-memory SQLite test database cannot take two writers")


def withdraw(appearance: Appearance) -> None:
    Appearance.objects.filter(pk=appearance.pk).update(withdrawn_at=timezone.now(), withdrawn_reason="by hand")


def test_a_status_change_racing_the_origins_withdrawal_leaves_nothing_counted():
    appearance = make_appearance()

    def confirm() -> None:
        Claim.objects.filter(pk=appearance.claim_id).update(status="confirmed")

    assert race(confirm, lambda: withdraw(appearance)) == []
    assert kept() == {}
    assert_kept_equals_recount()


def test_an_origin_withdrawn_racing_a_status_change_counts_nothing_either_way_round():
    appearance = make_appearance()

    def confirm() -> None:
        Claim.objects.filter(pk=appearance.claim_id).update(status="confirmed")

    assert race(lambda: withdraw(appearance), confirm) == []
    assert kept() == {}
    assert_kept_equals_recount()


def test_a_citation_racing_the_withdrawal_of_the_pairs_other_origin_leaves_the_outlet_without_it():
    claim, source_outlet, outlet = make_claim(), make_outlet(), make_outlet()
    source = make_appearance(claim, source_outlet)
    first = make_appearance(claim, outlet, published_on=date(2021, 10, 22))
    second = make_appearance(claim, outlet, published_on=date(2021, 10, 23))

    def cite() -> None:
        Citation.objects.bulk_create([Citation(claim=claim, citing=first, cited=source)])

    assert race(cite, lambda: withdraw(second)) == []
    assert set(kept()) == {(source_outlet.pk, "draft", "unclaimed")}
    assert_kept_equals_recount()


def test_two_origins_added_at_once_count_the_claim_once():
    claim, outlet = make_claim(), make_outlet()

    def add() -> None:
        Appearance.objects.bulk_create([Appearance(claim=claim, outlet=outlet, published_on=date(2021, 10, 22))])

    make_appearance(claim, make_outlet())  # the claim has a row to lock before either starts
    assert race(add, add) == []
    assert kept()[(outlet.pk, "draft", "unclaimed")] == 1
    assert_kept_equals_recount()


def test_writers_of_different_claims_by_one_outlet_do_not_wait_for_each_other():
    """The first holds its transaction open until the second has committed: a counter row
    the two shared would have made the second wait for the first, and the test time out."""
    outlet = make_outlet()
    claims = [make_claim(), make_claim()]
    second_done, errors = threading.Event(), []

    def write(claim: Claim, hold: bool) -> None:
        try:
            with transaction.atomic():
                Appearance.objects.bulk_create(
                    [Appearance(claim=claim, outlet=outlet, published_on=date(2021, 10, 22))]
                )
                Claim.objects.filter(pk=claim.pk).update(status="denied")
                if hold and not second_done.wait(timeout=WAIT):
                    raise AssertionError("the second writer waited for the first")
            if not hold:
                second_done.set()
        except Exception as exc:  # reported, so the test shows what went wrong
            errors.append(repr(exc))
        finally:
            connection.close()

    first = threading.Thread(target=write, args=(claims[0], True))
    first.start()
    second = threading.Thread(target=write, args=(claims[1], False))
    second.start()
    first.join(timeout=60)
    second.join(timeout=60)

    assert errors == []
    assert kept() == {(outlet.pk, "draft", "denied"): 2}
    assert_kept_equals_recount()
