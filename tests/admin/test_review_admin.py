"""The review workflow in the admin: buttons on the claim page and actions on the list."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import User
from django.test import Client

from claims.choices import ReviewState
from claims.models import Claim, ReviewTransition
from tests.admin.pages import form_data, messages_of
from tests.workflow.states import claim_in

pytestmark = pytest.mark.django_db

LIST = "/admin/claims/claim/"


def step_url(claim: Claim, step: str) -> str:
    return f"/admin/claims/claim/{claim.pk}/review/{step}/"


def buttons(client: Client, claim: Claim) -> set[str]:
    """The review steps offered on the claim's page."""
    page = client.get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()
    return {step for step in ("submit", "approve", "reject", "retract") if step_url(claim, step) in page}


def post_with_csrf(client: Client, url: str, data: dict | None = None, *, page: str | None = None):
    """Post as the browser does: with the CSRF token of the page the form came from."""
    form = form_data(client.get(page or url))
    return client.post(url, {"csrfmiddlewaretoken": form["csrfmiddlewaretoken"], **(data or {})}, follow=True)


def state_of(claim: Claim) -> str:
    return Claim.objects.get(pk=claim.pk).review_state


@pytest.mark.parametrize(
    ("state", "role", "offered"),
    [
        (ReviewState.DRAFT, "editor", {"submit"}),
        (ReviewState.DRAFT, "reviewer", set()),
        (ReviewState.IN_REVIEW, "editor", set()),
        (ReviewState.IN_REVIEW, "reviewer", {"approve", "reject"}),
        (ReviewState.IN_REVIEW, "creator", {"reject"}),
        (ReviewState.REJECTED, "editor", {"submit"}),
        (ReviewState.PUBLISHED, "reviewer", {"retract"}),
        (ReviewState.RETRACTED, "superuser", set()),
    ],
)
def test_claim_page_offers_only_the_steps_allowed_now(request, browser_for, other_editor, state, role, offered):
    user: User = request.getfixturevalue("editor_reviewer" if role == "creator" else role)
    claim = claim_in(state, created_by=user if role == "creator" else other_editor)

    assert buttons(browser_for(user), claim) == offered


def test_reviewer_approves_with_the_button(as_reviewer, reviewer, other_editor):
    claim = claim_in(ReviewState.IN_REVIEW, created_by=other_editor)
    change = f"/admin/claims/claim/{claim.pk}/change/"

    response = post_with_csrf(as_reviewer, step_url(claim, "approve"), page=change)

    assert response.redirect_chain[-1][0] == change
    assert "Claim approved." in messages_of(response)
    assert state_of(claim) == ReviewState.PUBLISHED
    assert ReviewTransition.objects.filter(claim=claim, to_state=ReviewState.PUBLISHED, by=reviewer).count() == 1


def test_approving_ones_own_claim_shows_the_four_eyes_refusal(browser_for, editor_reviewer):
    claim = claim_in(ReviewState.IN_REVIEW, created_by=editor_reviewer)
    client = browser_for(editor_reviewer)

    response = post_with_csrf(client, step_url(claim, "approve"), page=f"/admin/claims/claim/{claim.pk}/change/")

    assert response.status_code == 200
    assert any("Four eyes" in message for message in messages_of(response))
    assert state_of(claim) == ReviewState.IN_REVIEW
    assert not ReviewTransition.objects.filter(claim=claim, to_state=ReviewState.PUBLISHED).exists()


def test_a_step_the_state_does_not_allow_shows_the_services_message(as_reviewer, other_editor):
    claim = claim_in(ReviewState.DRAFT, created_by=other_editor)

    response = post_with_csrf(as_reviewer, step_url(claim, "approve"))

    assert any("Cannot approve a claim that is draft" in message for message in messages_of(response))
    assert state_of(claim) == ReviewState.DRAFT


def test_an_editor_cannot_approve_by_posting_to_the_step(as_editor, other_editor):
    claim = claim_in(ReviewState.IN_REVIEW, created_by=other_editor)

    response = post_with_csrf(as_editor, step_url(claim, "approve"))

    assert any("permission" in message for message in messages_of(response))
    assert state_of(claim) == ReviewState.IN_REVIEW


def test_reject_asks_for_a_comment_and_refuses_a_blank_one(as_reviewer, reviewer, other_editor):
    claim = claim_in(ReviewState.IN_REVIEW, created_by=other_editor)

    asked = as_reviewer.get(step_url(claim, "reject"))
    blank = post_with_csrf(as_reviewer, step_url(claim, "reject"), {"comment": "   ", "apply": "Reject"})

    assert asked.status_code == 200 and "comment" in asked.context["form"].fields
    assert state_of(claim) == ReviewState.IN_REVIEW
    assert "A comment is required to reject a claim." in blank.context["form"].errors["comment"]

    done = post_with_csrf(as_reviewer, step_url(claim, "reject"), {"comment": "Name the first outlet."})

    assert "Claim rejected." in messages_of(done)
    assert state_of(claim) == ReviewState.REJECTED
    assert ReviewTransition.objects.get(claim=claim, to_state=ReviewState.REJECTED).comment == "Name the first outlet."


def test_retract_needs_a_reason(as_reviewer, other_editor):
    claim = claim_in(ReviewState.PUBLISHED, created_by=other_editor)

    blank = post_with_csrf(as_reviewer, step_url(claim, "retract"), {"comment": ""})

    assert "A reason is required to retract a claim." in str(blank.context["form"].errors)
    assert state_of(claim) == ReviewState.PUBLISHED


def test_a_step_without_the_csrf_token_is_refused(as_reviewer, other_editor):
    claim = claim_in(ReviewState.IN_REVIEW, created_by=other_editor)

    response = as_reviewer.post(step_url(claim, "approve"))

    assert response.status_code == 403
    assert state_of(claim) == ReviewState.IN_REVIEW


def test_opening_a_step_page_changes_nothing(as_reviewer, other_editor):
    claim = claim_in(ReviewState.IN_REVIEW, created_by=other_editor)

    response = as_reviewer.get(step_url(claim, "approve"))

    assert response.status_code == 200
    assert state_of(claim) == ReviewState.IN_REVIEW


def test_an_unknown_step_is_not_found(as_reviewer, other_editor):
    claim = claim_in(ReviewState.IN_REVIEW, created_by=other_editor)

    assert as_reviewer.get(step_url(claim, "publish")).status_code == 404


def run_action(client: Client, action: str, claims: list[Claim], **extra: str):
    token = form_data(client.get(LIST), "changelist-form")["csrfmiddlewaretoken"]
    data = {"csrfmiddlewaretoken": token, "action": action, ACTION_CHECKBOX_NAME: [c.pk for c in claims], **extra}
    return client.post(LIST, data, follow=True)


def test_approve_action_approves_others_claims_and_reports_the_refused_one(browser_for, editor_reviewer, other_editor):
    mine = claim_in(ReviewState.IN_REVIEW, created_by=editor_reviewer)
    theirs = claim_in(ReviewState.IN_REVIEW, created_by=other_editor)

    response = run_action(browser_for(editor_reviewer), "approve_selected", [mine, theirs])

    shown = messages_of(response)
    assert "1 claim(s) approved." in shown
    assert any(message.startswith(str(mine)) and "Four eyes" in message for message in shown)
    assert (state_of(mine), state_of(theirs)) == (ReviewState.IN_REVIEW, ReviewState.PUBLISHED)


def test_submit_action_is_offered_to_editors_and_review_actions_to_reviewers(as_editor, as_reviewer):
    editor_actions = {name for name, _ in as_editor.get(LIST).context["action_form"].fields["action"].choices}
    reviewer_actions = {name for name, _ in as_reviewer.get(LIST).context["action_form"].fields["action"].choices}

    assert "submit_selected" in editor_actions
    assert not {"approve_selected", "reject_selected", "retract_selected"} & editor_actions
    assert {"approve_selected", "reject_selected", "retract_selected"} <= reviewer_actions
    assert "delete_selected" not in editor_actions | reviewer_actions


def test_reject_action_asks_for_the_comment_first(as_reviewer, other_editor):
    claims = [claim_in(ReviewState.IN_REVIEW, created_by=other_editor) for _ in range(2)]

    asked = run_action(as_reviewer, "reject_selected", claims)
    blank = run_action(as_reviewer, "reject_selected", claims, apply="Reject", comment=" ")

    assert "comment" in asked.context["form"].fields
    assert "A comment is required to reject a claim." in str(blank.context["form"].errors)
    assert {state_of(c) for c in claims} == {ReviewState.IN_REVIEW}

    done = run_action(as_reviewer, "reject_selected", claims, apply="Reject", comment="Sources are all one outlet.")

    assert "2 claim(s) rejected." in messages_of(done)
    assert {state_of(c) for c in claims} == {ReviewState.REJECTED}
    assert (
        ReviewTransition.objects.filter(to_state=ReviewState.REJECTED, comment="Sources are all one outlet.").count()
        == 2
    )


def test_submit_action_submits_drafts_and_reports_a_claim_already_in_review(as_editor, editor):
    draft = claim_in(ReviewState.DRAFT, created_by=editor)
    waiting = claim_in(ReviewState.IN_REVIEW, created_by=editor)

    response = run_action(as_editor, "submit_selected", [draft, waiting])

    shown = messages_of(response)
    assert "1 claim(s) submitted for review." in shown
    assert any("Cannot submit a claim that is in review" in message for message in shown)
    assert (state_of(draft), state_of(waiting)) == (ReviewState.IN_REVIEW, ReviewState.IN_REVIEW)
    assert ReviewTransition.objects.filter(claim=draft, by=editor, to_state=ReviewState.IN_REVIEW).count() == 1
