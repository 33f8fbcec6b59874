"""W3C PROV-JSON of one claim's republication chain.

Mapping (the reasons are in docs/api-exports-import.md):
- each outlet is an agent of type prov:Organization; Provenance itself is one too;
- each appearance is an entity, wasAttributedTo its outlet, with its url, date,
  headline and language as schema.org attributes;
- each citation is a derivation of the citing appearance from the cited one:
  `quoted` and `republished` are prov:Quotation (a repeat of the words), every
  other kind a plain wasDerivedFrom; all carry provenance:citationKind;
- origins are primary sources: every appearance that cites something
  hadPrimarySource each origin it ultimately rests on, and so does the claim;
- the claim is an entity attributed to Provenance, with its confidence, status
  and review state.
"""

from collections import deque

from claims.choices import CitationKind
from claims.models import Claim
from claims.selectors.chains import Chain
from claims.selectors.exports import ChainDetails, chain_details
from claims.selectors.pending import pending_note

QUOTATION_KINDS = {CitationKind.QUOTED, CitationKind.REPUBLISHED}
PRODUCER_NAME = "Provenance"


def typed(value: str, datatype: str) -> dict:
    """A typed literal: its lexical form and its XSD type. Numbers and booleans are written as JSON natives."""
    return {"$": value, "type": datatype}


def qname(value: str) -> dict:
    return typed(value, "xsd:QName")


def appearance_ref(pk: int) -> str:
    return f"provenance:appearances/{pk}/"


def outlet_ref(pk: int) -> str:
    return f"provenance:outlets/{pk}/"


def claim_ref(pk: int) -> str:
    return f"provenance:claims/{pk}/"


def _without_blanks(values: dict) -> dict:
    return {key: value for key, value in values.items() if value not in ("", None)}


def rests_on(chain: Chain) -> dict[int, set[int]]:
    """For every appearance, the origins it ultimately draws on (an origin rests on itself).

    One pass in topological order over the citations, linear in the chain.
    """
    cited_by_citing: dict[int, list[int]] = {node.id: [] for node in chain.nodes}
    citers: dict[int, list[int]] = {node.id: [] for node in chain.nodes}
    for edge in chain.edges:
        cited_by_citing[edge.citing].append(edge.cited)
        citers[edge.cited].append(edge.citing)
    waiting = {node_id: len(cited) for node_id, cited in cited_by_citing.items()}
    origins: dict[int, set[int]] = {node.id: ({node.id} if node.is_origin else set()) for node in chain.nodes}
    ready = deque(node_id for node_id, count in waiting.items() if count == 0)
    while ready:
        node_id = ready.popleft()
        for citing in citers[node_id]:
            origins[citing] |= origins[node_id]
            waiting[citing] -= 1
            if waiting[citing] == 0:
                ready.append(citing)
    return origins


class ProvDocumentBuilder:
    def __init__(self, claim: Claim, chain: Chain, details: ChainDetails, *, base_url: str) -> None:
        self.claim, self.chain, self.details, self.base_url = claim, chain, details, base_url
        self.document: dict[str, dict] = {
            # Records are named by their API addresses (provenance:claims/12/ is /api/v1/claims/12/).
            "prefix": {"provenance": f"{base_url}api/v1/", "schema": "https://schema.org/"},
            "agent": {},
            "entity": {},
            "wasAttributedTo": {},
            "wasDerivedFrom": {},
        }

    def outlet_agents(self) -> None:
        for outlet in self.details.outlets.values():
            self.document["agent"][outlet_ref(outlet.pk)] = _without_blanks(
                {
                    "prov:type": qname("prov:Organization"),
                    "prov:label": outlet.name,
                    "schema:url": typed(outlet.url, "xsd:anyURI") if outlet.url else None,
                    "provenance:reliability": outlet.reliability,
                    "provenance:outletKind": outlet.kind,
                }
            )

    def appearance_entities(self) -> None:
        for node in self.chain.nodes:
            appearance = self.details.appearances[node.id]
            entity_id = appearance_ref(node.id)
            self.document["entity"][entity_id] = _without_blanks(
                {
                    "prov:label": node.headline or f"{node.outlet_name}, {node.published_on.isoformat()}",
                    "schema:datePublished": typed(node.published_on.isoformat(), "xsd:date"),
                    "schema:url": typed(node.url, "xsd:anyURI") if node.url else None,
                    "schema:headline": node.headline,
                    "schema:author": appearance.author,
                    "schema:inLanguage": appearance.language,
                    "provenance:isOrigin": node.is_origin,
                    "provenance:independentGroup": node.group,
                }
            )
            self.document["wasAttributedTo"][f"_:attribution{node.id}"] = {
                "prov:entity": entity_id,
                "prov:agent": outlet_ref(node.outlet_id),
            }

    def citation_derivations(self) -> None:
        for edge in self.chain.edges:
            record = {
                "prov:generatedEntity": appearance_ref(edge.citing),
                "prov:usedEntity": appearance_ref(edge.cited),
                "provenance:citationKind": edge.kind,
            }
            if edge.kind in QUOTATION_KINDS:
                record["prov:type"] = qname("prov:Quotation")
            self.document["wasDerivedFrom"][f"_:citation{edge.citing}-{edge.cited}"] = record

    def primary_sources(self) -> None:
        derived = self.document["wasDerivedFrom"]
        for node_id, origins in rests_on(self.chain).items():
            for origin in sorted(origins - {node_id}):
                derived[f"_:primary{node_id}-{origin}"] = {
                    "prov:generatedEntity": appearance_ref(node_id),
                    "prov:usedEntity": appearance_ref(origin),
                    "prov:type": qname("prov:PrimarySource"),
                }
        claim_id = claim_ref(self.claim.pk)
        for origin in self.chain.origins:
            derived[f"_:claim-primary{origin}"] = {
                "prov:generatedEntity": claim_id,
                "prov:usedEntity": appearance_ref(origin),
                "prov:type": qname("prov:PrimarySource"),
            }

    def claim_entity(self) -> None:
        claim = self.claim
        self.document["agent"]["provenance:producer"] = {
            "prov:type": qname("prov:Organization"),
            "prov:label": PRODUCER_NAME,
            "schema:url": typed(self.base_url, "xsd:anyURI"),
        }
        claim_id = claim_ref(claim.pk)
        self.document["entity"][claim_id] = {
            "prov:label": claim.text,
            "provenance:claimKind": claim.kind,
            "provenance:status": claim.status,
            "provenance:reviewState": claim.review_state,
            "provenance:confidence": claim.confidence,
            "provenance:confidenceLabel": claim.confidence_label,
            "provenance:admiraltyCode": claim.admiralty_code,
            "provenance:independentOriginCount": claim.independent_origin_count,
            "provenance:scoresPending": bool(self.details.pending_reasons),
        }
        if self.details.pending_reasons:
            self.document["entity"][claim_id]["provenance:scoresPendingNote"] = pending_note(
                self.details.pending_reasons
            )
        self.document["wasAttributedTo"]["_:claim-attribution"] = {
            "prov:entity": claim_id,
            "prov:agent": "provenance:producer",
        }

    def build(self) -> dict:
        self.claim_entity()
        self.outlet_agents()
        self.appearance_entities()
        self.citation_derivations()
        self.primary_sources()
        return {key: value for key, value in self.document.items() if value}


def prov_document(claim: Claim, chain: Chain, *, base_url: str, details: ChainDetails | None = None) -> dict:
    details = details or chain_details(claim, chain)
    return ProvDocumentBuilder(claim, chain, details, base_url=base_url).build()
