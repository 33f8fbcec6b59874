"""Claims as import records (JSON Lines): what `import_claims` reads, so an export imports as it is.

Each record carries its claim, appearances, citations and evidence, and the
definitions of the outlets (with their affiliations) and actors it names, so
it can be imported into an empty database. Claims are read in chunks and each
chunk's rows in five queries, so the query count grows with the number of
claims / CHUNK_SIZE, never with the size of a chain.
"""

from collections import defaultdict
from collections.abc import Iterator

from django.db.models import QuerySet

from claims.choices import ReviewState
from claims.importing.records import (
    ActorDef,
    AffiliationDef,
    AppearanceRecord,
    CitationRecord,
    ClaimRecord,
    EventDef,
    EvidenceRecord,
    OutletDef,
)
from claims.models import Actor, Affiliation, Appearance, Citation, Claim, Outlet, ReviewTransition, StatusEvidence

CHUNK_SIZE = 200
# The reason given for these states is part of the record; other transitions are re-recorded by the import.
STATES_WITH_REASON = {ReviewState.REJECTED, ReviewState.RETRACTED}


def local_ref(external_ref: str | None, claim_ref: str | None) -> str:
    """A row's ref within its record: its external_ref without the claim's prefix."""
    if not external_ref:
        return ""
    prefix = f"{claim_ref}/" if claim_ref else None
    return external_ref[len(prefix) :] if prefix and external_ref.startswith(prefix) else external_ref


def actor_def(actor: Actor) -> ActorDef:
    return ActorDef(
        slug=actor.slug, name=actor.name, kind=actor.kind, aliases=list(actor.aliases), description=actor.description
    )


def outlet_def(outlet: Outlet, ties: list[Affiliation]) -> OutletDef:
    return OutletDef(
        slug=outlet.slug,
        name=outlet.name,
        kind=outlet.kind,
        aliases=list(outlet.aliases),
        country=outlet.country,
        language=outlet.language,
        url=outlet.url,
        domain=outlet.domain,
        reliability=outlet.reliability,
        reliability_note=outlet.reliability_note,
        affiliations=[
            AffiliationDef(
                actor=tie.actor.slug,
                relation=tie.relation,
                stated_by_outlet=tie.stated_by_outlet.slug if tie.stated_by_outlet_id else "",
                stated_by_url=tie.stated_by_url,
                quote=tie.quote,
                source_document=tie.source_document,
                valid_from=tie.valid_from,
                valid_to=tie.valid_to,
            )
            for tie in ties
        ],
    )


class ChunkRows:
    """The rows of a chunk of claims, grouped by claim: five queries for the whole chunk."""

    def __init__(self, claim_ids: list[int]) -> None:
        self.appearances: dict[int, list[Appearance]] = defaultdict(list)
        self.citations: dict[int, list[Citation]] = defaultdict(list)
        self.evidence: dict[int, list[StatusEvidence]] = defaultdict(list)
        self.ties: dict[int, list[Affiliation]] = defaultdict(list)
        self.reasons: dict[int, str] = {}
        appearances = Appearance.objects.current().filter(claim_id__in=claim_ids).select_related("outlet")
        for appearance in appearances.order_by("published_on", "id"):
            self.appearances[appearance.claim_id].append(appearance)
        for citation in Citation.objects.current().filter(claim_id__in=claim_ids).order_by("id"):
            self.citations[citation.claim_id].append(citation)
        evidence = StatusEvidence.objects.current().filter(claim_id__in=claim_ids).select_related("actor")
        for item in evidence.order_by("date", "id"):
            self.evidence[item.claim_id].append(item)
        outlet_ids = {a.outlet_id for rows in self.appearances.values() for a in rows}
        ties = (
            Affiliation.objects.current().filter(outlet_id__in=outlet_ids).select_related("actor", "stated_by_outlet")
        )
        for tie in ties.order_by("actor__slug", "relation", "valid_from", "id"):
            self.ties[tie.outlet_id].append(tie)
        transitions = ReviewTransition.objects.filter(claim_id__in=claim_ids).order_by("at", "id")
        for claim_id, comment in transitions.values_list("claim_id", "comment"):
            self.reasons[claim_id] = comment  # the last one wins: the reason for the current state


def claim_record(claim: Claim, rows: ChunkRows, *, newsroom: bool) -> ClaimRecord:
    ref = claim.external_ref
    appearances = rows.appearances[claim.pk]
    refs = {a.pk: local_ref(a.external_ref, ref) or f"a{a.pk}" for a in appearances}
    evidence = rows.evidence[claim.pk]
    actors = {a.slug: a for a in [claim.subject, *(e.actor for e in evidence)] if a is not None}
    outlets = {a.outlet.slug: a.outlet for a in appearances}
    for outlet in list(outlets.values()):
        for tie in rows.ties[outlet.pk]:
            actors[tie.actor.slug] = tie.actor
            if tie.stated_by_outlet_id:
                outlets.setdefault(tie.stated_by_outlet.slug, tie.stated_by_outlet)
    event = claim.event
    return ClaimRecord(
        text=claim.text,
        external_ref=ref or "",
        kind=claim.kind,
        subject=claim.subject.slug if claim.subject else "",
        event=EventDef(
            slug=event.slug, title=event.title, date=event.date, location=event.location, description=event.description
        )
        if event
        else "",
        review_state=claim.review_state,
        review_comment=rows.reasons.get(claim.pk, "") if claim.review_state in STATES_WITH_REASON else "",
        notes=claim.notes if newsroom else "",
        source_document=claim.source_document,
        actors=[actor_def(actors[slug]) for slug in sorted(actors)],
        outlets=[outlet_def(outlets[slug], rows.ties[outlets[slug].pk]) for slug in sorted(outlets)],
        appearances=[
            AppearanceRecord(
                outlet=a.outlet.slug,
                published_on=a.published_on,
                ref=refs[a.pk],
                url=a.url,
                headline=a.headline,
                author=a.author,
                language=a.language,
                excerpt=a.excerpt,
                attributed_source=a.attributed_source,
                source_document=a.source_document,
            )
            for a in appearances
        ],
        citations=[
            CitationRecord(citing=refs[c.citing_id], cited=refs[c.cited_id], kind=c.kind, note=c.note)
            for c in rows.citations[claim.pk]
            if c.citing_id in refs and c.cited_id in refs
        ],
        evidence=[
            EvidenceRecord(
                stance=e.stance,
                date=e.date,
                ref=local_ref(e.external_ref, ref),
                actor=e.actor.slug if e.actor else "",
                appearance=refs.get(e.appearance_id, "") if e.appearance_id else "",
                url=e.url,
                note=e.note,
                source_document=e.source_document,
            )
            for e in evidence
        ],
    )


def claim_records(claims: QuerySet, *, newsroom: bool) -> Iterator[ClaimRecord]:
    """Each claim of the queryset (with subject and event select_related) as a record, in its order."""
    chunk: list[Claim] = []
    for claim in claims.iterator(chunk_size=CHUNK_SIZE):
        chunk.append(claim)
        if len(chunk) == CHUNK_SIZE:
            yield from _chunk_records(chunk, newsroom=newsroom)
            chunk = []
    if chunk:
        yield from _chunk_records(chunk, newsroom=newsroom)


def _chunk_records(chunk: list[Claim], *, newsroom: bool) -> Iterator[ClaimRecord]:
    rows = ChunkRows([claim.pk for claim in chunk])
    for claim in chunk:
        yield claim_record(claim, rows, newsroom=newsroom)
