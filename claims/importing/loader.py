"""Writes one ClaimRecord through the services: the claim, its appearances, citations and evidence.

Every row goes through the same service functions as the web UI, the admin and
the API, so an import refuses exactly what they refuse, with their messages.

Every write is the importer's (`ImportedBy`): an upload's are its uploader's, judged by the
services' permissions and the workflow's four eyes exactly as the API judges that user, and
named in the history and the review transitions; `manage.py import_claims` writes as the
system (no user), and its history says so in words.

Re-importing is safe (docs/api.md, "Idempotency"): a claim is
found again by its external_ref (or, without one, by its text, subject and
event); an appearance by its ref, else by outlet, date and url; a citation by
its two ends; evidence by its ref, else by stance, date, actor, appearance and
url. What is found is updated where the file differs and left alone where it
does not; nothing is ever withdrawn by an import.
"""

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser

from claims.choices import ReviewState
from claims.errors import DomainError, InvalidInput
from claims.importing.lookups import Lookups
from claims.importing.matching import ClaimKey, claims_found
from claims.importing.records import AppearanceRecord, CitationRecord, ClaimRecord, EvidenceRecord, RecordError
from claims.models import Actor, Appearance, Citation, Claim, Event, Outlet, StatusEvidence
from claims.services import appearances as appearance_services
from claims.services import claims as claim_services
from claims.services import evidence as evidence_services
from claims.services.appearances import appearance_create, appearance_update
from claims.services.bulk import refuse_named_twice
from claims.services.citations import citation_create, citation_update
from claims.services.claims import claim_create, claim_update
from claims.services.evidence import evidence_create, evidence_update
from claims.services.persistence import changed_fields
from claims.services.workflow import check_loaded_path, claim_load_to

# Fields kept as stored when the file leaves them blank: formats that cannot carry them (CSV) must not erase them.
KEPT_WHEN_BLANK = {"notes", "source_document"}


@dataclass(frozen=True)
class ImportedBy:
    """Whose writes an import's are, and what its records say of where they came from."""

    by: AbstractBaseUser | None  # the uploader; None: the system (manage.py import_claims)
    origin: str  # "Loaded by manage.py import_claims from claims.jsonl": the history's reason

    def comment(self, line: int) -> str:
        """What each review step of the record on this line says."""
        return f"{self.origin}, line {line}."


@contextmanager
def located(line: int, where: str = "") -> Iterator[None]:
    """A domain error raised inside becomes a RecordError at this line, naming the part of the record."""
    try:
        yield
    except DomainError as exc:
        raise RecordError(f"{where}: {exc.message}" if where else exc.message, line=line) from exc


@dataclass
class Existing:
    """A claim's current appearances, citations and evidence, indexed by what a record can name them by."""

    appearances_by_ref: dict[str, Appearance] = field(default_factory=dict)
    appearances_by_key: dict[tuple, Appearance] = field(default_factory=dict)
    citations: dict[tuple[int, int], Citation] = field(default_factory=dict)
    evidence_by_ref: dict[str, StatusEvidence] = field(default_factory=dict)
    evidence_by_key: dict[tuple, StatusEvidence] = field(default_factory=dict)

    @classmethod
    def of(cls, claim: Claim) -> "Existing":
        found = cls()
        for a in Appearance.objects.current().filter(claim=claim).order_by("id"):
            found.appearances_by_ref.update({a.external_ref: a} if a.external_ref else {})
            found.appearances_by_key.setdefault((a.outlet_id, a.published_on, a.url), a)
        found.citations = {(c.citing_id, c.cited_id): c for c in Citation.objects.current().filter(claim=claim)}
        for e in StatusEvidence.objects.current().filter(claim=claim).order_by("id"):
            found.evidence_by_ref.update({e.external_ref: e} if e.external_ref else {})
            found.evidence_by_key.setdefault((e.stance, e.date, e.actor_id, e.appearance_id, e.url), e)
        return found

    def appearance(self, stored_ref: str | None, ref: str, key: tuple) -> Appearance | None:
        by_ref = self.appearances_by_ref.get(stored_ref or "") or self.appearances_by_ref.get(ref or "")
        return by_ref or self.appearances_by_key.get(key)

    def evidence_item(self, stored_ref: str | None, ref: str, key: tuple) -> StatusEvidence | None:
        by_ref = self.evidence_by_ref.get(stored_ref or "") or self.evidence_by_ref.get(ref or "")
        return by_ref or self.evidence_by_key.get(key)


def claim_key(record: ClaimRecord, subject: Actor | None, event: Event | None) -> ClaimKey:
    """What finds the record's claim again, if it is held already (claims.importing.matching)."""
    return ClaimKey(
        record.external_ref or None, record.text.strip(), subject.pk if subject else None, event.pk if event else None
    )


def claim_values(record: ClaimRecord, subject: Actor | None, event: Event | None) -> dict:
    """What a record says of its claim, as the claim services take it."""
    return {
        "text": record.text.strip(),
        "kind": record.kind,
        "subject": subject,
        "event": event,
        "notes": record.notes,
        "source_document": record.source_document,
    }


def appearance_values(item: AppearanceRecord, outlet: Outlet) -> dict:
    """What a record says of an appearance, as the appearance services take it."""
    return {
        "outlet": outlet,
        "published_on": item.published_on,
        "url": item.url,
        "headline": item.headline,
        "author": item.author,
        "language": item.language,
        "excerpt": item.excerpt,
        "attributed_source": item.attributed_source,
        "source_document": item.source_document,
    }


def evidence_values(item: EvidenceRecord, actor: Actor | None) -> dict:
    """What a record says of a piece of evidence, but the appearance it points to."""
    return {
        "stance": item.stance,
        "date": item.date,
        "actor": actor,
        "url": item.url,
        "note": item.note,
        "source_document": item.source_document,
    }


def _wanted(values: dict) -> dict:
    return {key: value for key, value in values.items() if not (key in KEPT_WHEN_BLANK and not value)}


class ClaimImport:
    def __init__(self, record: ClaimRecord, lookups: Lookups, *, importer: ImportedBy) -> None:
        self.record, self.lookups, self.importer = record, lookups, importer
        self.by = importer.by
        self.counts: Counter[str] = Counter()
        self.refs: dict[str, Appearance] = {}
        self.claim: Claim | None = None
        self.created = False

    def run(self) -> Counter[str]:
        record = self.record
        with located(record.line):
            subject = self.lookups.actor(record.subject) if record.subject else None
            event = self.lookups.event(record.event) if record.event else None
            self.save_claim(subject, event)
        if self.created:  # judged before any row is written; the steps themselves come last
            with located(record.line, self.review_label()):
                target, _, _ = self.review_path()
                check_loaded_path(claim=self.claim, target=target, by=self.by)
        existing = self.existing_rows()
        for number, appearance in enumerate(record.appearances, start=1):
            with located(appearance.line, f"appearance #{number}"):
                self.save_appearance(appearance, existing)
        for number, citation in enumerate(record.citations, start=1):
            with located(citation.line, f"citation #{number}"):
                self.save_citation(citation, existing)
        for number, evidence in enumerate(record.evidence, start=1):
            with located(evidence.line, f"evidence #{number}"):
                self.save_evidence(evidence, existing)
        if self.created:
            with located(record.line, self.review_label()):
                self.move_to_review_state()
        return self.counts

    def stored_ref(self, ref: str) -> str | None:
        """Refs are local to a record; stored, they are prefixed with the claim's own (as the seeds do)."""
        claim_ref = self.record.external_ref
        if not (ref and claim_ref):
            return None
        return ref if ref.startswith(f"{claim_ref}/") else f"{claim_ref}/{ref}"

    # The claim

    def find_claim(self, subject: Actor | None, event: Event | None) -> Claim | None:
        key = claim_key(self.record, subject, event)
        return claims_found([key]).get(key)

    def save_claim(self, subject: Actor | None, event: Event | None) -> None:
        record = self.record
        values = claim_values(record, subject, event)
        claim = self.find_claim(subject, event)
        if claim is None:
            self.claim = claim_create(external_ref=record.external_ref or None, by=self.by, **values)
            self.created = True
            self.counts["claims created"] += 1
            return
        self.claim = claim
        changes = _wanted(values)
        changed = changed_fields(claim, changes, claim_services.EDITABLE)
        if changed:
            claim_update(claim=claim, by=self.by, **{field: changes[field] for field in changed})
        self.counts["claims updated" if changed else "claims unchanged"] += 1

    def review_path(self) -> tuple[str, str, str]:
        """Where a new claim goes in review, the comment of its steps, and the reason of a reject or retract."""
        comment = self.importer.comment(self.record.line)
        return self.record.review_state or ReviewState.DRAFT, comment, self.record.review_comment or comment

    def review_label(self) -> str:
        """How an error of the review names the part of the record at fault: `review_state "published"`."""
        return f'review_state "{self.record.review_state}"' if self.record.review_state else "review_state"

    def move_to_review_state(self) -> None:
        """A new claim is brought to the state the file gives, step by step, as the importer: a
        step the importer may not take (four eyes, a reviewer's step) refuses the whole record."""
        target, comment, reason = self.review_path()
        claim_load_to(claim=self.claim, target=target, comment=comment, reason=reason, by=self.by)

    # Its rows

    def existing_rows(self) -> "Existing":
        """The claim's current rows, read once, to find again what a re-import names (none for a new claim)."""
        return Existing() if self.created else Existing.of(self.claim)

    def save_appearance(self, item: AppearanceRecord, existing: "Existing") -> None:
        refuse_named_twice([*self.refs, item.ref])
        outlet = self.lookups.outlet(item.outlet)
        stored_ref = self.stored_ref(item.ref)
        values = appearance_values(item, outlet)
        match = existing.appearance(stored_ref, item.ref, (outlet.pk, item.published_on, item.url))
        if match is None:
            appearance = appearance_create(claim=self.claim, external_ref=stored_ref, by=self.by, **values)
            self.counts["appearances created"] += 1
        else:
            changes = _wanted(values)
            changed = changed_fields(match, changes, appearance_services.EDITABLE)
            updates = {f: changes[f] for f in changed}
            appearance = appearance_update(appearance=match, by=self.by, **updates) if changed else match
            self.counts["appearances updated" if changed else "appearances unchanged"] += 1
        if item.ref:
            self.refs[item.ref] = appearance

    def appearance_named(self, ref: str) -> Appearance:
        """An appearance of this record by its ref, else any appearance by its stored external_ref."""
        if ref in self.refs:
            return self.refs[ref]
        found = Appearance.objects.filter(external_ref=ref).first()
        if found is None:
            raise InvalidInput(f'No appearance has the ref "{ref}" in this record or in the database.', field="ref")
        return found

    def save_citation(self, item: CitationRecord, existing: "Existing") -> None:
        citing, cited = self.appearance_named(item.citing), self.appearance_named(item.cited)
        match = existing.citations.get((citing.pk, cited.pk))
        if match is None:
            citation_create(citing=citing, cited=cited, kind=item.kind, note=item.note, by=self.by)
            self.counts["citations created"] += 1
            return
        changes = {"kind": item.kind, "note": item.note}
        changed = {field for field, value in changes.items() if getattr(match, field) != value}
        if changed:
            citation_update(citation=match, by=self.by, **{field: changes[field] for field in changed})
        self.counts["citations updated" if changed else "citations unchanged"] += 1

    def save_evidence(self, item: EvidenceRecord, existing: "Existing") -> None:
        actor = self.lookups.actor(item.actor) if item.actor else None
        appearance = self.appearance_named(item.appearance) if item.appearance else None
        stored_ref = self.stored_ref(item.ref)
        values = evidence_values(item, actor) | {"appearance": appearance}
        key = (item.stance, item.date, actor.pk if actor else None, appearance.pk if appearance else None, item.url)
        match = existing.evidence_item(stored_ref, item.ref, key)
        if match is None:
            evidence_create(claim=self.claim, external_ref=stored_ref, by=self.by, **values)
            self.counts["evidence created"] += 1
            return
        changes = _wanted(values)
        changed = changed_fields(match, changes, evidence_services.EDITABLE)
        if changed:
            evidence_update(evidence=match, by=self.by, **{field: changes[field] for field in changed})
        self.counts["evidence updated" if changed else "evidence unchanged"] += 1


def claim_import(record: ClaimRecord, lookups: Lookups, *, importer: ImportedBy) -> Counter[str]:
    """Write one record; raises RecordError (its savepoint then undoes it) if any part is refused."""
    return ClaimImport(record, lookups, importer=importer).run()
