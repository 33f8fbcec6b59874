"""POST, PUT and PATCH /api/v1/claims/: new claims start in draft; the service decides the rest."""

from datetime import date

import pytest

from claims.models import Claim
from claims.services.workflow import claim_retract
from tests.api.conftest import publish
from tests.factories import make_actor, make_appearance, make_claim, make_event

pytestmark = pytest.mark.django_db

URL = "/api/v1/claims/"


def test_editor_records_a_claim_in_draft(as_editor, editor):
    hezbollah, attack = make_actor("Hezbollah"), make_event("Drone attack")

    response = as_editor.post(
        URL, {"text": "Hezbollah was behind it", "kind": "attribution", "subject": hezbollah.pk, "event": attack.pk}
    )

    assert response.status_code == 201
    body = response.json()
    claim = Claim.objects.get(pk=body["id"])
    assert (claim.text, claim.subject, claim.event, claim.created_by) == (
        "Hezbollah was behind it",
        hezbollah,
        attack,
        editor,
    )
    assert claim.review_state == body["review_state"] == "draft"
    assert body["confidence"] == 0
    assert body["as_of"] is None


def test_review_state_cannot_be_written(as_editor):
    response = as_editor.post(URL, {"text": "Straight to published?", "review_state": "published"})

    assert response.status_code == 201
    assert Claim.objects.get(pk=response.json()["id"]).review_state == "draft"


def test_arabic_text_is_stored_as_given(as_editor):
    text = "غرفة عمليات حلفاء سوريا وراء الهجوم على التنف"

    response = as_editor.post(URL, {"text": text})

    assert response.status_code == 201
    assert response.json()["text"] == text
    assert Claim.objects.get(pk=response.json()["id"]).text == text


def test_anonymous_clients_cannot_write(anonymous, nothing_changes):
    with nothing_changes():
        response = anonymous.post(URL, {"text": "Anonymous claim"})

    assert response.status_code == 401
    assert "Token" in response.json()["detail"]


def test_consumers_cannot_write(as_consumer, nothing_changes):
    with nothing_changes():
        response = as_consumer.post(URL, {"text": "Consumer claim"})

    assert response.status_code == 403
    assert "permission" in response.json()["detail"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": 12}, "text"),
        ({"text": "x", "kind": "rumour"}, "kind"),
        ({"text": "x", "subject": 999999}, "subject"),
        ({"text": "x", "subject": "hezbollah"}, "subject"),
        ({"text": "x", "event": 1.5}, "event"),
        ({"text": "x", "subject": True}, "subject"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_writes_nothing(as_editor, nothing_changes, body, field):
    with nothing_changes():
        response = as_editor.post(URL, body)

    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_put_replaces_the_written_fields(as_editor):
    claim, actor = make_claim("First wording"), make_actor()

    response = as_editor.put(f"{URL}{claim.pk}/", {"text": "Second wording", "kind": "denial", "subject": actor.pk})

    assert response.status_code == 200
    claim.refresh_from_db()
    assert (claim.text, claim.kind, claim.subject) == ("Second wording", "denial", actor)
    assert response.json()["text"] == "Second wording"


def test_put_needs_the_whole_object(as_editor, nothing_changes):
    claim = make_claim("Kept")

    with nothing_changes():
        response = as_editor.put(f"{URL}{claim.pk}/", {"kind": "denial"})

    assert response.status_code == 400
    assert "text" in response.json()["errors"]


def test_patch_changes_only_what_is_sent(as_editor):
    event = make_event()
    claim = make_claim("Kept text", kind="threat")

    response = as_editor.patch(f"{URL}{claim.pk}/", {"event": event.pk})

    assert response.status_code == 200
    claim.refresh_from_db()
    assert (claim.text, claim.kind, claim.event) == ("Kept text", "threat", event)


def test_patch_can_clear_the_subject(as_editor):
    claim = make_claim(subject=make_actor())

    response = as_editor.patch(f"{URL}{claim.pk}/", {"subject": None}, format="json")

    assert response.status_code == 200
    claim.refresh_from_db()
    assert claim.subject is None


def test_a_published_claims_assertion_cannot_change(as_editor, nothing_changes):
    claim = publish(make_claim("Approved wording"))

    with nothing_changes():
        response = as_editor.patch(f"{URL}{claim.pk}/", {"text": "Edited after approval"})

    assert response.status_code == 409
    assert "retract" in response.json()["detail"]


def test_a_retracted_claim_cannot_change(as_editor, nothing_changes):
    claim = publish(make_claim("Wrong"))
    claim_retract(claim=claim, reason="Misattributed")

    with nothing_changes():
        response = as_editor.patch(f"{URL}{claim.pk}/", {"kind": "denial"})

    assert response.status_code == 409


def test_consumers_cannot_edit_a_published_claim(as_consumer, nothing_changes):
    claim = publish(make_claim())

    with nothing_changes():
        response = as_consumer.patch(f"{URL}{claim.pk}/", {"kind": "denial"})

    assert response.status_code == 403


def test_a_claim_the_user_cannot_see_is_a_404(as_consumer, nothing_changes):
    draft = make_claim()

    with nothing_changes():
        response = as_consumer.patch(f"{URL}{draft.pk}/", {"kind": "denial"})

    assert response.status_code == 404


def test_claims_are_never_deleted(as_editor, nothing_changes):
    claim = make_claim()
    make_appearance(claim, published_on=date(2021, 10, 21))

    with nothing_changes():
        response = as_editor.delete(f"{URL}{claim.pk}/")

    assert response.status_code == 405
    assert "retract" in response.json()["detail"]
