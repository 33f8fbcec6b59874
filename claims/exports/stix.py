"""A STIX 2.1 bundle of one claim, for threat-intelligence platforms.

Mapping (the reasons are in docs/api-exports-import.md):
- Provenance itself is an `identity`; it creates every object it asserts.
- Each outlet is an `identity` (organization). Each appearance is a `report`
  created by its outlet, published on the appearance's date, with the article's
  url as an external reference.
- The subject actor is a `threat-actor` when the claim says it did or threatens
  something (attribution, responsibility, threat), else an `identity`.
- The event is a `campaign` of one day: STIX has no object for a single attack,
  and `campaign attributed-to threat-actor` is the spec's own way to say who
  carried out an operation. That relationship *is* the claim: its confidence is
  the claim's confidence.
- Citations are `derived-from` relationships between the reports; evidence
  confirming or denying responsibility is an `opinion` on the claim.
- The claim as a whole is a `report` by Provenance once published (revoked when
  retracted) and a `grouping` before that: a draft is not a finished product.

Ids are derived from the site's base url and each row's model and id, so a
re-export names every object the same way.
"""

import uuid
from datetime import UTC, date, datetime, time

from claims.choices import ActorKind, ClaimKind, OutletKind, Stance
from claims.models import Actor, Appearance, Citation, Claim, Event, Outlet, StatusEvidence
from claims.selectors.chains import Chain, ChainEdge
from claims.selectors.exports import ChainDetails, chain_details

SPEC_VERSION = "2.1"
PRODUCER_NAME = "Provenance"
# The producer identity is the same object in every bundle; a fixed creation time keeps it one version.
PRODUCER_CREATED = datetime(2021, 1, 1, tzinfo=UTC)

# Claim kinds whose subject is said to have done (or to threaten) the act.
ACTS = {ClaimKind.ATTRIBUTION, ClaimKind.RESPONSIBILITY, ClaimKind.THREAT}
# Claim kinds that say who carried out the event: `attributed-to`; any other kind is `related-to`.
ATTRIBUTIONS = {ClaimKind.ATTRIBUTION, ClaimKind.RESPONSIBILITY}
IDENTITY_CLASS = {
    ActorKind.STATE: "organization",
    ActorKind.ARMED_GROUP: "group",
    ActorKind.COALITION: "group",
    ActorKind.OFFICIAL: "individual",
    ActorKind.PERSON: "individual",
    ActorKind.GOVERNMENT_BODY: "organization",
    ActorKind.MILITARY: "organization",
    # A source known only by its role may be one person or several ("resistance sources").
    ActorKind.ANONYMOUS_SOURCE: "unknown",
    ActorKind.OTHER: "unknown",
}
MEDIA = {
    OutletKind.NEWSPAPER,
    OutletKind.TV,
    OutletKind.RADIO,
    OutletKind.WEBSITE,
    OutletKind.NEWS_AGENCY,
    OutletKind.WIRE,
    OutletKind.SOCIAL_MEDIA,
}
# industry-sector-ov: news media are "communications"; other outlet kinds have no fitting sector.
SECTORS = {kind: ["communications"] for kind in MEDIA} | {OutletKind.GOVERNMENT: ["government"]}
OPINION = {Stance.CONFIRMS: "strongly-agree", Stance.DENIES: "strongly-disagree"}


class StixIds:
    """Stable STIX ids: a hash of the site, the model and the row id.

    The SHA-1 name-based UUID gets the version-4 bits, because STIX 2.1 asks
    SDOs and SROs for UUIDv4 ids; namespacing by the site's base url keeps two
    installations' claim 1 apart.
    """

    def __init__(self, base_url: str) -> None:
        self.namespace = uuid.uuid5(uuid.NAMESPACE_URL, base_url)

    def __call__(self, stix_type: str, name: str) -> str:
        derived = uuid.uuid5(self.namespace, f"{stix_type}:{name}")
        return f"{stix_type}--{uuid.UUID(bytes=derived.bytes, version=4)}"


def stamp(moment: datetime | date) -> str:
    """RFC 3339 in UTC with milliseconds, as STIX timestamps are written."""
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time.min, tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _sdo(stix_type: str, stix_id: str, created: datetime | date, modified: datetime | date, **props: object) -> dict:
    created_at, modified_at = stamp(created), stamp(modified)
    body = {
        "type": stix_type,
        "spec_version": SPEC_VERSION,
        "id": stix_id,
        "created": created_at,
        "modified": max(created_at, modified_at),
    }
    body.update({key: value for key, value in props.items() if value not in ("", None, [])})
    return body


class BundleBuilder:
    def __init__(self, claim: Claim, chain: Chain, details: ChainDetails, *, base_url: str, claim_url: str) -> None:
        self.claim, self.chain, self.details = claim, chain, details
        self.ids = StixIds(base_url)
        self.claim_url = claim_url
        self.producer = self.ids("identity", "producer")

    def producer_identity(self) -> dict:
        return _sdo(
            "identity",
            self.producer,
            PRODUCER_CREATED,
            PRODUCER_CREATED,
            name=PRODUCER_NAME,
            identity_class="organization",
            description="Tracks claims reported in the news, their republication chains and their confidence.",
        )

    def outlet_identity(self, outlet: Outlet) -> dict:
        grade = outlet.get_reliability_display()
        where = ", ".join(part for part in (outlet.get_kind_display(), outlet.country, outlet.url) if part)
        return _sdo(
            "identity",
            self.ids("identity", f"outlet:{outlet.pk}"),
            outlet.created_at,
            outlet.updated_at,
            created_by_ref=self.producer,
            name=outlet.name,
            identity_class="organization",
            sectors=SECTORS.get(outlet.kind, []),
            description=f"{where}. Source reliability (Admiralty): {grade}. {outlet.reliability_note}".strip(),
        )

    def subject(self, actor: Actor) -> dict:
        if self.claim.kind in ACTS:
            return _sdo(
                "threat-actor",
                self.ids("threat-actor", f"actor:{actor.pk}"),
                actor.created_at,
                actor.updated_at,
                created_by_ref=self.producer,
                name=actor.name,
                aliases=list(actor.aliases),
                description=actor.description,
                threat_actor_types=["nation-state"] if actor.kind == ActorKind.STATE else [],
            )
        return _sdo(
            "identity",
            self.ids("identity", f"actor:{actor.pk}"),
            actor.created_at,
            actor.updated_at,
            created_by_ref=self.producer,
            name=actor.name,
            description=actor.description,
            identity_class=IDENTITY_CLASS.get(actor.kind, "unknown"),
        )

    def campaign(self, event: Event) -> dict:
        description = ". ".join(part for part in (event.location, event.description) if part)
        return _sdo(
            "campaign",
            self.ids("campaign", f"event:{event.pk}"),
            event.created_at,
            event.updated_at,
            created_by_ref=self.producer,
            name=event.title,
            description=description,
            first_seen=stamp(event.date) if event.date else None,
        )

    def claim_relationship(self, source_ref: str, target_ref: str) -> dict:
        return _sdo(
            "relationship",
            self.ids("relationship", f"claim:{self.claim.pk}"),
            self.claim.created_at,
            self.claim.updated_at,
            created_by_ref=self.producer,
            relationship_type="attributed-to" if self.claim.kind in ATTRIBUTIONS else "related-to",
            source_ref=source_ref,
            target_ref=target_ref,
            description=self.claim.text,
            confidence=self.claim.confidence,
        )

    def appearance_report(self, appearance: Appearance, about: list[str]) -> dict:
        outlet = appearance.outlet
        reference = {"source_name": outlet.name, "url": appearance.url, "description": appearance.headline}
        said = f"Attributed to: {appearance.attributed_source}." if appearance.attributed_source else ""
        return _sdo(
            "report",
            self.ids("report", f"appearance:{appearance.pk}"),
            appearance.created_at,
            appearance.updated_at,
            created_by_ref=self.ids("identity", f"outlet:{outlet.pk}"),
            name=appearance.headline or f"{outlet.name}, {appearance.published_on.isoformat()}",
            description=" ".join(part for part in (appearance.excerpt, said) if part),
            published=stamp(appearance.published_on),
            report_types=["threat-report"],
            object_refs=about,
            lang=appearance.language,
            external_references=[{k: v for k, v in reference.items() if v}] if appearance.url else [],
        )

    def derivation(self, edge: ChainEdge, citation: Citation) -> dict:
        return _sdo(
            "relationship",
            self.ids("relationship", f"citation:{citation.pk}"),
            citation.created_at,
            citation.created_at,
            created_by_ref=self.producer,
            relationship_type="derived-from",
            source_ref=self.ids("report", f"appearance:{edge.citing}"),
            target_ref=self.ids("report", f"appearance:{edge.cited}"),
            description=f"The later appearance {citation.get_kind_display().lower()} the earlier one.",
        )

    def opinion(self, evidence: StatusEvidence, about: list[str]) -> dict:
        who = evidence.actor.name if evidence.actor else "A party"
        reference = {"source_name": "statement", "url": evidence.url}
        return _sdo(
            "opinion",
            self.ids("opinion", f"evidence:{evidence.pk}"),
            evidence.created_at,
            evidence.updated_at,
            created_by_ref=self.producer,
            opinion=OPINION[evidence.stance],
            explanation=f"{who} {evidence.get_stance_display().lower()} responsibility on "
            f"{evidence.date.isoformat()}. {evidence.note}".strip(),
            authors=[evidence.actor.name] if evidence.actor else [],
            object_refs=about,
            external_references=[reference] if evidence.url else [],
        )

    def summary(self, object_refs: list[str]) -> dict:
        claim, details = self.claim, self.details
        common = {
            "created_by_ref": self.producer,
            "name": claim.text,
            "description": f"Responsibility {claim.status}; confidence {claim.confidence} ({claim.confidence_label}); "
            f"Admiralty code {claim.admiralty_code}; {claim.independent_origin_count} independent origin(s).",
            "confidence": claim.confidence,
            "object_refs": object_refs,
            "external_references": [
                {"source_name": PRODUCER_NAME, "url": self.claim_url, "external_id": str(claim.pk)}
            ],
        }
        if details.published_at is None:
            return _sdo(
                "grouping", self.summary_id(), claim.created_at, claim.updated_at, context="unspecified", **common
            )
        return _sdo(
            "report",
            self.summary_id(),
            claim.created_at,
            claim.updated_at,
            published=stamp(details.published_at),
            report_types=["threat-report"],
            revoked=True if details.retracted_at else None,
            **common,
        )

    def summary_id(self) -> str:
        stix_type = "report" if self.details.published_at else "grouping"
        return self.ids(stix_type, f"claim:{self.claim.pk}")

    def core(self) -> list[dict]:
        """What the claim asserts: the subject, the event and, when it has both, the tie between them."""
        claim = self.claim
        subject = self.subject(claim.subject) if claim.subject else None
        campaign = self.campaign(claim.event) if claim.event else None
        objects = [obj for obj in (subject, campaign) if obj]
        if subject and campaign:
            objects.append(self.claim_relationship(campaign["id"], subject["id"]))
        return objects

    def bundle(self) -> dict:
        core = self.core()
        # Each report and opinion is about the claim's assertion: the relationship when there is one
        # (it comes last), the subject or event alone otherwise, the claim's summary as a last resort.
        about = [core[-1]["id"]] if core else [self.summary_id()]
        outlets = [self.outlet_identity(outlet) for outlet in self.details.outlets.values()]
        reports = [self.appearance_report(self.details.appearances[node.id], about) for node in self.chain.nodes]
        # Both reads see the same current citations unless one is withdrawn in between; then it is left out.
        rows = self.details.citations
        derivations = [
            self.derivation(e, rows[(e.citing, e.cited)]) for e in self.chain.edges if (e.citing, e.cited) in rows
        ]
        opinions = [self.opinion(evidence, about) for evidence in self.details.evidence]
        parts = [*outlets, *core, *reports, *derivations, *opinions]
        summary = self.summary([self.producer, *(obj["id"] for obj in parts)])
        return {
            "type": "bundle",
            "id": self.ids("bundle", f"claim:{self.claim.pk}"),
            "objects": [self.producer_identity(), summary, *parts],
        }


def stix_bundle(
    claim: Claim, chain: Chain, *, base_url: str, claim_url: str, details: ChainDetails | None = None
) -> dict:
    details = details or chain_details(claim, chain)
    return BundleBuilder(claim, chain, details, base_url=base_url, claim_url=claim_url).bundle()
