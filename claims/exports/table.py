"""The claim list as CSV: one row per claim, written as it is read.

The rows come from a queryset iterated in chunks on one query (the subject and
event are joined in), so memory and query count stay flat however many claims
match. `import_claims --format csv` reads this file back: it takes the columns
it knows (external_ref, text, kind, subject, event, review_state) and
recomputes the rest. Cells that begin like a formula (`=`, `+`, `-`, `@`, tab,
carriage return) are written with a leading `'` (claims/exports/spreadsheet_cells.py),
which the importer takes off again.
"""

import csv
from collections.abc import Iterable, Iterator

from django.db.models import QuerySet

from claims.exports.spreadsheet_cells import spreadsheet_safe
from claims.models import Claim

COLUMNS = [
    "id",
    "external_ref",
    "text",
    "kind",
    "status",
    "review_state",
    "subject",
    "event",
    "first_reported",
    "confidence",
    "confidence_label",
    "admiralty_code",
    "independent_origin_count",
    "appearance_count",
    "created_at",
    "updated_at",
]
CHUNK_SIZE = 1000


def claim_row(claim: Claim) -> list[str]:
    return [
        str(claim.pk),
        claim.external_ref or "",
        claim.text,
        claim.kind,
        claim.status,
        claim.review_state,
        claim.subject.slug if claim.subject_id else "",
        claim.event.slug if claim.event_id else "",
        claim.first_reported.isoformat() if claim.first_reported else "",
        str(claim.confidence),
        claim.confidence_label,
        claim.admiralty_code,
        str(claim.independent_origin_count),
        str(claim.appearance_count),
        claim.created_at.isoformat(),
        claim.updated_at.isoformat(),
    ]


def claim_rows(claims: QuerySet) -> Iterator[list[str]]:
    """The header, then one row per claim; the subject and event must be select_related."""
    yield COLUMNS
    for claim in claims.iterator(chunk_size=CHUNK_SIZE):
        yield claim_row(claim)


class _LineBuffer:
    """csv.writer writes into this and gets the line back, so each row streams on its own."""

    def write(self, line: str) -> str:
        return line


def csv_lines(rows: Iterable[list[str]]) -> Iterator[str]:
    """Each row as a line of CSV; no cell is one a spreadsheet would run as a formula."""
    writer = csv.writer(_LineBuffer())
    for row in rows:
        yield writer.writerow([spreadsheet_safe(cell) for cell in row])
