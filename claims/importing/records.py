"""The import format: one claim with its chain, as plain values.

`claim_import` (claims/importing/loader.py) writes a ClaimRecord through the
services; the JSON Lines export writes ClaimRecords and the JSON Lines and CSV
readers produce them. This module is the one definition of the format's fields;
docs/api-exports-import.md describes them for people.

Records carry references, not objects: outlets, actors and events by slug (or
name), appearances by a `ref` local to the record. Shapes and types are checked
here; every rule of the domain is left to the services.
"""

from dataclasses import asdict, dataclass, field
from datetime import date

from claims.choices import ActorKind, CitationKind, ClaimKind, OutletKind, Reliability


class RecordError(Exception):
    """A record that cannot be imported: where it is in the file and why."""

    def __init__(self, message: str, *, line: int, ref: str = "") -> None:
        super().__init__(message)
        self.message, self.line, self.ref = message, line, ref


@dataclass
class AffiliationDef:
    actor: str
    relation: str
    stated_by_outlet: str = ""
    stated_by_url: str = ""
    quote: str = ""
    source_document: str = ""
    valid_from: date | None = None
    valid_to: date | None = None


@dataclass
class OutletDef:
    """An outlet to create when no outlet has this slug; an existing one is used as it is."""

    slug: str
    name: str
    kind: str = OutletKind.OTHER.value
    aliases: list[str] = field(default_factory=list)
    country: str = ""
    language: str = ""
    url: str = ""
    domain: str = ""
    reliability: str = Reliability.F.value
    reliability_note: str = ""
    affiliations: list[AffiliationDef] = field(default_factory=list)


@dataclass
class ActorDef:
    slug: str
    name: str
    kind: str = ActorKind.OTHER.value
    aliases: list[str] = field(default_factory=list)
    description: str = ""


@dataclass
class EventDef:
    slug: str = ""
    title: str = ""
    date: "date | None" = None
    location: str = ""
    description: str = ""


@dataclass
class AppearanceRecord:
    outlet: str
    published_on: date
    ref: str = ""
    url: str = ""
    headline: str = ""
    author: str = ""
    language: str = ""
    excerpt: str = ""
    attributed_source: str = ""
    source_document: str = ""
    line: int = 0


@dataclass
class CitationRecord:
    citing: str
    cited: str
    kind: str = CitationKind.CITED.value
    note: str = ""
    line: int = 0


@dataclass
class EvidenceRecord:
    stance: str
    date: date
    ref: str = ""
    actor: str = ""
    appearance: str = ""
    url: str = ""
    note: str = ""
    source_document: str = ""
    line: int = 0


@dataclass
class ClaimRecord:
    text: str
    external_ref: str = ""
    kind: str = ClaimKind.ATTRIBUTION.value
    subject: str = ""
    event: str | EventDef = ""
    review_state: str = ""
    review_comment: str = ""
    notes: str = ""
    source_document: str = ""
    actors: list[ActorDef] = field(default_factory=list)
    outlets: list[OutletDef] = field(default_factory=list)
    appearances: list[AppearanceRecord] = field(default_factory=list)
    citations: list[CitationRecord] = field(default_factory=list)
    evidence: list[EvidenceRecord] = field(default_factory=list)
    line: int = 0

    @property
    def label(self) -> str:
        return self.external_ref or (self.text[:60] + ("…" if len(self.text) > 60 else ""))


def _plain(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k != "line" and v not in ("", None, [], {})}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def record_to_json(record: ClaimRecord) -> dict:
    """The record as JSON values, blanks left out; the inverse of claims.importing.jsonl.record_from_json."""
    return _plain(asdict(record))
