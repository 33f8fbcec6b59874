"""GET /api/v1/claims/{id}/claimreview/: schema.org ClaimReview as JSON-LD."""

import json

import pytest

from tests.api.exports_data import a_draft, grow_chain, queries_for
from tests.exports.chains import sample_chain

pytestmark = pytest.mark.django_db


def url(claim) -> str:
    return f"/api/v1/claims/{claim.pk}/claimreview/"


def test_consumer_gets_json_ld_of_a_published_claim(anonymous) -> None:
    sample = sample_chain()

    response = anonymous.get(url(sample.claim))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    body = json.loads(response.content)
    assert body["@type"] == "ClaimReview"
    assert body["claimReviewed"] == sample.claim.text
    assert body["url"] == f"http://testserver/claims/{sample.claim.pk}/"
    assert body["reviewRating"]["ratingValue"] == sample.claim.confidence
    assert body["itemReviewed"]["firstAppearance"]["datePublished"] == "2021-10-21"


def test_plain_json_on_request(anonymous) -> None:
    sample = sample_chain()

    response = anonymous.get(url(sample.claim), HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["@type"] == "ClaimReview"


def test_consumer_cannot_see_a_draft(as_consumer) -> None:
    response = as_consumer.get(url(a_draft()))

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "not visible to you" in response.json()["detail"]


def test_editor_sees_a_draft_without_publication_date(as_editor) -> None:
    response = as_editor.get(url(a_draft()))

    assert response.status_code == 200
    assert "datePublished" not in json.loads(response.content)


def test_unknown_claim_is_a_json_404(anonymous) -> None:
    response = anonymous.get("/api/v1/claims/999999/claimreview/")

    assert response.status_code == 404
    assert response.json()["detail"]


def test_query_count_does_not_grow_with_the_chain(anonymous) -> None:
    sample = sample_chain()
    small = queries_for(anonymous, url(sample.claim))
    grow_chain(sample.claim, 25)
    assert queries_for(anonymous, url(sample.claim)) == small
