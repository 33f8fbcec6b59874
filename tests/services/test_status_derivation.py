"""SPEC §4: a claim's responsibility status is derived from its evidence, never typed in."""

from datetime import date

import pytest

from claims.choices import ResponsibilityStatus, Stance
from claims.models import Claim
from claims.services.evidence import evidence_update, evidence_withdraw
from tests.factories import make_claim, make_evidence

pytestmark = pytest.mark.django_db


def stored_status(claim: Claim) -> str:
    """The status on the claim row, read afresh: what every reader sees."""
    return Claim.objects.values_list("status", flat=True).get(pk=claim.pk)


def test_a_claim_without_evidence_is_unclaimed():
    assert stored_status(make_claim()) == ResponsibilityStatus.UNCLAIMED


def test_a_confirmation_makes_it_confirmed():
    claim = make_claim()
    make_evidence(claim, stance=Stance.CONFIRMS)

    assert stored_status(claim) == ResponsibilityStatus.CONFIRMED


def test_a_denial_makes_it_denied():
    claim = make_claim()
    make_evidence(claim, stance=Stance.DENIES)

    assert stored_status(claim) == ResponsibilityStatus.DENIED


def test_the_most_recent_evidence_by_date_decides():
    claim = make_claim()
    make_evidence(claim, stance=Stance.CONFIRMS, date=date(2021, 10, 21))
    make_evidence(claim, stance=Stance.DENIES, date=date(2021, 10, 28))

    assert stored_status(claim) == ResponsibilityStatus.DENIED


def test_the_date_decides_not_the_order_of_recording():
    claim = make_claim()
    make_evidence(claim, stance=Stance.DENIES, date=date(2021, 10, 28))
    make_evidence(claim, stance=Stance.CONFIRMS, date=date(2021, 10, 21))

    assert stored_status(claim) == ResponsibilityStatus.DENIED


@pytest.mark.parametrize(
    "first, second, status",
    [
        (Stance.CONFIRMS, Stance.DENIES, ResponsibilityStatus.DENIED),
        (Stance.DENIES, Stance.CONFIRMS, ResponsibilityStatus.CONFIRMED),
    ],
)
def test_on_the_same_date_the_later_recorded_evidence_wins(first, second, status):
    claim = make_claim()
    make_evidence(claim, stance=first, date=date(2021, 10, 25))
    make_evidence(claim, stance=second, date=date(2021, 10, 25))

    assert stored_status(claim) == status


def test_withdrawn_evidence_is_ignored():
    claim = make_claim()
    make_evidence(claim, stance=Stance.CONFIRMS, date=date(2021, 10, 21))
    denial = make_evidence(claim, stance=Stance.DENIES, date=date(2021, 10, 28))

    evidence_withdraw(evidence=denial, reason="The denial was a forgery.")

    assert stored_status(claim) == ResponsibilityStatus.CONFIRMED


def test_withdrawing_all_evidence_makes_it_unclaimed_again():
    claim = make_claim()
    evidence = make_evidence(claim, stance=Stance.CONFIRMS)

    evidence_withdraw(evidence=evidence, reason="Misattributed statement.")

    assert stored_status(claim) == ResponsibilityStatus.UNCLAIMED


def test_redating_evidence_updates_the_status_at_once():
    claim = make_claim()
    confirmation = make_evidence(claim, stance=Stance.CONFIRMS, date=date(2021, 10, 21))
    make_evidence(claim, stance=Stance.DENIES, date=date(2021, 10, 25))

    evidence_update(evidence=confirmation, date=date(2021, 10, 30))

    assert stored_status(claim) == ResponsibilityStatus.CONFIRMED


def test_the_status_of_other_claims_is_untouched():
    claim, other = make_claim(), make_claim()
    make_evidence(other, stance=Stance.DENIES)

    make_evidence(claim, stance=Stance.CONFIRMS)

    assert stored_status(other) == ResponsibilityStatus.DENIED
