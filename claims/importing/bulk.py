"""Which import records take the bulk path, and the new claims they become there.

A record qualifies when it makes a new claim out of rows the run can already
find: it creates no outlet, actor, event or affiliation; no claim answers to its
external_ref (or its text, subject and event: checked for a whole batch at
once, see Pending.take_existing); its citations and
evidence name only its own appearances; and its review state is one an import
reaches. Such records are written many at a time by `claims_create_bulk`, which
checks every row with the one-row services' rules. Everything else (a re-import,
a record that defines a new outlet, a bad value) goes one by one through
ClaimImport, which also says exactly what is wrong.
"""

from dataclasses import dataclass, field

from claims.errors import DomainError
from claims.importing.loader import ClaimImport, appearance_values, claim_values, evidence_values
from claims.importing.lookups import Lookups, WouldCreate
from claims.importing.records import ClaimRecord
from claims.models import Actor, Claim, Event
from claims.services.bulk import NewAppearance, NewCitation, NewClaim, NewEvidence
from claims.services.workflow import LOADED_PATHS


@dataclass
class Pending:
    """The records waiting for one bulk write, and the claims they will make."""

    records: list[ClaimRecord] = field(default_factory=list)
    items: list[NewClaim] = field(default_factory=list)
    keys: list[tuple] = field(default_factory=list)  # (text, subject id, event id) of each
    refs: set[str] = field(default_factory=set)
    unnamed: set[tuple] = field(default_factory=set)

    def add(self, record: ClaimRecord, item: NewClaim, key: tuple) -> None:
        self.records.append(record)
        self.items.append(item)
        self.keys.append(key)
        if record.external_ref:
            self.refs.add(record.external_ref)
        else:
            self.unnamed.add(key)

    def take_existing(self) -> list[ClaimRecord]:
        """Remove and return the records that would find a stored claim: they are re-imports.

        Two queries for the whole batch, where ClaimImport.find_claim asks once per record,
        by the same keys: the external_ref, else a claim with no ref and the same text,
        subject and event.
        """
        if not self.records:
            return []
        named = [record.external_ref for record in self.records if record.external_ref]
        found_refs = set(Claim.objects.filter(external_ref__in=named).values_list("external_ref", flat=True))
        texts = {key[0] for key in self.keys}
        unnamed = Claim.objects.filter(external_ref__isnull=True, text__in=texts)
        found_keys = set(unnamed.values_list("text", "subject_id", "event_id"))
        kept, existing = type(self)(), []
        for record, item, key in zip(self.records, self.items, self.keys, strict=True):
            if record.external_ref in found_refs or key in found_keys:
                existing.append(record)
            else:
                kept.add(record, item, key)
        self.__dict__.update(kept.__dict__)
        return existing

    def clear(self) -> None:
        self.__dict__.update(type(self)().__dict__)

    def clashes(self, record: ClaimRecord, key: tuple) -> bool:
        """Would this record find one of the pending claims (as a re-import would, once they exist)?"""
        return record.external_ref in self.refs or key in self.unnamed


def _names_only_its_own(record: ClaimRecord) -> bool:
    refs = [a.ref for a in record.appearances if a.ref]
    own = set(refs)
    return (
        len(refs) == len(own)
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


def queue_for_bulk(record: ClaimRecord, lookups: Lookups, pending: Pending, *, source: str) -> bool:
    """Add the record to the pending bulk write if it qualifies; False if it must go one by one."""
    importer = ClaimImport(record, lookups, source=source)
    target, comment, reason = importer.review_path()
    if target not in LOADED_PATHS or not _names_only_its_own(record):
        return False
    resolved = _resolved(record, lookups)
    if resolved is None:
        return False
    subject, event = resolved
    key = (record.text.strip(), subject.pk if subject else None, event.pk if event else None)
    if pending.clashes(record, key):
        return False
    item = NewClaim(
        values=claim_values(record, subject, event) | {"external_ref": record.external_ref or None},
        review_state=target,
        comment=comment,
        reason=reason,
        appearances=[
            NewAppearance(
                ref=a.ref,
                values=appearance_values(a, lookups.outlet(a.outlet)) | {"external_ref": importer.stored_ref(a.ref)},
            )
            for a in record.appearances
        ],
        citations=[NewCitation(citing=c.citing, cited=c.cited, kind=c.kind, note=c.note) for c in record.citations],
        evidence=[
            NewEvidence(
                appearance=e.appearance,
                values=evidence_values(e, lookups.actor(e.actor) if e.actor else None)
                | {"external_ref": importer.stored_ref(e.ref)},
            )
            for e in record.evidence
        ],
    )
    pending.add(record, item, key)
    return True
