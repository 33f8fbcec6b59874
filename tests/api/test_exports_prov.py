"""GET /api/v1/claims/{id}/prov/: W3C PROV-JSON the prov package reads."""

import pytest
from prov.model import ProvAgent, ProvDerivation, ProvDocument, ProvEntity

from tests.api.exports_data import a_draft, grow_chain, queries_for
from tests.exports.chains import sample_chain

pytestmark = pytest.mark.django_db


def url(claim) -> str:
    return f"/api/v1/claims/{claim.pk}/prov/"


def test_prov_package_reads_the_document(anonymous) -> None:
    sample = sample_chain()

    response = anonymous.get(url(sample.claim))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    document = ProvDocument.deserialize(content=response.content.decode(), format="json")
    assert len(list(document.get_records(ProvAgent))) == 5  # four outlets and Provenance
    assert len(list(document.get_records(ProvEntity))) == 6  # five appearances and the claim
    assert len(list(document.get_records(ProvDerivation))) == 3 + 5  # citations, then primary sources
    assert document.get_default_namespace() is None
    assert document.namespaces and any(ns.uri == "http://testserver/api/v1/" for ns in document.namespaces)


def test_consumer_gets_404_for_a_draft(as_consumer) -> None:
    assert as_consumer.get(url(a_draft())).status_code == 404


def test_query_count_does_not_grow_with_the_chain(anonymous) -> None:
    sample = sample_chain()
    small = queries_for(anonymous, url(sample.claim))
    grow_chain(sample.claim, 25)
    assert queries_for(anonymous, url(sample.claim)) == small
