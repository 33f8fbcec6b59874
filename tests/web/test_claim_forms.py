"""Editors' forms on the claim page: each calls its service, and a refusal is shown, never a 500."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from claims.models import Appearance, Citation, Claim, StatusEvidence
from claims.services.appearances import appearance_update
from tests.services.conftest import database_state

pytestmark = pytest.mark.django_db


def action(claim, name: str) -> str:
    return reverse("web:claim-action", args=[claim.pk, name])


def test_editor_adds_an_appearance(newsroom, client_as, editor):
    response = client_as(editor).post(
        action(newsroom.published, "appearance"),
        {
            "appearance-outlet": newsroom.reuters.pk,
            "appearance-published_on": "2021-10-30",
            "appearance-language": "en",
        },
    )

    assert response.status_code == 302
    assert response.url == reverse("web:claim-detail", args=[newsroom.published.pk])
    added = Appearance.objects.get(claim=newsroom.published, published_on="2021-10-30")
    assert (added.outlet, added.created_by) == (newsroom.reuters, editor)


def test_a_future_date_is_refused_and_nothing_is_saved(newsroom, client_as, editor):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    before = database_state()

    response = client_as(editor).post(
        action(newsroom.published, "appearance"),
        {"appearance-outlet": newsroom.reuters.pk, "appearance-published_on": tomorrow},
    )

    assert response.status_code == 400
    assert f"published_on {tomorrow} is in the future." in response.text
    assert database_state() == before


def test_a_citation_closing_a_cycle_shows_the_error_and_saves_nothing(newsroom, client_as, editor):
    # Al-Manar already republished Al-Akhbar; Al-Akhbar citing Al-Manar back would close a cycle.
    # Same day, so the date order allows either direction and only the cycle stands in the way.
    appearance_update(appearance=newsroom.repeat, published_on=newsroom.origin.published_on)
    before = database_state()

    response = client_as(editor).post(
        action(newsroom.published, "citation"),
        {"citation-citing": newsroom.origin.pk, "citation-cited": newsroom.repeat.pk, "citation-kind": "cited"},
    )

    assert response.status_code == 400
    assert "would close a cycle" in response.text
    assert 'id="add-citation" open' in response.text
    assert database_state() == before


def test_editor_adds_a_citation(newsroom, client_as, editor):
    response = client_as(editor).post(
        action(newsroom.published, "citation"),
        {"citation-citing": newsroom.wire.pk, "citation-cited": newsroom.origin.pk, "citation-kind": "quoted"},
    )

    assert response.status_code == 302
    assert Citation.objects.filter(citing=newsroom.wire, cited=newsroom.origin, kind="quoted").exists()
    newsroom.refresh()
    # Reuters now draws on Al-Akhbar: one origin left, so one independent voice.
    assert newsroom.published.independent_origin_count == 1


def test_a_citation_to_an_appearance_of_another_claim_is_not_offered(newsroom, client_as, editor):
    other = newsroom.rival.appearances.get()

    response = client_as(editor).post(
        action(newsroom.published, "citation"),
        {"citation-citing": newsroom.wire.pk, "citation-cited": other.pk, "citation-kind": "cited"},
    )

    assert response.status_code == 400
    assert "Select a valid choice" in response.text
    assert not Citation.objects.filter(citing=newsroom.wire).exists()


def test_editor_adds_evidence_and_the_status_follows(newsroom, client_as, editor):
    response = client_as(editor).post(
        action(newsroom.published, "evidence"),
        {
            "evidence-stance": "denies",
            "evidence-date": "2021-11-02",
            "evidence-actor": newsroom.group.pk,
            "evidence-url": "https://example.org/denial",
        },
    )

    assert response.status_code == 302
    newsroom.refresh()
    assert newsroom.published.status == "denied"


def test_evidence_without_a_source_is_refused(newsroom, client_as, editor):
    response = client_as(editor).post(
        action(newsroom.published, "evidence"), {"evidence-stance": "confirms", "evidence-date": "2021-11-02"}
    )

    assert response.status_code == 400
    assert "Evidence must point to an appearance or a url." in response.text
    assert StatusEvidence.objects.filter(claim=newsroom.published).count() == 1


def test_a_reviewer_without_edit_rights_gets_the_services_refusal(newsroom, client_as, reviewer):
    response = client_as(reviewer).post(
        action(newsroom.published, "appearance"),
        {"appearance-outlet": newsroom.reuters.pk, "appearance-published_on": "2021-10-30"},
    )

    assert response.status_code == 403
    assert "You do not have permission to do this" in response.text
    assert newsroom.published.appearances.count() == 3


def test_anonymous_posts_go_to_the_login_page(newsroom, client_as):
    response = client_as(None).post(action(newsroom.published, "appearance"), {})

    assert response.status_code == 302
    assert response.url.startswith(reverse("web:login"))


def test_a_consumer_cannot_write(newsroom, client_as, consumer):
    response = client_as(consumer).post(
        action(newsroom.published, "evidence"),
        {"evidence-stance": "confirms", "evidence-date": "2021-11-02", "evidence-url": "https://example.org/x"},
    )

    assert response.status_code == 403
    assert StatusEvidence.objects.filter(claim=newsroom.published).count() == 1


def test_garbage_input_is_a_form_error_not_a_500(newsroom, client_as, editor):
    client = client_as(editor)
    for name, data in [
        ("appearance", {"appearance-outlet": "x", "appearance-published_on": "32/13/2021"}),
        ("citation", {"citation-citing": "999999", "citation-cited": "-1", "citation-kind": "stolen"}),
        ("evidence", {"evidence-stance": "maybe", "evidence-date": ""}),
        ("review", {"step": "publish-now"}),
        ("appearance", {"appearance-outlet": "9" * 30, "appearance-published_on": "2021-10-30"}),
        ("citation", {"citation-citing": "9" * 30, "citation-cited": "1e3", "citation-kind": "cited"}),
        ("evidence", {"evidence-stance": "confirms", "evidence-date": "2021-10-30", "evidence-actor": "9" * 30}),
    ]:
        response = client.post(action(newsroom.published, name), data)
        assert response.status_code == 400, name


def test_unknown_actions_answer_404(newsroom, client_as, editor):
    assert client_as(editor).post(action(newsroom.published, "delete"), {}).status_code == 404


def test_get_on_an_action_is_not_allowed(newsroom, client_as, editor):
    assert client_as(editor).get(action(newsroom.published, "appearance")).status_code == 405


def test_editor_records_a_new_claim_as_a_draft(newsroom, client_as, editor):
    response = client_as(editor).post(
        reverse("web:claim-create"), {"text": "Kataib Hezbollah fired the rockets", "kind": "attribution"}
    )

    assert response.status_code == 302
    claim = Claim.objects.get(text="Kataib Hezbollah fired the rockets")
    assert (claim.review_state, claim.created_by) == ("draft", editor)


def test_a_consumer_cannot_record_a_claim(newsroom, client_as, consumer):
    response = client_as(consumer).post(reverse("web:claim-create"), {"text": "Anything", "kind": "attribution"})

    assert response.status_code == 403
    assert "You do not have permission" in response.text
