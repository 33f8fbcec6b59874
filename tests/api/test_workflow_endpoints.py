"""POST /api/v1/claims/{id}/submit|approve|reject|retract/ (SPEC §7): the API answers as the service decides."""

import pytest

from claims.models import Claim, ReviewTransition
from claims.services.claims import claim_create
from claims.services.workflow import claim_reject, claim_submit
from tests.api.conftest import publish

pytestmark = pytest.mark.django_db


def url(claim: Claim, step: str) -> str:
    return f"/api/v1/claims/{claim.pk}/{step}/"


@pytest.fixture
def draft(editor) -> Claim:
    return claim_create(text="The Operations Room claimed the attack", by=editor)


@pytest.fixture
def in_review(draft, editor) -> Claim:
    return claim_submit(claim=draft, by=editor)


def test_editor_submits_a_draft(as_editor, draft, editor):
    response = as_editor.post(url(draft, "submit"), {"comment": "Ready"})

    assert response.status_code == 200
    assert response.json()["review_state"] == "in_review"
    draft.refresh_from_db()
    assert draft.review_state == "in_review"
    transition = ReviewTransition.objects.get(claim=draft)
    assert (transition.from_state, transition.to_state, transition.by, transition.comment) == (
        "draft",
        "in_review",
        editor,
        "Ready",
    )


def test_submit_needs_no_body(as_editor, draft):
    assert as_editor.post(url(draft, "submit")).status_code == 200


def test_reviewer_approves_a_claim_in_review(as_reviewer, in_review, reviewer):
    response = as_reviewer.post(url(in_review, "approve"))

    assert response.status_code == 200
    assert response.json()["review_state"] == "published"
    assert ReviewTransition.objects.filter(claim=in_review, to_state="published", by=reviewer).exists()


def test_nobody_approves_their_own_claim(client_for, editor_reviewer, nothing_changes):
    claim = claim_submit(claim=claim_create(text="Mine", by=editor_reviewer), by=editor_reviewer)

    with nothing_changes():
        response = client_for(editor_reviewer).post(url(claim, "approve"))

    assert response.status_code == 403
    assert "Four eyes" in response.json()["detail"]


def test_editors_cannot_approve(as_editor, in_review, nothing_changes):
    with nothing_changes():
        response = as_editor.post(url(in_review, "approve"))

    assert response.status_code == 403


def test_approving_a_draft_is_a_409(as_reviewer, draft, nothing_changes):
    with nothing_changes():
        response = as_reviewer.post(url(draft, "approve"))

    assert response.status_code == 409
    assert "draft" in response.json()["detail"]


def test_reject_needs_a_comment(as_reviewer, in_review, nothing_changes):
    with nothing_changes():
        response = as_reviewer.post(url(in_review, "reject"), {"comment": "  "})

    assert response.status_code == 400
    assert "comment" in response.json()["errors"]


def test_reviewer_rejects_with_a_comment_and_the_editor_resubmits(as_reviewer, as_editor, in_review):
    response = as_reviewer.post(url(in_review, "reject"), {"comment": "Name the second source"})

    assert response.status_code == 200
    assert response.json()["review_state"] == "rejected"
    assert ReviewTransition.objects.get(claim=in_review, to_state="rejected").comment == "Name the second source"
    assert as_editor.post(url(in_review, "submit")).json()["review_state"] == "in_review"


def test_retract_needs_a_reason(as_reviewer, draft, nothing_changes):
    claim = publish(draft)

    with nothing_changes():
        response = as_reviewer.post(url(claim, "retract"), {})

    assert response.status_code == 400
    assert "reason" in response.json()["errors"]


def test_reviewer_retracts_a_published_claim_with_a_reason(as_reviewer, draft):
    claim = publish(draft)

    response = as_reviewer.post(url(claim, "retract"), {"reason": "The attack was misdated"})

    assert response.status_code == 200
    claim.refresh_from_db()
    assert claim.review_state == "retracted"
    assert ReviewTransition.objects.get(claim=claim, to_state="retracted").comment == "The attack was misdated"


def test_retracting_a_rejected_claim_is_a_409(as_reviewer, in_review, reviewer, nothing_changes):
    claim_reject(claim=in_review, comment="No", by=reviewer)

    with nothing_changes():
        response = as_reviewer.post(url(in_review, "retract"), {"reason": "x"})

    assert response.status_code == 409


def test_a_consumer_retracting_a_published_claim_is_a_403(as_consumer, draft, nothing_changes):
    claim = publish(draft)

    with nothing_changes():
        response = as_consumer.post(url(claim, "retract"), {"reason": "I disagree"})

    assert response.status_code == 403


def test_anonymous_clients_are_asked_to_authenticate(anonymous, draft, nothing_changes):
    claim = publish(draft)

    with nothing_changes():
        response = anonymous.post(url(claim, "retract"), {"reason": "x"})

    assert response.status_code == 401


def test_a_claim_the_consumer_cannot_see_is_a_404(as_consumer, in_review, nothing_changes):
    with nothing_changes():
        response = as_consumer.post(url(in_review, "approve"))

    assert response.status_code == 404


def test_a_comment_of_the_wrong_type_is_a_400(as_reviewer, in_review, nothing_changes):
    with nothing_changes():
        response = as_reviewer.post(url(in_review, "reject"), {"comment": ["not", "text"]})

    assert response.status_code == 400
    assert "comment" in response.json()["errors"]
