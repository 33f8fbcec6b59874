"""JSON Lines: one claim per line, with its appearances, citations and evidence.

A line that is not JSON, or not shaped as a record, becomes a RecordError for
that line; the reader goes on with the next line.
"""

import re
from collections.abc import Iterable, Iterator

from claims.importing.fields import Fields
from claims.importing.records import (
    ActorDef,
    AffiliationDef,
    AppearanceRecord,
    CitationRecord,
    ClaimRecord,
    EventDef,
    EvidenceRecord,
    OutletDef,
    RecordError,
)
from claims.json_input import DuplicateKey, UnreadableJson, read_json

CUT_OFF = "unexpected end of data"  # orjson's words for a text that stops before its value is whole


def _affiliation(values: object, line: int, where: str) -> AffiliationDef:
    f = Fields(values, line=line, where=where, allowed=AffiliationDef)
    return AffiliationDef(
        actor=f.text("actor", required=True),
        relation=f.text("relation", required=True),
        stated_by_outlet=f.text("stated_by_outlet"),
        stated_by_url=f.text("stated_by_url"),
        quote=f.text("quote"),
        source_document=f.text("source_document"),
        valid_from=f.day("valid_from"),
        valid_to=f.day("valid_to"),
    )


def _outlet(values: object, line: int, where: str) -> OutletDef:
    f = Fields(values, line=line, where=where, allowed=OutletDef)
    affiliations = [
        _affiliation(item, line, f"{where}.affiliations[{i}]") for i, item in enumerate(f.objects("affiliations"))
    ]
    defaults = OutletDef(slug="", name="")
    return OutletDef(
        slug=f.text("slug", required=True),
        name=f.text("name", required=True),
        kind=f.text("kind", default=defaults.kind),
        aliases=f.strings("aliases"),
        country=f.text("country"),
        language=f.text("language"),
        url=f.text("url"),
        domain=f.text("domain"),
        reliability=f.text("reliability", default=defaults.reliability),
        reliability_note=f.text("reliability_note"),
        affiliations=affiliations,
    )


def _actor(values: object, line: int, where: str) -> ActorDef:
    f = Fields(values, line=line, where=where, allowed=ActorDef)
    return ActorDef(
        slug=f.text("slug", required=True),
        name=f.text("name", required=True),
        kind=f.text("kind", default=ActorDef(slug="", name="").kind),
        aliases=f.strings("aliases"),
        description=f.text("description"),
    )


def _event(value: object, line: int) -> str | EventDef:
    if value is None or isinstance(value, str):
        return value or ""
    f = Fields(value, line=line, where="event", allowed=EventDef)
    event = EventDef(
        slug=f.text("slug"),
        title=f.text("title"),
        date=f.day("date"),
        location=f.text("location"),
        description=f.text("description"),
    )
    if not (event.slug or event.title):
        f.fail("event needs a slug (an existing event) or a title (a new one)")
    return event


def _appearance(values: object, line: int, where: str) -> AppearanceRecord:
    f = Fields(values, line=line, where=where, allowed=AppearanceRecord)
    return AppearanceRecord(
        outlet=f.text("outlet", required=True),
        published_on=f.day("published_on", required=True),
        ref=f.text("ref"),
        url=f.text("url"),
        headline=f.text("headline"),
        author=f.text("author"),
        language=f.text("language"),
        excerpt=f.text("excerpt"),
        attributed_source=f.text("attributed_source"),
        source_document=f.text("source_document"),
        line=line,
    )


def _citation(values: object, line: int, where: str) -> CitationRecord:
    f = Fields(values, line=line, where=where, allowed=CitationRecord)
    return CitationRecord(
        citing=f.text("citing", required=True),
        cited=f.text("cited", required=True),
        kind=f.text("kind", default=CitationRecord(citing="", cited="").kind),
        note=f.text("note"),
        line=line,
    )


def _evidence(values: object, line: int, where: str) -> EvidenceRecord:
    f = Fields(values, line=line, where=where, allowed=EvidenceRecord)
    return EvidenceRecord(
        stance=f.text("stance", required=True),
        date=f.day("date", required=True),
        ref=f.text("ref"),
        actor=f.text("actor"),
        appearance=f.text("appearance"),
        url=f.text("url"),
        note=f.text("note"),
        source_document=f.text("source_document"),
        line=line,
    )


def record_from_json(values: object, *, line: int) -> ClaimRecord:
    f = Fields(values, line=line, allowed=ClaimRecord)

    def each(key: str, read) -> list:
        return [read(item, line, f"{key}[{i}]") for i, item in enumerate(f.objects(key))]

    return ClaimRecord(
        text=f.text("text", required=True),
        external_ref=f.text("external_ref"),
        kind=f.text("kind", default=ClaimRecord(text="").kind),
        subject=f.text("subject"),
        event=_event(f.raw("event"), line),
        review_state=f.text("review_state"),
        review_comment=f.text("review_comment"),
        notes=f.text("notes"),
        source_document=f.text("source_document"),
        actors=each("actors", _actor),
        outlets=each("outlets", _outlet),
        appearances=each("appearances", _appearance),
        citations=each("citations", _citation),
        evidence=each("evidence", _evidence),
        line=line,
    )


def _reason(exc: UnreadableJson) -> str:
    """The parser's reason, or, for a line that stops before its record closes, that it is cut off."""
    said = str(exc)
    if said.startswith(CUT_OFF):
        at = re.search(r"\(char (\d+)\)", said)
        where = f" after {int(at.group(1)):,} characters" if at else ""
        return (
            f"the line is cut off: it ends{where}, before its record does (a string, an object or a list is "
            "not closed). Each line must hold one whole JSON object."
        )
    return said


def read_jsonl(lines: Iterable[str | bytes]) -> Iterator[ClaimRecord | RecordError]:
    """One record (or the error that spoils it) per line; blank lines are skipped."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            values = read_json(line.rstrip(b"\r\n" if isinstance(line, bytes) else "\r\n"))
        except DuplicateKey as exc:
            # Which of the two values was meant cannot be known: the record is refused, not guessed at.
            yield RecordError(f"{exc}; a record gives each field once", line=number, ref=_ref_of(exc.value))
            continue
        except UnreadableJson as exc:
            yield RecordError(f"not valid JSON: {_reason(exc)}", line=number)
            continue
        try:
            yield record_from_json(values, line=number)
        except RecordError as exc:
            exc.ref = _ref_of(values)
            yield exc


def _ref_of(values: object) -> str:
    """The external_ref a refused line gives, to name it by in the report, if it gives one."""
    ref = values.get("external_ref") if isinstance(values, dict) else None
    return ref if isinstance(ref, str) else ""
