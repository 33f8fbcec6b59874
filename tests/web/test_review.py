"""Review steps from the web UI obey the workflow: only the steps steps_for allows are offered,
and every refusal shows the workflow's own message and changes nothing."""

import re

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from claims.models import Claim, ReviewTransition
from claims.services.workflow import claim_submit, steps_for
from tests.factories import make_claim
from tests.web.newsroom import claim_state

pytestmark = pytest.mark.django_db


def review(client: Client, claim: Claim, step: str, comment: str = "", *, from_queue: bool = False) -> HttpResponse:
    if from_queue:
        url = reverse("web:review-queue") + "?state=in_review"
        return client.post(url, {"claim": claim.pk, "step": step, "comment": comment})
    return client.post(reverse("web:claim-action", args=[claim.pk, "review"]), {"step": step, "comment": comment})


def offered_steps(html: str, claim_pk: int | None = None) -> list[str]:
    if claim_pk is not None:
        html = html.split(f'data-claim="{claim_pk}"', 1)[1].split("</article>", 1)[0]
    return re.findall(r'data-step="(\w+)"', html)


@pytest.mark.parametrize("from_queue", [False, True])
def test_reviewer_approves_a_claim_someone_else_created(newsroom, client_as, reviewer, from_queue):
    response = review(client_as(reviewer), newsroom.waiting, "approve", "Sources check out", from_queue=from_queue)

    assert response.status_code == 302
    assert claim_state(newsroom.waiting) == "published"
    moved = ReviewTransition.objects.filter(claim=newsroom.waiting).latest("id")
    assert (moved.by, moved.to_state, moved.comment) == (reviewer, "published", "Sources check out")


def test_the_queue_lists_claims_in_review_with_the_steps_the_reviewer_may_take(newsroom, client_as, reviewer):
    page = client_as(reviewer).get(reverse("web:review-queue")).text

    assert newsroom.waiting.text in page
    assert newsroom.draft.text not in page
    assert offered_steps(page, newsroom.waiting.pk) == [s.name for s in steps_for(newsroom.waiting, reviewer)]
    assert offered_steps(page, newsroom.waiting.pk) == ["approve", "reject"]


def test_the_queue_shows_other_states_on_their_tabs(newsroom, client_as, reviewer):
    page = client_as(reviewer).get(reverse("web:review-queue"), {"state": "published"}).text

    assert newsroom.published.text in page
    assert offered_steps(page, newsroom.published.pk) == ["retract"]


def test_an_editor_cannot_approve(newsroom, client_as, editor):
    response = review(client_as(editor), newsroom.waiting, "approve")

    assert response.status_code == 403
    assert "You do not have permission to do this" in response.text
    assert claim_state(newsroom.waiting) == "in_review"


def test_a_consumer_cannot_see_a_claim_in_review_let_alone_approve_it(newsroom, client_as, consumer):
    response = review(client_as(consumer), newsroom.waiting, "approve")

    assert response.status_code == 404
    assert claim_state(newsroom.waiting) == "in_review"


def test_a_consumer_cannot_retract_a_published_claim(newsroom, client_as, consumer):
    response = review(client_as(consumer), newsroom.published, "retract", "I disagree")

    assert response.status_code == 403
    assert "You do not have permission to do this" in response.text
    assert claim_state(newsroom.published) == "published"


def test_the_queue_refuses_non_reviewers_before_anything_else(newsroom, client_as, editor):
    response = review(client_as(editor), newsroom.waiting, "approve", from_queue=True)

    assert response.status_code == 403
    assert claim_state(newsroom.waiting) == "in_review"


def test_creator_cannot_approve_their_own_claim(db, client_as, editor_reviewer):
    own = make_claim("Erin's own claim", by=editor_reviewer)
    claim_submit(claim=own, by=editor_reviewer)
    client = client_as(editor_reviewer)

    page = client.get(reverse("web:claim-detail", args=[own.pk])).text
    response = review(client, own, "approve", from_queue=True)

    assert "approve" not in offered_steps(page)
    assert response.status_code == 403
    assert "Four eyes: you cannot approve a claim you created" in response.text
    assert claim_state(own) == "in_review"


@pytest.mark.parametrize("from_queue", [False, True])
def test_reject_without_a_comment_is_refused(newsroom, client_as, reviewer, from_queue):
    response = review(client_as(reviewer), newsroom.waiting, "reject", "  ", from_queue=from_queue)

    assert response.status_code == 400
    assert "A comment is required to reject a claim." in response.text
    assert claim_state(newsroom.waiting) == "in_review"


def test_reject_with_a_comment_sends_it_back(newsroom, client_as, reviewer):
    response = review(client_as(reviewer), newsroom.waiting, "reject", "Find a second source")

    assert response.status_code == 302
    assert claim_state(newsroom.waiting) == "rejected"


def test_retract_needs_a_reason(newsroom, client_as, reviewer):
    client = client_as(reviewer)

    refused = review(client, newsroom.published, "retract", "")
    done = review(client, newsroom.published, "retract", "The attack was claimed by another group")

    assert refused.status_code == 400
    assert "A reason is required to retract a claim." in refused.text
    assert done.status_code == 302
    assert claim_state(newsroom.published) == "retracted"


def test_a_step_not_allowed_now_answers_409_with_the_message(newsroom, client_as, reviewer):
    response = review(client_as(reviewer), newsroom.draft, "approve")

    assert response.status_code == 409
    assert "Cannot approve a claim that is draft; only a claim that is in review." in response.text
    assert claim_state(newsroom.draft) == "draft"


def test_a_claim_approved_meanwhile_shows_the_refusal_above_the_queue(newsroom, client_as, reviewer, other_reviewer):
    review(client_as(other_reviewer), newsroom.waiting, "approve", from_queue=True)

    response = review(client_as(reviewer), newsroom.waiting, "approve", from_queue=True)

    assert response.status_code == 409
    assert "Could not approve" in response.text
    assert "Cannot approve a claim that is published" in response.text


def test_editor_submits_a_draft_from_the_claim_page(newsroom, client_as, editor):
    client = client_as(editor)

    offered = offered_steps(client.get(reverse("web:claim-detail", args=[newsroom.draft.pk])).text)
    response = review(client, newsroom.draft, "submit")

    assert offered == ["submit"]
    assert response.status_code == 302
    assert claim_state(newsroom.draft) == "in_review"


def test_consumers_are_offered_no_step(newsroom, client_as, consumer):
    page = client_as(consumer).get(reverse("web:claim-detail", args=[newsroom.published.pk])).text

    assert offered_steps(page) == []


def test_history_shows_transitions_with_their_comments(newsroom, client_as, reviewer):
    client = client_as(reviewer)
    review(client, newsroom.waiting, "reject", "Find a second source")

    page = client.get(reverse("web:claim-detail", args=[newsroom.waiting.pk])).text

    assert "Rejected: in review → rejected" in page
    assert "Find a second source" in page
    assert "Submitted for review: draft → in review" in page


def test_a_bad_claim_id_in_the_queue_is_404(newsroom, client_as, reviewer):
    client = client_as(reviewer)

    assert client.post(reverse("web:review-queue"), {"claim": "abc", "step": "approve"}).status_code == 404
    assert client.post(reverse("web:review-queue"), {"claim": "999999", "step": "approve"}).status_code == 404
