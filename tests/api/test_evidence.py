"""/api/v1/evidence/: dated confirmations and denials; the latest sets the claim's status."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from claims.models import Claim, StatusEvidence
from tests.api.conftest import publish
from tests.factories import make_actor, make_appearance, make_claim, make_evidence

pytestmark = pytest.mark.django_db

URL = "/api/v1/evidence/"


def test_a_confirmation_makes_the_claim_confirmed(as_editor, editor):
    claim, actor = make_claim(), make_actor("Allies of Syria Operations Room")
    appearance = make_appearance(claim)

    response = as_editor.post(
        URL,
        {
            "claim": claim.pk,
            "stance": "confirms",
            "actor": actor.pk,
            "date": "2021-10-21",
            "appearance": appearance.pk,
            "note": "Statement on Telegram",
        },
    )

    assert response.status_code == 201
    evidence = StatusEvidence.objects.get(pk=response.json()["id"])
    assert (evidence.claim, evidence.stance, evidence.actor, evidence.appearance, evidence.created_by) == (
        claim,
        "confirms",
        actor,
        appearance,
        editor,
    )
    assert Claim.objects.get(pk=claim.pk).status == "confirmed"


def test_an_unknown_stance_is_a_400(as_editor, nothing_changes):
    claim = make_claim()

    with nothing_changes():
        response = as_editor.post(
            URL, {"claim": claim.pk, "stance": "hints", "date": "2021-10-21", "url": "https://x.org"}
        )

    assert response.status_code == 400
    assert "stance" in response.json()["errors"]


def test_a_future_date_is_a_400(as_editor, nothing_changes):
    claim = make_claim()
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()

    with nothing_changes():
        response = as_editor.post(
            URL, {"claim": claim.pk, "stance": "denies", "date": tomorrow, "url": "https://x.org"}
        )

    assert response.status_code == 400
    assert "date" in response.json()["errors"]


def test_an_appearance_of_another_claim_is_a_400(as_editor, nothing_changes):
    claim, elsewhere = make_claim(), make_appearance(make_claim())

    with nothing_changes():
        response = as_editor.post(
            URL, {"claim": claim.pk, "stance": "confirms", "date": "2021-10-21", "appearance": elsewhere.pk}
        )

    assert response.status_code == 400
    assert "appearance" in response.json()["errors"]


def test_evidence_without_a_source_is_a_400(as_editor, nothing_changes):
    claim = make_claim()

    with nothing_changes():
        response = as_editor.post(URL, {"claim": claim.pk, "stance": "confirms", "date": "2021-10-21"})

    assert response.status_code == 400
    assert "appearance or a url" in response.json()["detail"]


def test_a_later_denial_changes_the_status(as_editor):
    claim = make_claim()
    evidence = make_evidence(claim, stance="confirms", date=date(2021, 10, 21))

    response = as_editor.patch(f"{URL}{evidence.pk}/", {"stance": "denies"})

    assert response.status_code == 200
    assert Claim.objects.get(pk=claim.pk).status == "denied"


def test_evidence_cannot_move_to_another_claim(as_editor, nothing_changes):
    evidence, other = make_evidence(make_claim()), make_claim()

    with nothing_changes():
        response = as_editor.patch(f"{URL}{evidence.pk}/", {"claim": other.pk})

    assert response.status_code == 409  # as for an appearance: one guard, one status
    assert "claim" in response.json()["errors"]


def test_withdrawing_the_only_evidence_leaves_the_claim_unclaimed(as_editor):
    claim = make_claim()
    evidence = make_evidence(claim, stance="confirms")

    response = as_editor.post(f"{URL}{evidence.pk}/withdraw/", {"reason": "Forged statement"})

    assert response.status_code == 200
    evidence.refresh_from_db()
    assert evidence.withdrawn_reason == "Forged statement"
    assert Claim.objects.get(pk=claim.pk).status == "unclaimed"


def test_evidence_is_never_deleted(as_editor, nothing_changes):
    evidence = make_evidence(make_claim())

    with nothing_changes():
        assert as_editor.delete(f"{URL}{evidence.pk}/").status_code == 405


def test_consumers_see_current_evidence_of_published_claims_only(anonymous, as_editor):
    public = publish(make_claim())
    shown, withdrawn = make_evidence(public), make_evidence(public, stance="denies")
    as_editor.post(f"{URL}{withdrawn.pk}/withdraw/", {"reason": "Gone"})
    hidden = make_evidence(make_claim())

    assert [e["id"] for e in anonymous.get(URL).json()["results"]] == [shown.pk]
    assert anonymous.get(f"{URL}{hidden.pk}/").status_code == 404


def test_claim_filter(as_editor):
    claim = make_claim()
    evidence = make_evidence(claim)
    make_evidence(make_claim())

    assert [e["id"] for e in as_editor.get(URL, {"claim": claim.pk}).json()["results"]] == [evidence.pk]


def test_stance_filter(as_editor):
    claim = make_claim()
    denial = make_evidence(claim, stance="denies")
    make_evidence(claim, stance="confirms")

    assert [e["id"] for e in as_editor.get(URL, {"stance": "denies"}).json()["results"]] == [denial.pk]
