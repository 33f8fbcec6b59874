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
from claims.models.claim import CLAIM_FIELDS
from claims.selectors.pending import with_scores_pending

# The claim's fields as the API represents them, but its own address and the nested factors,
# with the ref that an import finds the claim by again.
# `language` too: in the import's CSV a `language` column is an appearance's (claims/importing), so
# a claim's would read back as an appearance with no outlet. Imported claims have it detected.
NOT_TABULAR = {"id", "url", "confidence_factors", "language"}
COLUMNS = ["id", "external_ref", *(name for name in CLAIM_FIELDS if name not in NOT_TABULAR)]
CHUNK_SIZE = 1000


def _cells(claim: Claim) -> dict[str, str]:
    return {
        "id": str(claim.pk),
        "external_ref": claim.external_ref or "",
        "text": claim.text,
        "kind": claim.kind,
        "status": claim.status,
        "review_state": claim.review_state,
        "subject": claim.subject.slug if claim.subject_id else "",
        "event": claim.event.slug if claim.event_id else "",
        "first_reported": claim.first_reported.isoformat() if claim.first_reported else "",
        "confidence": str(claim.confidence),
        "confidence_label": claim.confidence_label,
        "credibility": str(claim.credibility),
        "admiralty_code": claim.admiralty_code,
        "independent_origin_count": str(claim.independent_origin_count),
        "appearance_count": str(claim.appearance_count),
        "scores_pending": "true" if claim.scores_pending else "false",
        "created_at": claim.created_at.isoformat(),
        "updated_at": claim.updated_at.isoformat(),
    }


def claim_row(claim: Claim) -> list[str]:
    cells = _cells(claim)
    return [cells[name] for name in COLUMNS]


def claim_rows(claims: QuerySet) -> Iterator[list[str]]:
    """The header, then one row per claim; the subject and event must be select_related."""
    yield COLUMNS
    for claim in with_scores_pending(claims).iterator(chunk_size=CHUNK_SIZE):
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
