"""Running import_claims in a test, and the files it reads."""

import io
from dataclasses import dataclass
from pathlib import Path

import orjson
from django.core.management import CommandError, call_command

from claims.exports.records import claim_records
from claims.exports.table import claim_rows, csv_lines
from claims.importing.records import record_to_json
from claims.models import (
    Actor,
    Affiliation,
    Appearance,
    Citation,
    Claim,
    Event,
    Outlet,
    ReviewTransition,
    StatusEvidence,
)

# Children before parents: the order in which rows can be deleted.
DOMAIN_MODELS = [StatusEvidence, Citation, Appearance, ReviewTransition, Claim, Affiliation, Event, Outlet, Actor]


@dataclass
class Run:
    ok: bool
    stdout: str
    stderr: str


def import_file(path: Path, *args: str, verbosity: int = 0) -> Run:
    """Without a progress bar by default, so stderr holds the error lines alone."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_claims", str(path), *args, stdout=out, stderr=err, verbosity=verbosity)
    except CommandError as exc:
        err.write(f"CommandError: {exc}\n")
        return Run(False, out.getvalue(), err.getvalue())
    return Run(True, out.getvalue(), err.getvalue())


def write_jsonl(path: Path, records: list) -> Path:
    lines = [r if isinstance(r, str) else orjson.dumps(r).decode() for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def export_jsonl(*, newsroom: bool = True) -> str:
    claims = Claim.objects.select_related("subject", "event").order_by("id")
    return "".join(orjson.dumps(record_to_json(r)).decode() + "\n" for r in claim_records(claims, newsroom=newsroom))


def export_csv() -> str:
    return "".join(csv_lines(claim_rows(Claim.objects.select_related("subject", "event").order_by("id"))))


def empty_database() -> None:
    """What a fresh installation holds: no domain rows, no history (a test's stand-in for a new database)."""
    for model in DOMAIN_MODELS:
        if hasattr(model, "history"):
            model.history.all().delete()
        model.objects.all().delete()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in DOMAIN_MODELS}
