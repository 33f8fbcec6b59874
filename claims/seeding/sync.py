"""How the loader treats a row that already exists, and the tally of what it did.

A second load must change nothing, and a load must never undo what a person
changed in the app: a row whose latest history entry names a user is kept as
it is. Rows the loader itself wrote carry no user in their history.
"""

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import models

from claims.errors import DomainError
from claims.seeding.files import SeedError

CREATED, UPDATED, UNCHANGED, KEPT = "created", "updated", "unchanged", "kept"
OUTCOMES = (CREATED, UPDATED, UNCHANGED, KEPT)
KINDS = (
    "outlets",
    "actors",
    "events",
    "affiliations",
    "actor_affiliations",
    "claims",
    "appearances",
    "citations",
    "evidence",
)


@dataclass
class Tally:
    """What one load did, per kind of row."""

    counts: dict[str, Counter] = field(default_factory=lambda: {kind: Counter() for kind in KINDS})
    review_steps: Counter = field(default_factory=Counter)
    rescored: int = 0
    warnings: list[str] = field(default_factory=list)

    def add(self, kind: str, outcome: str) -> None:
        self.counts[kind][outcome] += 1

    def total(self, outcome: str) -> int:
        return sum(counter[outcome] for counter in self.counts.values())

    def lines(self) -> list[str]:
        rows = [f"{kind:<19}" + "  ".join(f"{self.counts[kind][o]:>4} {o}" for o in OUTCOMES) for kind in KINDS]
        moves = ", ".join(f"{n} to {state}" for state, n in sorted(self.review_steps.items())) or "none"
        rows.append(f"review moves: {moves}")
        rows.append(f"claims rescored: {self.rescored}")
        rows += [f"warning: {warning}" for warning in self.warnings]
        return rows


def changed_fields(instance: models.Model, wanted: dict) -> dict:
    return {name: value for name, value in wanted.items() if getattr(instance, name) != value}


def edited_in_app(instance: models.Model) -> bool:
    """True when a person, not a load, made the row's latest change."""
    latest = instance.history.order_by("-history_date", "-history_id").values_list("history_user_id", flat=True)
    return latest.first() is not None


def sync_row(
    tally: Tally,
    kind: str,
    instance: models.Model,
    wanted: dict,
    update: Callable[..., object],
    *,
    frozen: bool = False,
) -> None:
    """Bring an existing row in line with its seed record, unless it is frozen or a person edited it."""
    if frozen or edited_in_app(instance):
        tally.add(kind, KEPT)
        return
    changes = changed_fields(instance, wanted)
    if not changes:
        tally.add(kind, UNCHANGED)
        return
    update(**changes)
    tally.add(kind, UPDATED)


@contextmanager
def seed_record(kind: str, key: str) -> Iterator[None]:
    """Name the record a service refused, so the message points into the seed files."""
    try:
        yield
    except DomainError as exc:
        raise SeedError(f"{kind} {key}: {exc.message}") from exc
