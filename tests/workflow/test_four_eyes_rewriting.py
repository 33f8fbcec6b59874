"""Four eyes cannot be rewritten around (SPEC §7): nobody approves a claim they wrote part of.

Writing part of a claim is creating it, changing its assertion (text, kind, subject, event),
or recording or changing one of its current appearances or pieces of evidence. The rule
reads the history, so it holds in the API, the web UI and the admin alike.
"""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.choices import ReviewState
from claims.errors import Forbidden
from claims.models import Claim, ReviewTransition
from claims.services.appearances import appearance_update, appearance_withdraw
from claims.services.claims import claim_update
from claims.services.evidence import evidence_withdraw
from claims.services.workflow import APPROVE, claim_approve, claim_reject, claim_submit, steps_for
from tests.factories import make_actor, make_appearance, make_claim, make_event, make_evidence, make_outlet

pytestmark = pytest.mark.django_db


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def published(claim: Claim) -> bool:
    return ReviewTransition.objects.filter(claim=claim, to_state=ReviewState.PUBLISHED).exists()


def state_of(claim: Claim) -> str:
    return Claim.objects.get(pk=claim.pk).review_state


@pytest.fixture
def draft(editor) -> Claim:
    return make_claim("The Operations Room launched the drones at al-Tanf", by=editor)


def test_an_editor_reviewer_who_rewrote_a_draft_through_the_api_cannot_approve_it(client_for, draft, editor_reviewer):
    api = client_for(editor_reviewer)

    rewrite = api.patch(f"/api/v1/claims/{draft.pk}/", {"text": "Israel launched the drones at al-Tanf"})
    submit = api.post(f"/api/v1/claims/{draft.pk}/submit/", {})
    approve = api.post(f"/api/v1/claims/{draft.pk}/approve/", {})

    assert (rewrite.status_code, submit.status_code) == (200, 200)
    assert approve.status_code == 403
    assert "Four eyes" in approve.json()["detail"]
    assert "you changed its text" in approve.json()["detail"]
    assert state_of(draft) == ReviewState.IN_REVIEW
    assert not published(draft)


def test_a_superuser_who_rewrote_a_draft_cannot_approve_it_but_another_reviewer_can(
    client_for, draft, superuser, reviewer
):
    client_for(superuser).patch(f"/api/v1/claims/{draft.pk}/", {"kind": "responsibility"})
    claim_submit(claim=draft, by=superuser)

    refused = client_for(superuser).post(f"/api/v1/claims/{draft.pk}/approve/", {})
    approved = client_for(reviewer).post(f"/api/v1/claims/{draft.pk}/approve/", {})

    assert refused.status_code == 403
    assert "you changed its kind" in refused.json()["detail"]
    assert approved.status_code == 200
    assert ReviewTransition.objects.get(claim=draft, to_state=ReviewState.PUBLISHED).by == reviewer


@pytest.mark.parametrize("field", ["subject", "event"])
def test_changing_the_subject_or_event_makes_one_an_author(draft, editor, editor_reviewer, field):
    value = make_actor("Kata'ib Hezbollah") if field == "subject" else make_event("Drone attack on al-Tanf")
    claim_update(claim=draft, by=editor_reviewer, **{field: value})
    claim_submit(claim=draft, by=editor)

    with pytest.raises(Forbidden, match=f"you changed its {field}"):
        claim_approve(claim=draft, by=editor_reviewer)

    assert state_of(draft) == ReviewState.IN_REVIEW


def test_a_change_made_while_the_claim_is_in_review_counts_too(draft, editor, editor_reviewer):
    claim_submit(claim=draft, by=editor)
    claim_update(claim=draft, by=editor_reviewer, text="A different assertion altogether")

    with pytest.raises(Forbidden, match="Four eyes"):
        claim_approve(claim=draft, by=editor_reviewer)

    assert not published(draft)


def test_a_change_in_an_earlier_review_round_still_counts(draft, editor, editor_reviewer, other_reviewer):
    claim_update(claim=draft, by=editor_reviewer, text="Rewritten before the first review")
    claim_submit(claim=draft, by=editor)
    claim_reject(claim=draft, by=other_reviewer, comment="Name the source")
    claim_update(claim=draft, by=editor, text="Rewritten again by its creator, with the source")
    claim_submit(claim=draft, by=editor)

    with pytest.raises(Forbidden):
        claim_approve(claim=draft, by=editor_reviewer)


def test_an_appearance_one_recorded_makes_one_an_author(draft, editor, editor_reviewer):
    make_appearance(draft, make_outlet("Al-Akhbar"), by=editor_reviewer)
    claim_submit(claim=draft, by=editor)

    with pytest.raises(Forbidden, match="you recorded its appearance"):
        claim_approve(claim=draft, by=editor_reviewer)

    assert APPROVE not in steps_for(draft, editor_reviewer)


def test_changing_someone_elses_appearance_makes_one_an_author(draft, editor, editor_reviewer):
    appearance = make_appearance(draft, make_outlet("Al-Akhbar"), by=editor)
    appearance_update(appearance=appearance, by=editor_reviewer, outlet=make_outlet("Al-Mayadeen"))
    claim_submit(claim=draft, by=editor)

    with pytest.raises(Forbidden, match="you changed its appearance"):
        claim_approve(claim=draft, by=editor_reviewer)


def test_evidence_one_recorded_makes_one_an_author(draft, editor, editor_reviewer):
    make_evidence(draft, by=editor_reviewer)
    claim_submit(claim=draft, by=editor)

    with pytest.raises(Forbidden, match="you recorded its evidence"):
        claim_approve(claim=draft, by=editor_reviewer)


def test_what_one_added_and_was_withdrawn_no_longer_counts(draft, editor, editor_reviewer):
    appearance = make_appearance(draft, make_outlet("Al-Akhbar"), by=editor_reviewer)
    evidence = make_evidence(draft, by=editor_reviewer)
    appearance_withdraw(appearance=appearance, reason="Wrong article", by=editor)
    evidence_withdraw(evidence=evidence, reason="Misread statement", by=editor)
    claim_submit(claim=draft, by=editor)

    claim_approve(claim=draft, by=editor_reviewer)

    assert state_of(draft) == ReviewState.PUBLISHED


def test_editing_only_the_notes_does_not_make_one_an_author(draft, editor, editor_reviewer):
    """Notes are the desk's working notes, not the assertion reviewers approve."""
    claim_update(claim=draft, by=editor_reviewer, notes="Check the Arabic original")
    claim_submit(claim=draft, by=editor)

    claim_approve(claim=draft, by=editor_reviewer)

    assert state_of(draft) == ReviewState.PUBLISHED


def test_submitting_and_rejecting_do_not_make_one_an_author(draft, editor, editor_reviewer):
    claim_submit(claim=draft, by=editor_reviewer)
    claim_reject(claim=draft, by=editor_reviewer, comment="Needs a second source")
    claim_update(claim=draft, by=editor, text="With a second source")
    claim_submit(claim=draft, by=editor)

    claim_approve(claim=draft, by=editor_reviewer)

    assert state_of(draft) == ReviewState.PUBLISHED


def test_the_web_claim_page_neither_offers_nor_takes_the_approval(draft, editor, editor_reviewer):
    claim_update(claim=draft, by=editor_reviewer, text="Israel launched the drones")
    claim_submit(claim=draft, by=editor)
    client = logged_in(editor_reviewer)

    page = client.get(reverse("web:claim-detail", args=[draft.pk])).text
    response = client.post(reverse("web:claim-action", args=[draft.pk, "review"]), {"step": "approve"})

    assert 'data-step="approve"' not in page
    assert response.status_code == 403
    assert "Four eyes" in response.text
    assert state_of(draft) == ReviewState.IN_REVIEW


def test_the_admin_refuses_the_approval_with_the_same_message(draft, editor, editor_reviewer):
    claim_update(claim=draft, by=editor_reviewer, text="Israel launched the drones")
    claim_submit(claim=draft, by=editor)
    client = logged_in(editor_reviewer)

    response = client.post(f"/admin/claims/claim/{draft.pk}/review/approve/", {"comment": ""}, follow=True)

    assert "Four eyes: you cannot approve a claim you wrote part of" in response.content.decode()
    assert state_of(draft) == ReviewState.IN_REVIEW


def test_the_review_queue_reads_authorship_in_constant_queries(editor, editor_reviewer, django_assert_num_queries):
    outlet = make_outlet("Al-Akhbar")

    def waiting(count: int) -> None:
        for n in range(count):
            claim = make_claim(f"Waiting {n}", by=editor)
            make_appearance(claim, outlet, by=editor_reviewer, published_on=date(2021, 10, 21))
            claim_submit(claim=claim, by=editor)

    client = logged_in(editor_reviewer)
    waiting(2)
    with CaptureQueriesContext(connection) as first:
        client.get(reverse("web:review-queue"))
    waiting(10)

    with django_assert_num_queries(len(first)):
        page = client.get(reverse("web:review-queue")).text
    assert page.count('class="card queue-item"') == 12
    assert 'data-step="approve"' not in page
