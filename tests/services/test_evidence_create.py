from datetime import date, timedelta

import pytest
from django.utils import timezone

from claims.choices import ResponsibilityStatus, ReviewState, Stance
from claims.errors import InvalidInput, NotAllowed
from claims.models import Claim, StatusEvidence
from claims.services.appearances import appearance_withdraw
from claims.services.evidence import evidence_create
from tests.factories import make_actor, make_appearance, make_claim

pytestmark = pytest.mark.django_db


def test_evidence_is_recorded_and_sets_the_status_at_once(editor):
    claim, actor = make_claim(), make_actor("Allies of Syria Operations Room")

    evidence = evidence_create(
        claim=claim,
        stance=Stance.CONFIRMS,
        actor=actor,
        date=date(2021, 10, 21),
        url="https://example.org/statement",
        note="بيان غرفة عمليات حلفاء سوريا",
        by=editor,
    )

    saved = StatusEvidence.objects.get(pk=evidence.pk)
    assert (saved.claim, saved.stance, saved.actor, saved.date) == (claim, Stance.CONFIRMS, actor, date(2021, 10, 21))
    assert saved.note == "بيان غرفة عمليات حلفاء سوريا"
    assert saved.created_by == editor
    assert Claim.objects.get(pk=claim.pk).status == ResponsibilityStatus.CONFIRMED


def test_evidence_sourced_by_an_appearance_of_the_claim_is_accepted():
    appearance = make_appearance()

    evidence = evidence_create(
        claim=appearance.claim, stance=Stance.DENIES, date=date(2021, 10, 22), appearance=appearance
    )

    assert StatusEvidence.objects.get(pk=evidence.pk).appearance == appearance


def test_evidence_with_neither_appearance_nor_url_is_refused(nothing_changes):
    claim = make_claim()

    with nothing_changes(), pytest.raises(InvalidInput, match="must point to an appearance or a url"):
        evidence_create(claim=claim, stance=Stance.CONFIRMS, date=date(2021, 10, 21))


def test_evidence_whose_appearance_belongs_to_another_claim_is_refused(nothing_changes):
    claim, elsewhere = make_claim(), make_appearance()

    with (
        nothing_changes(),
        pytest.raises(
            InvalidInput, match=f"Appearance {elsewhere.pk} belongs to claim {elsewhere.claim_id}"
        ) as refused,
    ):
        evidence_create(claim=claim, stance=Stance.CONFIRMS, date=date(2021, 10, 21), appearance=elsewhere)

    assert refused.value.field == "appearance"


def test_evidence_from_a_withdrawn_appearance_is_refused(nothing_changes):
    appearance = make_appearance()
    appearance_withdraw(appearance=appearance, reason="Duplicate record.")

    with nothing_changes(), pytest.raises(InvalidInput, match="withdrawn"):
        evidence_create(claim=appearance.claim, stance=Stance.CONFIRMS, date=date(2021, 10, 21), appearance=appearance)


def test_an_unknown_stance_is_refused_and_the_status_is_unchanged(nothing_changes):
    claim = make_claim()

    with nothing_changes(), pytest.raises(InvalidInput, match="stance") as refused:
        evidence_create(claim=claim, stance="suspects", date=date(2021, 10, 21), url="https://example.org/s")

    assert "stance" in refused.value.errors
    assert Claim.objects.get(pk=claim.pk).status == ResponsibilityStatus.UNCLAIMED


def test_evidence_dated_in_the_future_is_refused(nothing_changes):
    claim = make_claim()
    tomorrow = timezone.localdate() + timedelta(days=1)

    with nothing_changes(), pytest.raises(InvalidInput, match=f"date {tomorrow} is in the future"):
        evidence_create(claim=claim, stance=Stance.CONFIRMS, date=tomorrow, url="https://example.org/s")


def test_evidence_on_a_retracted_claim_is_refused(nothing_changes):
    claim = make_claim()
    Claim.objects.filter(pk=claim.pk).update(review_state=ReviewState.RETRACTED)
    claim.refresh_from_db()

    with nothing_changes(), pytest.raises(NotAllowed, match="retracted"):
        evidence_create(claim=claim, stance=Stance.CONFIRMS, date=date(2021, 10, 21), url="https://example.org/s")
