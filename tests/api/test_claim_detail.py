"""GET /api/v1/claims/{id}/, now and ?as_of=DATE (SPEC §6.7)."""

from datetime import date

import pytest

from claims.models import Claim
from claims.selectors.claims import claim_score_as_of
from tests.api.conftest import publish
from tests.factories import make_appearance, make_claim, make_evidence, make_outlet

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim() -> Claim:
    claim = make_claim("The Operations Room claimed the attack")
    make_appearance(claim, make_outlet(reliability="C"), published_on=date(2021, 10, 21))
    make_appearance(claim, make_outlet(reliability="B"), published_on=date(2021, 11, 1))
    make_evidence(claim, stance="denies", date=date(2021, 11, 5))
    return publish(claim)


def test_retrieve_shows_the_claim_now(anonymous, claim):
    body = anonymous.get(f"/api/v1/claims/{claim.pk}/").json()

    assert (body["id"], body["status"], body["confidence"]) == (claim.pk, "denied", claim.confidence)
    assert body["appearance_count"] == 2
    assert body["as_of"] is None


def test_as_of_computes_from_what_was_published_by_then(anonymous, claim):
    then = claim_score_as_of(claim, date(2021, 10, 25))

    body = anonymous.get(f"/api/v1/claims/{claim.pk}/", {"as_of": "2021-10-25"}).json()

    assert body["as_of"] == "2021-10-25"
    assert (body["status"], body["confidence"]) == ("unclaimed", then.confidence)
    assert body["confidence_factors"] == then.confidence_factors
    assert (body["independent_origin_count"], body["appearance_count"], body["first_reported"]) == (1, 1, "2021-10-21")
    claim.refresh_from_db()
    assert claim.status == "denied"  # nothing was saved


def test_as_of_before_any_appearance_knows_nothing(anonymous, claim):
    body = anonymous.get(f"/api/v1/claims/{claim.pk}/", {"as_of": "2020-01-01"}).json()

    assert (body["confidence"], body["appearance_count"], body["first_reported"]) == (0, 0, None)


@pytest.mark.parametrize("value", ["2021-02-30", "last week", "2021-10-25T00:00:00", "99999-01-01"])
def test_a_bad_as_of_is_a_400(anonymous, claim, value):
    response = anonymous.get(f"/api/v1/claims/{claim.pk}/", {"as_of": value})

    assert response.status_code == 400
    assert "as_of" in response.json()["errors"]


def test_a_draft_is_a_404_for_consumers_and_visible_to_editors(anonymous, as_editor):
    draft = make_claim()

    assert anonymous.get(f"/api/v1/claims/{draft.pk}/").status_code == 404
    assert as_editor.get(f"/api/v1/claims/{draft.pk}/").status_code == 200


@pytest.mark.parametrize("claim_id", ["999999", "abc", "99999999999999999999999", "-1"])
def test_an_unknown_id_is_a_json_404(anonymous, claim_id):
    response = anonymous.get(f"/api/v1/claims/{claim_id}/")

    assert response.status_code == 404
    assert "not visible" in response.json()["detail"]
