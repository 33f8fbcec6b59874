"""Reading a seeds folder: one JSON list per kind of record.

The files and their fields are described in seeds/README.md.
"""

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

KINDS = ("documents", "outlets", "grades", "actors", "events", "affiliations", "actor_affiliations", "claims")
REF_PREFIX = "seed:"


class SeedError(Exception):
    """The seeds cannot be loaded as they are; nothing was written."""


@dataclass(frozen=True)
class SeedSet:
    """The records of one seeds folder, as read from its JSON files."""

    folder: Path
    documents: list[dict] = field(default_factory=list)
    outlets: list[dict] = field(default_factory=list)
    grades: list[dict] = field(default_factory=list)
    actors: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    affiliations: list[dict] = field(default_factory=list)
    actor_affiliations: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)


def _read_list(path: Path) -> list[dict]:
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SeedError(f"{path}: cannot be read as UTF-8 JSON ({exc}).") from exc
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise SeedError(f"{path}: must hold a JSON list of objects.")
    return records


def read_seed_set(folder: Path) -> SeedSet:
    """Every `<kind>.json` in the folder; a missing file is an empty list, so a test can ship a few."""
    folder = Path(folder)
    if not folder.is_dir():
        raise SeedError(f"{folder} is not a folder.")
    found = {kind: _read_list(folder / f"{kind}.json") for kind in KINDS if (folder / f"{kind}.json").exists()}
    if not found:
        raise SeedError(f"{folder} holds none of the seed files ({', '.join(k + '.json' for k in KINDS)}).")
    return SeedSet(folder=folder, **found)


def parse_day(value: object) -> date | None:
    """A seed date is an ISO string (YYYY-MM-DD) or null."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a YYYY-MM-DD string")
    return date.fromisoformat(value)


def external_ref(ref: str) -> str:
    """Rows loaded from the seeds are found again by this key."""
    return f"{REF_PREFIX}{ref}"
