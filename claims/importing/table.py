"""CSV: one row per appearance, claim columns repeated or left blank on the rows that follow.

A row starts a new claim when its external_ref (or, without one, its text)
differs from the row before; a row with both blank adds to the claim above. A
row without an outlet carries the claim alone, so the claim list export
(GET /api/v1/claims/export.csv) imports as it is: its computed columns (id,
status, confidence, …) are not in the format and are recomputed.
"""

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from claims.exports.spreadsheet_cells import spreadsheet_value
from claims.importing.fields import Fields
from claims.importing.records import AppearanceRecord, CitationRecord, ClaimRecord, RecordError

CLAIM_COLUMNS = ["external_ref", "text", "kind", "subject", "event", "review_state", "review_comment", "notes"]
APPEARANCE_COLUMNS = [
    "appearance_ref",
    "outlet",
    "published_on",
    "url",
    "headline",
    "author",
    "language",
    "excerpt",
    "attributed_source",
    "cites",
    "citation_kind",
]


@dataclass
class _Group:
    """The rows of one claim read so far; the first error in them stands for the whole group."""

    key: str
    record: ClaimRecord | None = None
    error: RecordError | None = None

    @property
    def result(self) -> ClaimRecord | RecordError:
        return self.error or self.record

    def add(self, row: dict, line: int) -> None:
        if self.error is not None:
            return
        try:
            if self.record is None:
                self.record = _claim(row, line)
            _add_appearance(self.record, row, line)
        except RecordError as exc:
            exc.ref = self.key
            self.error = exc


def _claim(row: dict, line: int) -> ClaimRecord:
    f = Fields(row, line=line)
    return ClaimRecord(
        text=f.text("text", required=True),
        external_ref=f.text("external_ref"),
        kind=f.text("kind", default=ClaimRecord(text="").kind),
        subject=f.text("subject"),
        event=f.text("event"),
        review_state=f.text("review_state"),
        review_comment=f.text("review_comment"),
        notes=f.text("notes"),
        line=line,
    )


def _add_appearance(record: ClaimRecord, row: dict, line: int) -> None:
    f = Fields(row, line=line)
    if not f.text("outlet"):
        if any(f.text(column) for column in APPEARANCE_COLUMNS):
            f.fail("outlet is required on a row that describes an appearance")
        return
    ref = f.text("appearance_ref") or (f"line{line}" if f.text("cites") else "")
    record.appearances.append(
        AppearanceRecord(
            outlet=f.text("outlet"),
            published_on=f.day("published_on", required=True),
            ref=ref,
            url=f.text("url"),
            headline=f.text("headline"),
            author=f.text("author"),
            language=f.text("language"),
            excerpt=f.text("excerpt"),
            attributed_source=f.text("attributed_source"),
            line=line,
        )
    )
    kind = f.text("citation_kind", default=CitationRecord(citing="", cited="").kind)
    for cited in filter(None, (part.strip() for part in f.text("cites").split(";"))):
        record.citations.append(CitationRecord(citing=ref, cited=cited, kind=kind, line=line))


def _key(row: dict) -> str:
    return (row.get("external_ref") or "").strip() or (row.get("text") or "").strip()


def read_csv(lines: Iterable[str]) -> Iterator[ClaimRecord | RecordError]:
    """One record (or the error that spoils it) per claim's group of rows."""
    reader = csv.reader(lines)
    header = [name.strip() for name in next(reader, [])]
    if "text" not in header:
        yield RecordError("the header row must name the columns, text among them", line=1)
        return
    twice = next((name for number, name in enumerate(header) if name and name in header[:number]), None)
    if twice is not None:  # as a key twice in a JSON Lines record: which column is meant cannot be known
        yield RecordError(f'the header row names the column "{twice}" twice; the file is not read', line=1)
        return
    group: _Group | None = None
    line = reader.line_num
    try:
        for values in reader:
            # line_num is the last physical line read; a quoted field may span several.
            start, line = line + 1, reader.line_num
            if not any(value.strip() for value in values):
                continue
            # A cell the export began with `'` so that no spreadsheet runs it reads as it was.
            row = dict(zip(header, map(spreadsheet_value, values), strict=False))
            key = _key(row)
            if group is None or (key and key != group.key):
                if group is not None:
                    yield group.result
                group = _Group(key=key)
            group.add(row, start)
    except csv.Error as exc:
        yield RecordError(f"unreadable CSV: {exc}; the rest of the file is skipped", line=line + 1)
        return
    if group is not None:
        yield group.result
