"""An import run: records written many at a time where they can be, one by one where not.

New claims whose names are all known go in bulk writes of up to BULK_SIZE
records (claims.importing.bulk). A bulk write that anything in it breaks is
undone by its savepoint and its records are written again one by one, so the
bad one is found and reported like any other. Every other record is written one
by one in its own savepoint: a bad record is reported with its line and the
reason, leaves nothing behind, and the run goes on. Confidence is recomputed
once at the end, in batches.

The whole run is one transaction, so a crash half-way leaves the database as it
was, and a dry run is the same run rolled back at the end: it refuses exactly
what a real one would.

A run writes as its importer (`by`): an upload as its uploader, every record judged
as the API judges that user; `manage.py import_claims` as the system. Every history
row it writes gives `origin` as its reason, so a history with no user still says
what wrote it.
"""

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db import DatabaseError, transaction

from claims.errors import DomainError
from claims.importing.bulk import Pending, queue_for_bulk
from claims.importing.loader import ClaimImport, ImportedBy
from claims.importing.lookups import Lookups
from claims.importing.records import ClaimRecord, RecordError
from claims.importing.statistics import PlannerStatistics
from claims.services.bulk import claims_create_bulk
from claims.services.persistence import history_reason
from claims.services.rescoring import rescoring_deferred

# Each batch costs some twenty statements whatever its size; a batch with a bad record in it is
# written again one by one. 500 records: 2,400 appearances/s, against 2,050 at 200 (docs/performance.md).
BULK_SIZE = 500


MAX_LISTED = 100  # claims named by id in a report, of each kind: the rest are counted


@dataclass
class ImportReport:
    source: str
    importer: ImportedBy
    dry_run: bool = False
    records: int = 0
    imported: int = 0
    failures: list[RecordError] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    rescored: int = 0
    # The claims the run created, updated or found unchanged: the first MAX_LISTED of each, by id.
    claim_ids: dict[str, list[int]] = field(default_factory=lambda: {"created": [], "updated": [], "unchanged": []})
    rolled_back: set[int] = field(default_factory=set)
    scored_on_write: set[int] = field(default_factory=set)  # bulk-written claims, scored as they went in
    seconds: float = 0.0
    on_failure: Callable[[RecordError], None] | None = field(default=None, repr=False)

    @property
    def appearances_per_second(self) -> float:
        written = self.counts["appearances created"] + self.counts["appearances updated"]
        return written / self.seconds if self.seconds else 0.0

    def listed(self, what: str, claim_id: int) -> None:
        if len(self.claim_ids[what]) < MAX_LISTED:
            self.claim_ids[what].append(claim_id)

    def fail(self, failure: RecordError) -> None:
        self.failures.append(failure)
        if self.on_failure is not None:
            self.on_failure(failure)


def _import_one(record: ClaimRecord, lookups: Lookups, report: ImportReport) -> None:
    lookups.begin(record)
    importer = ClaimImport(record, lookups, importer=report.importer)
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
        report.fail(exc)
        if importer.created:
            report.rolled_back.add(importer.claim.pk)  # its rescoring would find no row
        return
    lookups.commit()
    report.imported += 1
    report.counts.update(counts)
    what = next((what for what in ("created", "updated") if counts.get(f"claims {what}")), "unchanged")
    report.listed(what, importer.claim.pk)


def _write_pending(pending: Pending, lookups: Lookups, report: ImportReport) -> None:
    try:
        with transaction.atomic():
            existing = pending.take_existing()
    except DatabaseError:
        # A value the database cannot even compare (a NUL byte on PostgreSQL): let each record find out.
        existing = pending.records
        pending.clear()
    if pending.items:
        _write_bulk(pending, lookups, report)
    for record in existing:
        _import_one(record, lookups, report)
    pending.clear()


def _write_bulk(pending: Pending, lookups: Lookups, report: ImportReport) -> None:
    try:
        with transaction.atomic():
            claims = claims_create_bulk(items=pending.items, by=report.importer.by)
    except (DomainError, DatabaseError):
        for record in pending.records:
            _import_one(record, lookups, report)
    else:
        report.scored_on_write.update(claim.pk for claim in claims)
        for claim in claims:
            report.listed("created", claim.pk)
        report.imported += len(pending.items)
        report.counts["claims created"] += len(pending.items)
        for item in pending.items:
            report.counts["appearances created"] += len(item.appearances)
            report.counts["citations created"] += len(item.citations)
            report.counts["evidence created"] += len(item.evidence)


def import_records(
    records: Iterable[ClaimRecord | RecordError],
    *,
    source: str,
    by: AbstractBaseUser | None = None,
    origin: str = "",
    dry_run: bool = False,
    on_failure: Callable[[RecordError], None] | None = None,
    on_record: Callable[[], None] | None = None,
    commit_every: int | None = None,
    on_commit: Callable[[ImportReport], None] | None = None,
) -> ImportReport:
    """Import what the reader yields, as `by` (None: the system); `on_failure` hears of each bad
    record when it is found. `origin` is what the history and the review steps say of the run
    ("Loaded by manage.py import_claims from claims.jsonl"; by default "Imported from SOURCE").

    By default the run is one transaction. With `commit_every`, each group of that many
    records is a transaction of its own, rescored before it commits, and `on_commit` hears
    of each: what a background job does, so that its progress shows and a worker stopped
    half-way leaves committed groups that a second run finds again (re-importing is safe).
    """
    importer = ImportedBy(by=by, origin=origin or f"Imported from {source}")
    report = ImportReport(source=source, importer=importer, dry_run=dry_run, on_failure=on_failure)
    lookups, pending = Lookups(by=by), Pending()
    started = time.perf_counter()
    items = iter(records)
    group = None if dry_run else commit_every
    more = True
    while more:
        with transaction.atomic(), history_reason(importer.origin):
            more = _import_group(items, group, lookups, pending, report, on_record)
            if dry_run:
                transaction.set_rollback(True)
        if on_commit is not None:
            on_commit(report)
    report.counts.update(+lookups.counts)
    report.failures.sort(key=lambda failure: failure.line)
    report.seconds = time.perf_counter() - started
    return report


def _import_group(
    items: Iterator[ClaimRecord | RecordError],
    size: int | None,
    lookups: Lookups,
    pending: Pending,
    report: ImportReport,
    on_record: Callable[[], None] | None,
) -> bool:
    """Import up to `size` records (all, if None) in the current transaction; False once none are left."""
    statistics = PlannerStatistics()
    taken = 0
    with rescoring_deferred() as touched:
        for item in items:
            report.records += 1
            taken += 1
            if isinstance(item, RecordError):
                report.fail(item)
            elif queue_for_bulk(item, lookups, pending, importer=report.importer):
                if len(pending.items) >= BULK_SIZE:
                    _write_pending(pending, lookups, report)
            else:
                _write_pending(pending, lookups, report)
                _import_one(item, lookups, report)
            statistics.written(report.counts["appearances created"])
            if on_record is not None:
                on_record()
            if size is not None and taken >= size:
                break
        else:
            size = None  # the reader is done
        _write_pending(pending, lookups, report)
    report.rescored += len((touched | report.scored_on_write) - report.rolled_back)
    report.scored_on_write.clear()
    report.rolled_back.clear()
    return size is not None
