"""Generating a synthetic corpus of any size for benchmarks (SPEC §11).

Claims are made and written in chunks, so memory stays flat however many are
asked for. Everything is one transaction: a failed run leaves nothing behind.
History rows (django-simple-history) and review transitions are not written:
the corpus is for measuring reads, and they would triple the rows to load.
"""

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from random import Random

from django.db import connection, transaction
from django.utils import timezone

from claims.choices import ReviewState
from claims.fastpath.synthetic.claims import Batch, ClaimFactory, ClaimSpec
from claims.fastpath.synthetic.copiers import plant_copiers
from claims.fastpath.synthetic.directory import build_directory
from claims.fastpath.synthetic.ids import Ids
from claims.fastpath.synthetic.indexes import restore, set_aside
from claims.fastpath.synthetic.tables import APPEARANCES, BULK_TABLES, CITATIONS, CLAIMS, DIRECTORY_TABLES, EVIDENCE
from claims.fastpath.synthetic.writers import CopyWriter, InsertWriter, analyze, reset_sequences, writer_for
from claims.models import Claim, ClaimOrigin, ClaimOutlet, TrackRecordEntry

ORDINARY_SIZES = (3, 4, 5, 6)  # mean 4.5 appearances per claim
VIRAL_SIZES = (1_500, 8_000)
BENCHMARK_CHAIN_SIZES = (100, 1_000, 10_000)
REBUILD_FROM = 20_000  # claims; below this, keeping the indexes up to date is as fast


def chain_ref(size: int) -> str:
    """How the benchmarks find the claim with exactly `size` appearances."""
    return f"synthetic-chain-{size}"


def default_chain_sizes(claims: int) -> tuple[int, ...]:
    return BENCHMARK_CHAIN_SIZES if claims >= 10_000 else BENCHMARK_CHAIN_SIZES[:1]


def default_viral(claims: int) -> int:
    return 0 if claims < 1_000 else min(10, 1 + claims // 20_000)


@dataclass
class CorpusReport:
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    # Seconds spent rebuilding indexes and foreign keys, and analysing; None when not done.
    index_seconds: float | None = None
    analyze_seconds: float | None = None
    chain_refs: list[str] = field(default_factory=list)
    refs_taken: list[str] = field(default_factory=list)
    # Planted copiers, as (copier id, source id).
    planted: list[tuple[int, int]] = field(default_factory=list)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    def count(self, table_name: str, n: int) -> None:
        self.rows[table_name] = self.rows.get(table_name, 0) + n


def rebuilds_indexes(claims: int, asked: bool | None) -> bool:
    """Worth it when the run at least doubles a large claims table; only PostgreSQL has the means."""
    if connection.vendor != "postgresql":
        return False
    if asked is not None:
        return asked
    return claims >= max(REBUILD_FROM, Claim.objects.count())


def claim_specs(
    rng: Random, *, claims: int, chain_sizes: tuple[int, ...], viral: int, free_refs: set[str]
) -> Iterator[ClaimSpec]:
    """The benchmark chains first, then the viral claims, then ordinary ones."""
    special = [
        ClaimSpec(
            size=size,
            origin_share=0.05,
            spread_days=30,
            external_ref=chain_ref(size) if chain_ref(size) in free_refs else None,
            spine=True,
            review_state=ReviewState.PUBLISHED,
        )
        for size in chain_sizes
    ]
    special += [
        ClaimSpec(size=rng.randint(*VIRAL_SIZES), origin_share=0.03, spread_days=20, review_state=ReviewState.PUBLISHED)
        for _ in range(viral)
    ]
    yield from special[:claims]
    ordinary = {size: ClaimSpec(size=size) for size in ORDINARY_SIZES}
    for _ in range(claims - len(special)):
        yield ordinary[rng.choice(ORDINARY_SIZES)]


def write_batch(writer: CopyWriter | InsertWriter, batch: Batch, report: CorpusReport) -> None:
    for table, rows in (
        (CLAIMS, batch.claims),
        (APPEARANCES, batch.appearances),
        (CITATIONS, batch.citations),
        (EVIDENCE, batch.evidence),
    ):
        writer.write(table, rows)
        report.count(table.name, len(rows))


def write_claims(
    writer: CopyWriter | InsertWriter,
    factory: ClaimFactory,
    specs: Iterator[ClaimSpec],
    report: CorpusReport,
    *,
    chunk_size: int,
    on_claims: Callable[[int], None],
) -> None:
    """One chunk of claims in memory at a time, whatever the total."""
    batch = Batch()
    for spec in specs:
        factory.add(spec, batch)
        if len(batch.claims) >= chunk_size:
            write_batch(writer, batch, report)
            on_claims(len(batch.claims))
            batch = Batch()
    write_batch(writer, batch, report)
    on_claims(len(batch.claims))


def free_chain_refs(chain_sizes: tuple[int, ...], report: CorpusReport) -> set[str]:
    refs = {chain_ref(size) for size in chain_sizes}
    taken = set(Claim.objects.filter(external_ref__in=refs).values_list("external_ref", flat=True))
    report.chain_refs, report.refs_taken = sorted(refs - taken), sorted(taken)
    return refs - taken


def synthetic_corpus_create(
    *,
    claims: int,
    outlets: int = 300,
    actors: int = 300,
    events: int | None = None,
    chain_sizes: tuple[int, ...] | None = None,
    viral: int | None = None,
    seed: int = 0,
    chunk_size: int = 10_000,
    rebuild_indexes: bool | None = None,
    on_claims: Callable[[int], None] = lambda n: None,
    copiers: int = 0,
    copy_rate: float = 0.6,
    copy_lag_days: int = 1,
    copy_false_rate: float = 0.0,
) -> CorpusReport:
    """Append a synthetic corpus of `claims` claims; `on_claims(n)` is told as each chunk is written.

    `copiers` plants that many outlets copying another's claims undeclared (claims/fastpath/synthetic/
    copiers.py), listed in the report as (copier id, source id).
    `rebuild_indexes` (PostgreSQL): drop the secondary indexes and foreign keys of the claim tables
    for the load and rebuild them after it; None decides by size (see rebuilds_indexes).
    """
    chain_sizes = default_chain_sizes(claims) if chain_sizes is None else chain_sizes
    viral = default_viral(claims) if viral is None else viral
    if claims < len(chain_sizes) + viral:
        raise ValueError(f"{claims} claim(s) cannot hold {len(chain_sizes)} chain(s) and {viral} viral claim(s).")
    started, report = time.monotonic(), CorpusReport()
    rng, today, now = Random(seed), timezone.localdate(), timezone.now()
    with transaction.atomic():
        writer, ids = writer_for(connection), Ids()
        events = events or max(20, claims // 8)
        directory = build_directory(rng, ids, outlets=outlets, actors=actors, events=events, today=today, now=now)
        for table, rows in directory.rows:
            writer.write(table, rows)
            report.count(table.name, len(rows))
        free_refs = free_chain_refs(chain_sizes, report)
        aside = set_aside(connection, BULK_TABLES) if rebuilds_indexes(claims, rebuild_indexes) else None
        planted = plant_copiers(
            rng, copiers, directory.outlets, copy_rate=copy_rate, lag_days=copy_lag_days, false_rate=copy_false_rate
        )
        report.planted = [(copier.copier_id, copier.source_id) for copier in planted]
        factory = ClaimFactory(rng, directory, ids, today=today, now=now, copiers=planted)
        specs = claim_specs(rng, claims=claims, chain_sizes=chain_sizes, viral=viral, free_refs=free_refs)
        write_claims(writer, factory, specs, report, chunk_size=chunk_size, on_claims=on_claims)
        if aside is not None:
            step = time.monotonic()
            restore(connection, aside)
            report.index_seconds = time.monotonic() - step
        reset_sequences(connection, DIRECTORY_TABLES + BULK_TABLES)
    if connection.vendor == "postgresql":
        step = time.monotonic()
        # ClaimOutlet and the track records too: the triggers (or the fills after a big load) wrote them.
        kept = [ClaimOutlet, ClaimOrigin, TrackRecordEntry]
        analyze(connection, [table.model for table in DIRECTORY_TABLES + BULK_TABLES] + kept)
        report.analyze_seconds = time.monotonic() - step
    report.seconds = time.monotonic() - started
    return report
