import pytest

from claims.choices import ClaimKind, Reliability, ResponsibilityStatus, ReviewState
from claims.errors import InvalidInput
from claims.models import Claim
from claims.services.claims import claim_create
from tests.factories import make_actor, make_event

pytestmark = pytest.mark.django_db


def test_a_new_claim_starts_in_draft_unclaimed_with_no_confidence(editor):
    actor, event = make_actor("Allies of Syria Operations Room"), make_event("Drone attack on al-Tanf")

    claim = claim_create(
        text="  The Allies of Syria Operations Room was behind the drone attack on al-Tanf.  ",
        kind=ClaimKind.RESPONSIBILITY,
        subject=actor,
        event=event,
        by=editor,
    )

    saved = Claim.objects.get(pk=claim.pk)
    assert saved.text == "The Allies of Syria Operations Room was behind the drone attack on al-Tanf."
    assert (saved.kind, saved.subject, saved.event) == (ClaimKind.RESPONSIBILITY, actor, event)
    assert (saved.review_state, saved.created_by) == (ReviewState.DRAFT, editor)
    assert saved.status == ResponsibilityStatus.UNCLAIMED
    assert (saved.confidence, saved.admiralty_code, saved.appearance_count) == (0, f"{Reliability.F}6", 0)
    assert saved.first_reported is None
    assert "allies of syria operations room" in saved.search_text


def test_arabic_claim_text_is_stored_as_given():
    text = "غرفة عمليات حلفاء سوريا تتبنى الهجوم على قاعدة التنف"

    claim = claim_create(text=text)

    saved = Claim.objects.get(pk=claim.pk)
    assert saved.text == text
    assert text in saved.search_text


def test_a_claim_without_text_is_refused(nothing_changes):
    with nothing_changes(), pytest.raises(InvalidInput, match="text") as refused:
        claim_create(text="   ")

    assert "text" in refused.value.errors


def test_an_unknown_kind_is_refused(nothing_changes):
    with nothing_changes(), pytest.raises(InvalidInput, match="kind"):
        claim_create(text="Someone did something.", kind="rumour")


def test_a_duplicate_external_reference_is_refused(nothing_changes):
    claim_create(text="First import.", external_ref="seed:claim:1")

    with nothing_changes(), pytest.raises(InvalidInput, match="external"):
        claim_create(text="Second import.", external_ref="seed:claim:1")
