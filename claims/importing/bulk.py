"""Which import records take the bulk path, and the new claims they become there.

A record qualifies when it makes a new claim out of rows the run can already
find: it creates no outlet, actor, event or affiliation; no claim answers to its
external_ref (or its text, subject and event: checked for a whole batch at
once, see Pending.take_existing); its citations and
evidence name only its own appearances; and its review state is one the
importer may take it to (`check_loaded_path`, the workflow's own judgement:
an editor's or reviewer's own claim never comes out published). Such records
are written many at a time by `claims_create_bulk`, which checks every row with
the one-row services' rules, as the same user. Everything else (a re-import, a
record that defines a new outlet, a review state refused, a bad value) goes one
by one through ClaimImport, which also says exactly what is wrong.
"""

from dataclasses import dataclass, field

from claims.errors import DomainError
from claims.importing.loader import (
    ClaimImport,
    ImportedBy,
    appearance_values,
    claim_key,
    claim_values,
    evidence_values,
)
from claims.importing.lookups import Lookups, WouldCreate
from claims.importing.matching import ClaimKey, claims_found
from claims.importing.records import ClaimRecord
from claims.models import Actor, Event
from claims.services.bulk import NewAppearance, NewCitation, NewClaim, NewEvidence, named_twice
from claims.services.claims import claim_new
from claims.services.workflow import LOADED_PATHS, check_loaded_path


@dataclass
class Pending:
    """The records waiting for one bulk write, and the claims they will make."""

    records: list[ClaimRecord] = field(default_factory=list)
    items: list[NewClaim] = field(default_factory=list)
    keys: list[ClaimKey] = field(default_factory=list)
    refs: set[str] = field(default_factory=set)
    unnamed: set[tuple] = field(default_factory=set)

    def add(self, record: ClaimRecord, item: NewClaim, key: ClaimKey) -> None:
        self.records.append(record)
        self.items.append(item)
        self.keys.append(key)
        if key.external_ref:
            self.refs.add(key.external_ref)
        else:
            self.unnamed.add(key.content)

    def take_existing(self) -> list[ClaimRecord]:
        """Remove and return the records that would find a stored claim: they are re-imports.
        The whole batch is looked up at once, as ClaimImport.find_claim looks up one record."""
        if not self.records:
            return []
        found = claims_found(self.keys)
        kept, existing = type(self)(), []
        for record, item, key in zip(self.records, self.items, self.keys, strict=True):
            if key in found:
                existing.append(record)
            else:
                kept.add(record, item, key)
        self.__dict__.update(kept.__dict__)
        return existing

    def clear(self) -> None:
        self.__dict__.update(type(self)().__dict__)

    def clashes(self, key: ClaimKey) -> bool:
        """Would this record find one of the pending claims (as a re-import would, once they exist)?"""
        return key.external_ref in self.refs or key.content in self.unnamed


def _names_only_its_own(record: ClaimRecord) -> bool:
    own = {a.ref for a in record.appearances if a.ref}
    return (
        named_twice([a.ref for a in record.appearances]) is None
        and all(c.citing in own and c.cited in own for c in record.citations)
        and all(not e.appearance or e.appearance in own for e in record.evidence)
    )


def _resolved(record: ClaimRecord, lookups: Lookups) -> tuple[Actor | None, Event | None] | None:
    """The record's subject and event, if every name it uses is found without creating anything."""
    lookups.begin(record)
    lookups.finding_only = True
    try:
        subject = lookups.actor(record.subject) if record.subject else None
        event = lookups.event(record.event) if record.event else None
        for appearance in record.appearances:
            lookups.outlet(appearance.outlet)
        for evidence in record.evidence:
            if evidence.actor:
                lookups.actor(evidence.actor)
    except (WouldCreate, DomainError):
        lookups.rollback()
        return None
    finally:
        lookups.finding_only = False
    lookups.commit()
    return subject, event


def _may_take(values: dict, target: str, by: object) -> bool:
    """Whether the importer may record this claim and take it to `target`, as the one-by-one path
    would judge it; if not, that path says why, on the record's line."""
    try:
        check_loaded_path(claim=claim_new(by=by, **values), target=target, by=by)
    except DomainError:
        return False
    return True


def queue_for_bulk(record: ClaimRecord, lookups: Lookups, pending: Pending, *, importer: ImportedBy) -> bool:
    """Add the record to the pending bulk write if it qualifies; False if it must go one by one."""
    loader = ClaimImport(record, lookups, importer=importer)
    target, comment, reason = loader.review_path()
    if target not in LOADED_PATHS or not _names_only_its_own(record):
        return False
    resolved = _resolved(record, lookups)
    if resolved is None:
        return False
    subject, event = resolved
    key = claim_key(record, subject, event)
    values = claim_values(record, subject, event) | {"external_ref": record.external_ref or None}
    if pending.clashes(key) or not _may_take(values, target, importer.by):
        return False
    item = NewClaim(
        values=values,
        review_state=target,
        comment=comment,
        reason=reason,
        appearances=[
            NewAppearance(
                ref=a.ref,
                values=appearance_values(a, lookups.outlet(a.outlet)) | {"external_ref": loader.stored_ref(a.ref)},
            )
            for a in record.appearances
        ],
        citations=[NewCitation(citing=c.citing, cited=c.cited, kind=c.kind, note=c.note) for c in record.citations],
        evidence=[
            NewEvidence(
                appearance=e.appearance,
                values=evidence_values(e, lookups.actor(e.actor) if e.actor else None)
                | {"external_ref": loader.stored_ref(e.ref)},
            )
            for e in record.evidence
        ],
    )
    pending.add(record, item, key)
    return True
