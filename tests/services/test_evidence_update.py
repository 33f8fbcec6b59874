from datetime import date, timedelta

import pytest
from django.utils import timezone

from claims.choices import ResponsibilityStatus, Stance
from claims.errors import InvalidInput, NotAllowed
from claims.models import Claim, StatusEvidence
from claims.services.evidence import evidence_update, evidence_withdraw
from tests.factories import make_appearance, make_claim, make_evidence

pytestmark = pytest.mark.django_db


def test_changing_the_stance_changes_the_status_at_once(editor):
    claim = make_claim()
    evidence = make_evidence(claim, stance=Stance.CONFIRMS)

    evidence_update(evidence=evidence, stance=Stance.DENIES, note="Read the statement again.", by=editor)

    assert StatusEvidence.objects.get(pk=evidence.pk).stance == Stance.DENIES
    assert Claim.objects.get(pk=claim.pk).status == ResponsibilityStatus.DENIED


def test_moving_evidence_to_another_claim_is_refused(nothing_changes):
    evidence = make_evidence(make_claim())
    other = make_claim()

    with nothing_changes(), pytest.raises(NotAllowed, match="cannot move to another claim"):
        evidence_update(evidence=evidence, claim=other)


def test_pointing_evidence_at_an_appearance_of_another_claim_is_refused(nothing_changes):
    evidence = make_evidence(make_claim())
    elsewhere = make_appearance()

    with nothing_changes(), pytest.raises(InvalidInput, match=f"belongs to claim {elsewhere.claim_id}"):
        evidence_update(evidence=evidence, appearance=elsewhere)


def test_removing_the_only_source_is_refused(nothing_changes):
    evidence = make_evidence(make_claim())

    with nothing_changes(), pytest.raises(InvalidInput, match="must point to an appearance or a url"):
        evidence_update(evidence=evidence, url="")


def test_an_unknown_stance_is_refused(nothing_changes):
    evidence = make_evidence(make_claim())

    with nothing_changes(), pytest.raises(InvalidInput, match="stance"):
        evidence_update(evidence=evidence, stance="suspects")


def test_redating_evidence_into_the_future_is_refused(nothing_changes):
    evidence = make_evidence(make_claim())

    with nothing_changes(), pytest.raises(InvalidInput, match="is in the future"):
        evidence_update(evidence=evidence, date=timezone.localdate() + timedelta(days=1))


def test_updating_withdrawn_evidence_is_refused(nothing_changes):
    evidence = make_evidence(make_claim())
    evidence_withdraw(evidence=evidence, reason="Misattributed statement.")

    with nothing_changes(), pytest.raises(NotAllowed, match="withdrawn"):
        evidence_update(evidence=evidence, date=date(2021, 10, 30))


def test_a_field_that_cannot_be_edited_is_refused(nothing_changes):
    evidence = make_evidence(make_claim())

    with nothing_changes(), pytest.raises(InvalidInput, match="cannot be changed here: withdrawn_reason"):
        evidence_update(evidence=evidence, withdrawn_reason="sneaky")
