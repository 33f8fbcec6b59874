"""An import run: every record in its own savepoint, confidence recomputed once at the end.

A bad record is reported with its line and the reason, its savepoint is rolled
back (it leaves nothing behind) and the run goes on. The whole run is one
transaction, so a crash half-way leaves the database as it was, and a dry run
is the same run rolled back at the end: it refuses exactly what a real one
would.
"""

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import DatabaseError, transaction

from claims.importing.loader import ClaimImport
from claims.importing.lookups import Lookups
from claims.importing.records import ClaimRecord, RecordError
from claims.services.rescoring import rescoring_deferred


@dataclass
class ImportReport:
    source: str
    dry_run: bool = False
    records: int = 0
    imported: int = 0
    failures: list[RecordError] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    rescored: int = 0
    rolled_back: set[int] = field(default_factory=set)
    seconds: float = 0.0

    @property
    def appearances_per_second(self) -> float:
        written = self.counts["appearances created"] + self.counts["appearances updated"]
        return written / self.seconds if self.seconds else 0.0


def _import_one(record: ClaimRecord, lookups: Lookups, report: ImportReport) -> None:
    lookups.begin(record)
    importer = ClaimImport(record, lookups, source=report.source)
    try:
        with transaction.atomic():  # the record's savepoint
            try:
                counts = importer.run()
            except DatabaseError as exc:
                # What the services do not check and the database refuses (e.g. a NUL byte on PostgreSQL):
                # still this record's fault, not the run's.
                raise RecordError(f"the database refused this record: {exc}", line=record.line) from exc
    except RecordError as exc:
        lookups.rollback()
        exc.ref = exc.ref or record.external_ref
        report.failures.append(exc)
        if importer.created:
            report.rolled_back.add(importer.claim.pk)  # its rescoring would find no row
        return
    lookups.commit()
    report.imported += 1
    report.counts.update(counts)


def import_records(
    records: Iterable[ClaimRecord | RecordError],
    *,
    source: str,
    dry_run: bool = False,
    on_failure: Callable[[RecordError], None] | None = None,
    on_record: Callable[[], None] | None = None,
) -> ImportReport:
    """Import what the reader yields; `on_failure` hears of each bad record as it happens."""
    report = ImportReport(source=source, dry_run=dry_run)
    lookups = Lookups()
    started = time.perf_counter()
    with transaction.atomic():
        with rescoring_deferred() as touched:
            for item in records:
                report.records += 1
                failed_before = len(report.failures)
                if isinstance(item, RecordError):
                    report.failures.append(item)
                else:
                    _import_one(item, lookups, report)
                if on_failure is not None and len(report.failures) > failed_before:
                    on_failure(report.failures[-1])
                if on_record is not None:
                    on_record()
            report.rescored = len(touched - report.rolled_back)
        report.counts.update(+lookups.counts)
        if dry_run:
            transaction.set_rollback(True)
    report.seconds = time.perf_counter() - started
    return report
