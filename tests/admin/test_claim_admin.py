"""The claim pages of the admin: list, search, change page, and saves that go through the services."""

from datetime import date, timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.utils import timezone

from claims.choices import ReviewState
from claims.models import Appearance, Citation, Claim
from claims.services.appearances import appearance_withdraw
from claims.services.workflow import claim_transition
from tests.admin.pages import form_data
from tests.factories import make_actor, make_appearance, make_citation, make_claim, make_evidence, make_outlet
from tests.workflow.states import claim_in

pytestmark = pytest.mark.django_db

LIST = "/admin/claims/claim/"
ADD = "/admin/claims/claim/add/"


def change_url(claim: Claim) -> str:
    return f"/admin/claims/claim/{claim.pk}/change/"


@pytest.fixture
def chain(editor) -> tuple[Claim, list[Appearance]]:
    """A claim with an origin, a republication of it and a republication of that, all the same day
    (so that only the cycle rule can refuse a citation back to the origin)."""
    claim = make_claim("The Allies of Syria Operations Room struck al-Tanf", by=editor)
    origin = make_appearance(claim, make_outlet("Al-Akhbar", reliability="C"), published_on=date(2021, 10, 20))
    second = make_appearance(claim, make_outlet("Al-Mayadeen"), published_on=date(2021, 10, 20))
    third = make_appearance(claim, make_outlet("Tasnim"), published_on=date(2021, 10, 20))
    make_citation(second, origin, kind="republished")
    make_citation(third, second, kind="translated")
    make_evidence(claim, stance="denies", appearance=origin)
    return Claim.objects.get(pk=claim.pk), [origin, second, third]


def test_editor_sees_the_claims_with_their_computed_scores(as_editor, chain):
    claim, _ = chain

    response = as_editor.get(LIST)

    assert response.status_code == 200
    assert claim.text in response.content.decode()
    row = response.context["cl"].result_list.get(pk=claim.pk)
    assert (row.review_state, row.status, row.independent_origin_count) == ("draft", "denied", 1)


def test_claim_list_finds_a_claim_by_an_alias_of_its_subject(as_editor, editor):
    subject = make_actor("Hezbollah", aliases=["Hizbullah", "حزب الله"])
    about = make_claim("Drones were launched from Syria", subject=subject, by=editor)
    other = make_claim("An unrelated statement", by=editor)

    for term in ["Hizbullah", "حزب الله", "hezbollah"]:
        response = as_editor.get(LIST, {"q": term})
        found = set(response.context["cl"].result_list.values_list("pk", flat=True))
        assert found == {about.pk}, term
    assert other.pk not in found


def test_claim_list_filters_by_review_state(as_editor, editor):
    draft = make_claim(by=editor)
    submitted = claim_transition(claim=make_claim(by=editor), step="submit", by=editor)

    response = as_editor.get(LIST, {"review_state__exact": ReviewState.IN_REVIEW})

    assert list(response.context["cl"].result_list) == [submitted]
    assert draft not in response.context["cl"].result_list


def test_change_page_shows_scores_and_review_state_read_only(as_editor, chain):
    claim, _ = chain

    response = as_editor.get(change_url(claim))

    assert response.status_code == 200
    page = response.content.decode()
    fields = set(response.context["adminform"].form.fields)
    assert fields == {"text", "kind", "subject", "event", "notes", "source_document"}
    assert claim.admiralty_code in page
    assert "an independent origin" in page  # a confidence factor, rendered as a table row
    assert "Claim recorded" in page  # the combined history
    assert form_data(response, "claim_form")["appearances-TOTAL_FORMS"] == "3"


def test_editor_adds_a_claim_through_the_service(as_editor, editor):
    form = form_data(as_editor.get(ADD), "claim_form")
    form.update(text="  Iran-backed groups claimed the attack  ", kind="responsibility")

    response = as_editor.post(ADD, form)

    assert response.status_code == 302
    claim = Claim.objects.get()
    assert claim.text == "Iran-backed groups claimed the attack"  # stripped by the service
    assert (claim.review_state, claim.created_by) == (ReviewState.DRAFT, editor)
    assert claim.history.get().history_user == editor
    assert LogEntry.objects.get().object_id == str(claim.pk)


def test_editor_adds_appearances_inline_and_the_claim_is_rescored(as_editor, editor, chain):
    claim, _ = chain
    outlet = make_outlet("Reuters", reliability="B")
    form = form_data(as_editor.get(change_url(claim)), "claim_form")
    form.update(
        {
            "appearances-TOTAL_FORMS": "4",
            "appearances-3-outlet": str(outlet.pk),
            "appearances-3-published_on": "2021-10-23",
            "appearances-3-headline": "Drone attack on US base in Syria",
        }
    )

    response = as_editor.post(change_url(claim), form)

    assert response.status_code == 302
    added = Appearance.objects.get(claim=claim, outlet=outlet)
    assert (added.created_by, added.headline) == (editor, "Drone attack on US base in Syria")
    assert Claim.objects.get(pk=claim.pk).appearance_count == 4
    assert Claim.objects.get(pk=claim.pk).independent_origin_count == 2


def test_a_future_date_is_refused_and_nothing_of_the_page_is_saved(as_editor, chain):
    claim, appearances = chain
    tomorrow = timezone.localdate() + timedelta(days=1)
    form = form_data(as_editor.get(change_url(claim)), "claim_form")
    form.update({"notes": "Checked twice.", "appearances-0-published_on": tomorrow.isoformat()})

    response = as_editor.post(change_url(claim), form)

    assert response.status_code == 200
    row = response.context["inline_admin_formsets"][0].formset.forms[0]
    assert "is in the future" in str(row.errors)
    assert Appearance.objects.get(pk=appearances[0].pk).published_on == date(2021, 10, 20)
    assert Claim.objects.get(pk=claim.pk).notes == ""  # the claim's own change went back too


def test_a_citation_that_would_close_a_cycle_shows_the_error_and_saves_nothing(as_editor, chain):
    claim, (origin, _, third) = chain
    citations_before = set(Citation.objects.values_list("pk", flat=True))
    form = form_data(as_editor.get(change_url(claim)), "claim_form")
    form.update(
        {
            "citations-TOTAL_FORMS": "3",
            "citations-2-citing": str(origin.pk),
            "citations-2-cited": str(third.pk),
            "citations-2-kind": "cited",
        }
    )

    response = as_editor.post(change_url(claim), form)

    assert response.status_code == 200
    assert "would close a cycle" in response.content.decode()
    assert set(Citation.objects.values_list("pk", flat=True)) == citations_before


def test_a_citation_added_on_its_own_page_that_closes_a_cycle_is_refused(as_editor, chain):
    _, (origin, second, _) = chain
    add = "/admin/claims/citation/add/"
    form = form_data(as_editor.get(add), "citation_form")
    form.update(citing=str(origin.pk), cited=str(second.pk), kind="cited")

    response = as_editor.post(add, form)

    assert response.status_code == 200
    assert "would close a cycle" in str(response.context["adminform"].form.errors)
    assert Citation.objects.count() == 2


def test_a_published_claims_text_cannot_be_changed_and_the_page_says_why(browser_for, editor, reviewer, chain):
    claim, _ = chain
    claim_transition(claim=claim, step="submit", by=editor)
    claim_transition(claim=claim, step="approve", by=reviewer)
    as_editor = browser_for(editor)
    form = form_data(as_editor.get(change_url(claim)), "claim_form")
    form["text"] = "Something else entirely"

    response = as_editor.post(change_url(claim), form)

    assert response.status_code == 200
    assert "retract it" in response.content.decode()
    assert Claim.objects.get(pk=claim.pk).text == claim.text


def test_reviewer_sees_claims_but_cannot_edit_them(as_reviewer, chain):
    claim, _ = chain

    page = as_reviewer.get(change_url(claim))
    posted = as_reviewer.post(change_url(claim), {"text": "Changed by a reviewer"})

    assert page.status_code == 200
    assert "text" not in form_data(page, "claim_form")
    assert posted.status_code == 403
    assert Claim.objects.get(pk=claim.pk).text == claim.text


def test_a_retracted_claim_is_shown_read_only_and_a_post_is_refused(as_editor, other_editor):
    claim = claim_in(ReviewState.RETRACTED, created_by=other_editor)

    page = as_editor.get(change_url(claim))
    posted = as_editor.post(change_url(claim), {"text": "Rewritten after retraction"})

    assert page.status_code == 200
    assert not page.context["adminform"].form.fields
    assert all(not inline.has_add_permission for inline in page.context["inline_admin_formsets"])
    assert posted.status_code == 403
    assert Claim.objects.get(pk=claim.pk).text == claim.text


def test_a_withdrawn_appearance_is_shown_read_only(as_editor, chain):
    _, (origin, _, _) = chain
    appearance_withdraw(appearance=origin, reason="Wrong outlet.")

    page = as_editor.get(f"/admin/claims/appearance/{origin.pk}/change/")

    assert page.status_code == 200
    assert not page.context["adminform"].form.fields
    assert "Wrong outlet." in page.content.decode()
