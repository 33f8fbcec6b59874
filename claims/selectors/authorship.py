"""Who wrote part of a claim, read from its history: the question four eyes asks (SPEC §7).

A reviewer may approve only what someone else wrote. Someone wrote part of a claim when
they created it, changed its assertion (text, kind, subject or event) at any point before
the approval, or recorded or changed one of its appearances or pieces of evidence that is
still current. The field history (django-simple-history) says who saved each version;
this module diffs consecutive versions, as the claim's history page does.

Three queries for any number of claims: the claims' own versions, and the versions of
the appearances and evidence the user ever saved, with the versions around them.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db import models

from claims.models import Appearance, Claim, StatusEvidence
from claims.models.claim import ASSERTION

# What an appearance or a piece of evidence reports, as opposed to its bookkeeping
# (timestamps, who recorded it, its withdrawal, where it was imported from).
REPORTED: dict[type[models.Model], tuple[str, tuple[str, ...]]] = {
    Appearance: (
        "appearance",
        ("outlet_id", "published_on", "url", "headline", "author", "language", "excerpt", "attributed_source"),
    ),
    StatusEvidence: ("evidence", ("stance", "actor_id", "date", "appearance_id", "url", "note")),
}
CLAIM_COLUMNS = tuple(Claim._meta.get_field(name).attname for name in sorted(ASSERTION))


def _versions(history: models.QuerySet, columns: tuple[str, ...]) -> Iterable[tuple[dict, dict | None, bool]]:
    """Each version with the one before it of the same row, and whether it is that row's latest."""
    rows = list(
        history.order_by("id", "history_date", "history_id").values(
            "id", "history_type", "history_user_id", "history_date", *columns
        )
    )
    for index, row in enumerate(rows):
        before = rows[index - 1] if index and rows[index - 1]["id"] == row["id"] else None
        latest = index + 1 == len(rows) or rows[index + 1]["id"] != row["id"]
        yield row, before, latest


def _changed(row: dict, before: dict | None, columns: tuple[str, ...]) -> bool:
    return before is None or any(row[column] != before[column] for column in columns)


def _claim_parts(claim_ids: list[int], user_id: int) -> dict[int, str]:
    found: dict[int, str] = {}
    for row, before, _ in _versions(Claim.history.filter(id__in=claim_ids), CLAIM_COLUMNS):
        if row["history_user_id"] != user_id or row["id"] in found:
            continue
        if row["history_type"] == "+":
            found[row["id"]] = "you created it"
        elif _changed(row, before, CLAIM_COLUMNS):
            changed = [c.removesuffix("_id") for c in CLAIM_COLUMNS if before is None or row[c] != before[c]]
            found[row["id"]] = f"you changed its {' and '.join(changed)} on {row['history_date']:%Y-%m-%d}"
    return found


def _row_parts(model: type[models.Model], claim_ids: list[int], user_id: int) -> dict[int, str]:
    noun, columns = REPORTED[model]
    touched = model.history.filter(claim_id__in=claim_ids, history_user_id=user_id).values("id")
    authored: dict[int, dict[int, str]] = defaultdict(dict)  # claim -> row -> what the user did
    withdrawn: set[int] = set()
    for row, before, latest in _versions(model.history.filter(id__in=touched), (*columns, "claim_id", "withdrawn_at")):
        if latest and row["withdrawn_at"] is not None:
            withdrawn.add(row["id"])
        if row["history_user_id"] == user_id and _changed(row, before, columns):
            verb = "recorded" if row["history_type"] == "+" else "changed"
            authored[row["claim_id"]].setdefault(row["id"], f"you {verb} its {noun} {row['id']}")
    found = {}
    for claim_id, rows in authored.items():
        current = [what for row_id, what in rows.items() if row_id not in withdrawn]
        if current:
            found[claim_id] = current[0]
    return found


def claim_contributions(claim_ids: Iterable[int], user_id: int | None) -> dict[int, str]:
    """For each of these claims the user wrote part of, how (the first part found), in words."""
    ids = sorted(set(claim_ids))
    if not ids or user_id is None:
        return {}
    found = _claim_parts(ids, user_id)
    for model in REPORTED:
        for claim_id, what in _row_parts(model, ids, user_id).items():
            found.setdefault(claim_id, what)
    return found
