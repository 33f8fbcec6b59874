"""manage.py import_claims FILE [--format jsonl|csv] [--dry-run]

Reads claims with their appearances, citations and evidence (the formats are in
docs/api.md), writes each through the services, reports every bad record with its
line and reason, and recomputes confidence once at the end. Exits with status 1
when any record failed.

An operator runs it, so it writes as the system (no user): no four eyes, grades and
review states as the file gives them. Its history says so in words: every row it
writes and every review step gives "Loaded by manage.py import_claims from FILE".
(Uploads, by the API or the web UI, write as their uploader: claims/services/imports.py.)
"""

import sys
from collections.abc import Iterator
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from tqdm import tqdm

from claims.importing.formats import READERS, format_of_name
from claims.importing.records import ClaimRecord, RecordError
from claims.importing.run import ImportReport, import_records
from claims.services.dependence_runs import dependence_recompute

ORIGIN = "Loaded by manage.py import_claims from {name}"


def format_of(path: Path, given: str | None) -> str:
    if given:
        return given
    named = format_of_name(path.name)
    if named:
        return named
    raise CommandError(f"Cannot tell the format of {path.name} from its name; say --format jsonl or --format csv.")


def describe(failure: RecordError) -> str:
    where = f"line {failure.line}" + (f" ({failure.ref})" if failure.ref else "")
    return f"{where}: {failure.message}"


def summary(report: ImportReport) -> str:
    counted = ", ".join(f"{what}: {n}" for what, n in sorted(report.counts.items()) if n) or "nothing written"
    verb = "Checked" if report.dry_run else "Imported"
    lines = [
        f"{verb} {report.imported} of {report.records} record(s) from {report.source}: {counted}.",
        f"Confidence recomputed for {report.rescored} claim(s). "
        f"{report.seconds:.1f} s, {report.appearances_per_second:,.0f} appearances/s.",
    ]
    if report.failures:
        lines.append(
            f"{len(report.failures)} record(s) failed, at line(s) {', '.join(str(f.line) for f in report.failures)}."
        )
    if report.dry_run:
        lines.append("Dry run: nothing was saved.")
    return "\n".join(lines)


class Command(BaseCommand):
    help = "Import claims with their appearances, citations and evidence from JSON Lines or CSV."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="A .jsonl or .csv file; - reads standard input (then say --format).")
        parser.add_argument("--format", choices=sorted(READERS), help="Default: from the file's extension.")
        parser.add_argument("--dry-run", action="store_true", help="Validate every record, then save nothing.")

    def handle(self, *args: object, **options: object) -> None:
        name = str(options["file"])
        if name == "-":
            if not options["format"]:
                raise CommandError("Reading standard input: say --format jsonl or --format csv.")
            report = self.run(sys.stdin, name="standard input", fmt=str(options["format"]), total=None, **options)
        else:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"No such file: {path}")
            fmt = format_of(path, options["format"])
            total = _count_lines(path) if fmt == "jsonl" else None
            with path.open(encoding="utf-8-sig", newline="") as lines:
                report = self.run(lines, name=path.name, fmt=fmt, total=total, **options)
        self.stdout.write(summary(report))
        if report.imported and not options["dry_run"]:
            with transaction.atomic():  # what it carried may show new dependence (SPEC §17)
                dependence_recompute(claim_ids=report.claim_ids)
        if report.failures:
            raise CommandError(f"{len(report.failures)} record(s) failed; the others were imported.", returncode=1)

    def run(self, lines: Iterator[str], *, name: str, fmt: str, total: int | None, **options: object) -> ImportReport:
        # The bar goes to stderr, with the errors, so stdout carries the summary alone.
        with tqdm(total=total, unit=" records", file=self.stderr._out, disable=options["verbosity"] == 0) as bar:

            def failed(failure: RecordError) -> None:
                bar.write(describe(failure), file=self.stderr._out)

            records: Iterator[ClaimRecord | RecordError] = READERS[fmt](lines)
            return import_records(
                records,
                source=name,
                origin=ORIGIN.format(name=name),
                dry_run=bool(options["dry_run"]),
                on_failure=failed,
                on_record=bar.update,
            )


def _count_lines(path: Path) -> int:
    """Non-blank lines: one record each in JSON Lines, so the bar can show how far along it is."""
    with path.open("rb") as raw:
        return sum(1 for line in raw if line.strip())
