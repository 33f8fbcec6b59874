"""GET /api/v1/claims/{id}/stix/: a STIX 2.1 bundle the OASIS validator accepts."""

import json

import pytest

from tests.api.exports_data import a_draft, grow_chain, queries_for
from tests.exports.chains import sample_chain
from tests.exports.stix_validation import STRICT, messages

pytestmark = pytest.mark.django_db


def url(claim) -> str:
    return f"/api/v1/claims/{claim.pk}/stix/"


def test_bundle_validates_strictly(anonymous) -> None:
    sample = sample_chain()

    response = anonymous.get(url(sample.claim))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/stix+json;version=2.1"
    bundle = json.loads(response.content)
    assert bundle["type"] == "bundle"
    assert messages(bundle, STRICT) == ([], [])


def test_ids_are_stable_across_requests(anonymous) -> None:
    sample = sample_chain()
    first = json.loads(anonymous.get(url(sample.claim)).content)
    second = json.loads(anonymous.get(url(sample.claim)).content)
    assert [o["id"] for o in first["objects"]] == [o["id"] for o in second["objects"]]


def test_summary_links_back_to_the_claim_page(anonymous) -> None:
    sample = sample_chain()
    summary = json.loads(anonymous.get(url(sample.claim)).content)["objects"][1]
    assert summary["external_references"][0]["url"] == f"http://testserver/claims/{sample.claim.pk}/"


def test_consumer_gets_404_for_a_draft_as_json(as_consumer) -> None:
    response = as_consumer.get(url(a_draft()))

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_query_count_does_not_grow_with_the_chain(anonymous) -> None:
    sample = sample_chain()
    small = queries_for(anonymous, url(sample.claim))
    grow_chain(sample.claim, 25)
    assert queries_for(anonymous, url(sample.claim)) == small
