"""`GET /api/v1/claims/{id}/chain/` for claims of 100, 1,000 and 10,000 appearances.

    python -m bench.chain_latency [--runs 10] [--sizes 100,1000,10000]

The claims are those `generate_synthetic` makes for the purpose (external_ref
`synthetic-chain-N`); a size the database lacks is reported as missing.
"""

import argparse
from dataclasses import dataclass

from bench.setup import django_setup
from bench.timing import Timing, measure


@dataclass(frozen=True)
class ChainResult:
    size: int
    nodes: int
    edges: int
    queries: int
    timing: Timing

    def line(self) -> str:
        return (
            f"chain appearances={self.size} nodes={self.nodes} edges={self.edges} queries={self.queries}: "
            f"median {self.timing.median_ms:.1f} ms, p95 {self.timing.p95_ms:.1f} ms"
        )


def chain_latency(*, sizes: list[int], runs: int = 10) -> tuple[list[ChainResult], list[int]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from claims.models import Claim

    client = Client(HTTP_HOST="localhost")
    results, missing = [], []
    for size in sizes:
        claim = Claim.objects.filter(external_ref=f"synthetic-chain-{size}").first()
        if claim is None:
            missing.append(size)
            continue
        path = f"/api/v1/claims/{claim.pk}/chain/"
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}: {response.content[:300]!r}")
        body, queries = response.json(), len(captured.captured_queries)
        timing = measure(lambda path=path: client.get(path).content, runs=runs, warmup=1)
        nodes, edges = len(body["nodes"]), len(body["edges"])
        results.append(ChainResult(size, nodes, edges, queries, timing))
    return results, missing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--sizes", default="100,1000,10000")
    args = parser.parse_args()
    django_setup()
    results, missing = chain_latency(sizes=[int(s) for s in args.sizes.split(",")], runs=args.runs)
    for result in results:
        print(result.line())
    for size in missing:
        print(f"chain appearances={size}: missing (run generate_synthetic with --chain-sizes)")


if __name__ == "__main__":
    main()
