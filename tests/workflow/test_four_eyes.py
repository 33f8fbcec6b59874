"""Four eyes (SPEC §7): nobody approves a claim they created, whatever their roles."""

import pytest
from django.contrib.auth.models import AnonymousUser

from claims.choices import ReviewState
from claims.errors import Forbidden
from claims.models import Claim, ReviewTransition
from claims.services.workflow import APPROVE, claim_approve, claim_reject, claim_retract, steps_for
from tests.workflow.states import claim_in

pytestmark = pytest.mark.django_db


def test_superuser_cannot_approve_a_claim_they_created(superuser):
    claim = claim_in(ReviewState.IN_REVIEW, created_by=superuser)

    with pytest.raises(Forbidden, match="Four eyes"):
        claim_approve(claim=claim, by=superuser)

    assert Claim.objects.get(pk=claim.pk).review_state == ReviewState.IN_REVIEW
    assert not ReviewTransition.objects.filter(claim=claim, to_state=ReviewState.PUBLISHED).exists()


def test_editor_reviewer_cannot_approve_own_claim_but_another_reviewer_can(editor_reviewer, reviewer):
    claim = claim_in(ReviewState.IN_REVIEW, created_by=editor_reviewer)

    with pytest.raises(Forbidden):
        claim_approve(claim=claim, by=editor_reviewer)
    claim_approve(claim=claim, by=reviewer)

    assert Claim.objects.get(pk=claim.pk).review_state == ReviewState.PUBLISHED
    approval = ReviewTransition.objects.get(claim=claim, to_state=ReviewState.PUBLISHED)
    assert approval.by == reviewer


def test_creator_may_still_reject_and_retract_their_own_claim(editor_reviewer):
    """Four eyes guards publication only; holding one's own claim back needs no second pair."""
    rejected = claim_in(ReviewState.IN_REVIEW, created_by=editor_reviewer)
    published = claim_in(ReviewState.PUBLISHED, created_by=editor_reviewer)

    claim_reject(claim=rejected, comment="Source misread.", by=editor_reviewer)
    claim_retract(claim=published, reason="Outlet retracted its story.", by=editor_reviewer)

    assert Claim.objects.get(pk=rejected.pk).review_state == ReviewState.REJECTED
    assert Claim.objects.get(pk=published.pk).review_state == ReviewState.RETRACTED


def test_the_steps_offered_to_a_creator_leave_out_approve(editor_reviewer, reviewer):
    claim = claim_in(ReviewState.IN_REVIEW, created_by=editor_reviewer)

    assert APPROVE not in steps_for(claim, editor_reviewer)
    assert APPROVE in steps_for(claim, reviewer)


def test_an_anonymous_visitor_is_forbidden_every_step(editor):
    claim = claim_in(ReviewState.IN_REVIEW, created_by=editor)

    with pytest.raises(Forbidden):
        claim_approve(claim=claim, by=AnonymousUser())

    assert steps_for(claim, AnonymousUser()) == []
    assert Claim.objects.get(pk=claim.pk).review_state == ReviewState.IN_REVIEW


def test_an_inactive_reviewer_is_forbidden(editor, reviewer):
    claim = claim_in(ReviewState.IN_REVIEW, created_by=editor)
    reviewer.is_active = False
    reviewer.save()

    with pytest.raises(Forbidden):
        claim_approve(claim=claim, by=reviewer)

    assert Claim.objects.get(pk=claim.pk).review_state == ReviewState.IN_REVIEW
