"""A claim's whole way through review, and what the record keeps of it."""

import pytest

from claims.choices import ReviewState
from claims.errors import InvalidInput, NotAllowed
from claims.models import Claim, ReviewTransition
from claims.services.workflow import (
    claim_approve,
    claim_publish_imported,
    claim_reject,
    claim_retract,
    claim_submit,
    claim_transition,
    steps_for,
)
from tests.factories import make_claim

pytestmark = pytest.mark.django_db


def test_a_rejected_claim_goes_back_to_review_and_is_then_published(editor, reviewer):
    claim = make_claim(by=editor)

    claim_submit(claim=claim, by=editor)
    claim_reject(claim=claim, comment="Name the outlet that first said it.", by=reviewer)
    claim_submit(claim=claim, by=editor, comment="Origin added.")
    claim_approve(claim=claim, by=reviewer)
    claim_retract(claim=claim, reason="The outlet withdrew its report.", by=reviewer)

    steps = list(ReviewTransition.objects.filter(claim=claim).values_list("from_state", "to_state", "by__username"))
    assert steps == [
        ("draft", "in_review", "edna"),
        ("in_review", "rejected", "rita"),
        ("rejected", "in_review", "edna"),
        ("in_review", "published", "rita"),
        ("published", "retracted", "rita"),
    ]
    assert Claim.objects.get(pk=claim.pk).review_state == ReviewState.RETRACTED


def test_each_transition_also_writes_the_field_history_with_its_author(editor, reviewer):
    claim = make_claim(by=editor)

    claim_submit(claim=claim, by=editor)
    claim_reject(claim=claim, comment="Too vague.", by=reviewer)

    latest = claim.history.order_by("-history_id").first()
    assert (latest.review_state, latest.history_user) == (ReviewState.REJECTED, reviewer)
    assert latest.history_change_reason == "reject: Too vague."


def test_the_service_updates_the_callers_claim_object(editor):
    claim = make_claim(by=editor)

    returned = claim_submit(claim=claim, by=editor)

    assert returned is claim
    assert claim.review_state == ReviewState.IN_REVIEW


def test_a_stale_claim_object_is_judged_by_the_stored_state(editor, reviewer, other_reviewer):
    claim = make_claim(by=editor)
    claim_submit(claim=claim, by=editor)
    stale = Claim.objects.get(pk=claim.pk)
    claim_approve(claim=claim, by=reviewer)

    with pytest.raises(NotAllowed, match="published"):
        claim_approve(claim=stale, by=other_reviewer)

    assert ReviewTransition.objects.filter(claim=claim, to_state=ReviewState.PUBLISHED).count() == 1


def test_an_unknown_step_name_is_invalid_input(editor):
    claim = make_claim(by=editor)

    with pytest.raises(InvalidInput, match="Unknown review step"):
        claim_transition(claim=claim, step="publish", by=editor)

    assert Claim.objects.get(pk=claim.pk).review_state == ReviewState.DRAFT


def test_steps_offered_follow_the_state_and_the_role(editor, reviewer, editor_reviewer):
    claim = make_claim(by=editor)

    assert [s.name for s in steps_for(claim, editor)] == ["submit"]
    assert steps_for(claim, reviewer) == []
    claim_submit(claim=claim, by=editor)
    assert steps_for(claim, editor) == []
    assert [s.name for s in steps_for(claim, reviewer)] == ["approve", "reject"]
    assert [s.name for s in steps_for(claim, editor_reviewer)] == ["approve", "reject"]


def test_imported_claims_are_published_by_the_system_with_the_record_saying_so():
    claim = make_claim()

    claim_publish_imported(claim=claim, comment="Loaded from seeds/claims.json.")

    assert Claim.objects.get(pk=claim.pk).review_state == ReviewState.PUBLISHED
    steps = ReviewTransition.objects.filter(claim=claim)
    assert [(t.to_state, t.by, t.comment) for t in steps] == [
        ("in_review", None, "Loaded from seeds/claims.json."),
        ("published", None, "Loaded from seeds/claims.json."),
    ]
