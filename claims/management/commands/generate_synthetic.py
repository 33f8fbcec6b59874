"""manage.py generate_synthetic --claims N [--seed S] [--chain-sizes 100,1000,10000] ...

Appends a synthetic corpus for benchmarks (docs/synthetic.md). Rows are
written straight to the tables (COPY on PostgreSQL) with their confidence
already computed; no history rows are recorded for them.
"""

from argparse import ArgumentTypeError, BooleanOptionalAction

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from claims.fastpath.synthetic import CorpusReport, synthetic_corpus_create


def sizes(value: str) -> tuple[int, ...]:
    """ "100,1000,10000"; an empty value or "none" means no benchmark chains."""
    if value.strip().lower() in ("", "none"):
        return ()
    try:
        parsed = tuple(int(part) for part in value.split(","))
    except ValueError as exc:
        raise ArgumentTypeError(f"expected sizes like 100,1000,10000, got {value!r}") from exc
    if any(size < 1 for size in parsed):
        raise ArgumentTypeError("every chain size must be at least 1")
    return parsed


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ArgumentTypeError("must be at least 1")
    return number


def summary(report: CorpusReport) -> str:
    counts = ", ".join(f"{table.removeprefix('claims_')}: {n:,}" for table, n in report.rows.items())
    rate = report.total_rows / report.seconds if report.seconds else 0
    lines = [f"Wrote {report.total_rows:,} rows in {report.seconds:.1f} s ({rate:,.0f} rows/s): {counts}."]
    if report.index_seconds is not None:
        lines.append(f"Indexes and foreign keys rebuilt in {report.index_seconds:.1f} s.")
    if report.analyze_seconds is not None:
        lines.append(f"Tables analysed in {report.analyze_seconds:.1f} s.")
    if report.chain_refs:
        lines.append(f"Benchmark chains: {', '.join(report.chain_refs)}.")
    if report.refs_taken:
        lines.append(f"Already present, so this run's claims of those sizes have no reference: "
                     f"{', '.join(report.refs_taken)}.")  # fmt: skip
    return "\n".join(lines)


class Command(BaseCommand):
    help = (
        "Append a synthetic corpus of N claims with outlets, actors, affiliations, events, appearances, "
        "citations and evidence, for benchmarks. Confidence and the other derived columns are computed as "
        "rescoring would. No django-simple-history rows or review transitions are written for synthetic data."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--claims", type=positive, required=True, help="How many claims to generate.")
        parser.add_argument("--seed", type=int, default=0, help="Same seed, same corpus (default 0).")
        parser.add_argument("--outlets", type=positive, default=300, help="Outlets to create (default 300).")
        parser.add_argument("--actors", type=positive, default=300, help="Actors to create (default 300).")
        parser.add_argument("--events", type=positive, help="Events to create (default: one per 8 claims).")
        parser.add_argument(
            "--chain-sizes",
            type=sizes,
            help="Appearance counts of the benchmark claims, referenced synthetic-chain-<size> "
            "(default 100,1000,10000 from 10,000 claims, else 100).",
        )
        parser.add_argument(
            "--viral", type=int, help="Claims with thousands of appearances (default: 0 under 1,000 claims, up to 10)."
        )
        parser.add_argument("--chunk-size", type=positive, default=10_000, help="Claims written per batch.")
        parser.add_argument(
            "--rebuild-indexes",
            action=BooleanOptionalAction,
            help="PostgreSQL: drop the claim tables' secondary indexes and foreign keys during the load and "
            "rebuild them after it (default: when the run at least doubles the claims, from 20,000). "
            "The tables are locked meanwhile.",
        )
        parser.add_argument("--copiers", type=int, default=0, help="Outlets that copy another's claims uncited.")
        parser.add_argument("--copy-rate", type=float, default=0.6, help="Share of its source a copier takes.")
        parser.add_argument("--copy-lag", type=int, default=1, help="Days a copy follows its source by.")
        parser.add_argument("--copy-false-rate", type=float, default=0.0, help="Share of sources' claims denied.")

    def handle(self, *args: object, **options: object) -> None:
        # The bar goes to stderr, so stdout carries the summary alone.
        with tqdm(
            total=options["claims"], unit=" claims", file=self.stderr._out, disable=options["verbosity"] == 0
        ) as bar:
            try:
                report = synthetic_corpus_create(
                    claims=options["claims"],
                    outlets=options["outlets"],
                    actors=options["actors"],
                    events=options["events"],
                    chain_sizes=options["chain_sizes"],
                    viral=options["viral"],
                    seed=options["seed"],
                    chunk_size=options["chunk_size"],
                    rebuild_indexes=options["rebuild_indexes"],
                    on_claims=bar.update,
                    copiers=options["copiers"],
                    copy_rate=options["copy_rate"],
                    copy_lag_days=options["copy_lag"],
                    copy_false_rate=options["copy_false_rate"],
                )
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
        self.stdout.write(summary(report))
        for copier_id, source_id in report.planted:
            self.stdout.write(f"Planted copier: outlet {copier_id} copies outlet {source_id}")
