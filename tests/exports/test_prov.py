import json

from prov.constants import PROV_ATTR_AGENT, PROV_ATTR_ENTITY, PROV_ATTR_GENERATED_ENTITY, PROV_ATTR_USED_ENTITY
from prov.model import (
    PROV,
    PROV_TYPE,
    ProvAgent,
    ProvAttribution,
    ProvDerivation,
    ProvDocument,
    ProvEntity,
)

from claims.exports.prov import prov_document
from claims.selectors.chains import claim_chain
from tests.exports.chains import SampleChain

BASE = "https://provenance.example.org/"


def read_back(sample: SampleChain) -> ProvDocument:
    """The export, read by the prov package as any PROV-JSON consumer would."""
    content = json.dumps(prov_document(sample.claim, claim_chain(sample.claim), base_url=BASE))
    return ProvDocument.deserialize(content=content, format="json")


def local(identifier: object) -> str:
    return identifier.localpart


def derivations(document: ProvDocument) -> list[tuple[str, str, str | None]]:
    """(generated, used, prov:type) of every derivation."""
    found = []
    for record in document.get_records(ProvDerivation):
        attributes = dict(record.formal_attributes)
        kinds = [str(value) for value in record.get_attribute(PROV_TYPE)]
        found.append(
            (
                local(attributes[PROV_ATTR_GENERATED_ENTITY]),
                local(attributes[PROV_ATTR_USED_ENTITY]),
                kinds[0] if kinds else None,
            )
        )
    return found


def test_outlets_are_organization_agents(sample: SampleChain) -> None:
    document = read_back(sample)
    agents = {local(a.identifier): a for a in document.get_records(ProvAgent)}
    outlet_ids = {f"outlets/{o.pk}/" for o in (sample.akhbar, sample.manar, sample.wire, sample.tank)}
    assert outlet_ids | {"producer"} == set(agents)
    for agent in agents.values():
        assert PROV["Organization"] in agent.get_attribute(PROV_TYPE)
    assert {"Al-Akhbar"} == {str(label) for label in agents[f"outlets/{sample.akhbar.pk}/"].get_attribute("prov:label")}


def test_appearances_are_entities_attributed_to_their_outlets(sample: SampleChain) -> None:
    document = read_back(sample)
    entities = {local(e.identifier) for e in document.get_records(ProvEntity)}
    appearance_ids = {
        a.pk for a in (sample.origin, sample.second_origin, sample.republished, sample.quoted, sample.translated)
    }
    assert entities == {f"appearances/{pk}/" for pk in appearance_ids} | {f"claims/{sample.claim.pk}/"}
    attributions = {
        (local(dict(r.formal_attributes)[PROV_ATTR_ENTITY]), local(dict(r.formal_attributes)[PROV_ATTR_AGENT]))
        for r in document.get_records(ProvAttribution)
    }
    assert (f"appearances/{sample.origin.pk}/", f"outlets/{sample.akhbar.pk}/") in attributions
    assert (f"appearances/{sample.quoted.pk}/", f"outlets/{sample.tank.pk}/") in attributions
    assert (f"claims/{sample.claim.pk}/", "producer") in attributions


def test_entities_carry_date_and_url(sample: SampleChain) -> None:
    document = read_back(sample)
    origin = next(
        e for e in document.get_records(ProvEntity) if local(e.identifier) == f"appearances/{sample.origin.pk}/"
    )
    attributes = {str(k): v for k, v in origin.attributes}
    assert str(attributes["schema:url"]) == "https://al-akhbar.com/Syria/316850"
    published = attributes["schema:datePublished"]
    assert (published.value, str(published.datatype)) == ("2021-10-21", "xsd:date")
    assert attributes["provenance:isOrigin"] is True


def test_quoted_and_republished_citations_are_quotations_others_plain_derivations(sample: SampleChain) -> None:
    found = derivations(read_back(sample))
    citations = {(g, u): kind for g, u, kind in found if kind != "prov:PrimarySource"}
    a = lambda appearance: f"appearances/{appearance.pk}/"  # noqa: E731
    assert citations[(a(sample.republished), a(sample.origin))] == "prov:Quotation"
    assert citations[(a(sample.quoted), a(sample.republished))] == "prov:Quotation"
    assert citations[(a(sample.translated), a(sample.second_origin))] is None
    assert len(citations) == 3


def test_every_derived_appearance_has_the_origins_it_rests_on_as_primary_sources(sample: SampleChain) -> None:
    found = derivations(read_back(sample))
    primary = {(g, u) for g, u, kind in found if kind == "prov:PrimarySource"}
    a = lambda appearance: f"appearances/{appearance.pk}/"  # noqa: E731
    assert primary == {
        (a(sample.republished), a(sample.origin)),
        (a(sample.quoted), a(sample.origin)),
        (a(sample.translated), a(sample.second_origin)),
        (f"claims/{sample.claim.pk}/", a(sample.origin)),
        (f"claims/{sample.claim.pk}/", a(sample.second_origin)),
    }
