"""`import_claims` throughput, in appearances written per second.

    python -m bench.import_throughput --claims 2000 [--appearances 5]

Writes a JSON Lines file of new claims (each with a republication chain over a
pool of outlets, each record defining those it names), imports it through the same code
path as `manage.py import_claims`, and prints one line of figures. Every run
uses fresh external refs, so it can be repeated against the same database.
"""

import argparse
import json
import random
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from bench.setup import django_setup

OUTLETS = 40
KINDS = ["cited", "republished", "quoted", "translated", "paraphrased"]


def _outlet_defs() -> list[dict]:
    grades = "ABCDEF"
    return [
        {"slug": f"bench-outlet-{n}", "name": f"Bench Outlet {n}", "kind": "newspaper", "reliability": grades[n % 6]}
        for n in range(OUTLETS)
    ]


def write_file(path: Path, *, claims: int, appearances: int, run: str, seed: int = 7) -> int:
    """Write the records; return how many appearances they carry."""
    rng = random.Random(seed)
    definitions = _outlet_defs()
    written = 0
    with path.open("w", encoding="utf-8") as out:
        for n in range(claims):
            start = date(2020, 1, 1) + timedelta(days=rng.randrange(1500))
            rows = [
                {
                    "ref": f"a{i}",
                    "outlet": f"bench-outlet-{rng.randrange(OUTLETS)}",
                    "published_on": (start + timedelta(days=i)).isoformat(),
                    "url": f"https://news{i}.example.org/{run}/{n}",
                    "headline": f"Report {n}.{i}",
                    "language": "en",
                }
                for i in range(appearances)
            ]
            # Each later appearance cites one earlier one: a tree rooted in the first.
            citations = [
                {"citing": f"a{i}", "cited": f"a{rng.randrange(i)}", "kind": rng.choice(KINDS)}
                for i in range(1, appearances)
            ]
            record = {
                "external_ref": f"bench-{run}-{n}",
                "text": f"Group {n % 97} was behind attack number {n} ({run}).",
                "kind": "attribution",
                "review_state": "published",
                "appearances": rows,
                "citations": citations,
            }
            # As an export writes it: each record defines the outlets it names (found, not created, after the first).
            used = {row["outlet"] for row in rows}
            record["outlets"] = [d for d in definitions if d["slug"] in used]
            out.write(json.dumps(record) + "\n")
            written += appearances
    return written


@dataclass(frozen=True)
class ImportResult:
    claims: int
    appearances: int
    seconds: float
    failures: int

    @property
    def per_second(self) -> float:
        return self.appearances / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        return (
            f"import: {self.claims} claims, {self.appearances} appearances in {self.seconds:.2f} s = "
            f"{self.per_second:,.0f} appearances/s ({self.failures} failed records)"
        )


def import_throughput(*, claims: int, appearances: int = 5) -> ImportResult:
    from claims.importing.jsonl import read_jsonl
    from claims.importing.run import import_records

    run = f"{time.time_ns():x}"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.jsonl"
        total = write_file(path, claims=claims, appearances=appearances, run=run)
        started = time.perf_counter()
        with path.open("rb") as stream:
            report = import_records(read_jsonl(stream), source=path.name)
        seconds = time.perf_counter() - started
    return ImportResult(claims=claims, appearances=total, seconds=seconds, failures=len(report.failures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=2000)
    parser.add_argument("--appearances", type=int, default=5)
    args = parser.parse_args()
    django_setup()
    print(import_throughput(claims=args.claims, appearances=args.appearances).line())


if __name__ == "__main__":
    main()
