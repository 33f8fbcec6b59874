"""`GET /api/v1/claims/?limit=100`, with and without filters, beside the raw SQL for the same page.

    python -m bench.list_latency [--runs 30]

For each variant the request goes through the whole Django stack in process
(middleware, DRF, filters, serializer, JSON renderer), as an anonymous consumer.
The SQL that request ran is captured and then run again straight on the
driver's connection (psycopg or sqlite3), its rows serialised with json.dumps: the same rows and
columns, with nothing of Django in between. The two are timed in turn, run after run, and the
ratio is API time / SQL time (medians).
"""

import argparse
import json
from dataclasses import dataclass

from bench.setup import django_setup
from bench.timing import Timing, measure_side_by_side


@dataclass(frozen=True)
class ListResult:
    claims: int
    variant: str
    query: str
    api: Timing
    sql: Timing
    queries: int
    rows: int

    @property
    def ratio(self) -> float:
        return self.api.median_ms / self.sql.median_ms if self.sql.median_ms else 0.0

    def line(self) -> str:
        return (
            f"list claims={self.claims} filter={self.variant} rows={self.rows} queries={self.queries}: "
            f"api median {self.api.median_ms:.2f} ms p95 {self.api.p95_ms:.2f} ms | "
            f"sql median {self.sql.median_ms:.2f} ms p95 {self.sql.p95_ms:.2f} ms | ratio {self.ratio:.2f}"
        )


def halfway_cursor(filters: dict | None = None) -> str:
    """The `next` cursor a consumer holds half-way through paging the whole list (so ordered)."""
    from claims.api.pagination import encode_cursor, sort_keys
    from claims.selectors.claims import claim_summaries

    rows = claim_summaries(user=None, filters=filters)
    middle = rows[rows.count() // 2]
    return encode_cursor(sort_keys(rows), middle)


# Popularity ranks of the filter values (1 = the most common). The generator's directory is the
# same at every corpus size, so a rank names about the same share of the claims at each: the 10th
# actor and the 50th outlet carry about 1.5% of them, enough for full pages at 10,000 claims.
ACTOR_RANK, OUTLET_RANK = 10, 50


def variants() -> dict[str, str]:
    """Filter values chosen by rank (see ACTOR_RANK), the busiest outlet, a word of the ranked
    actor's name and one of the median actor's (a word in about 0.1% of claims), and a page
    half-way through the whole list."""
    from django.db.models import Count

    from claims.models import Claim, ClaimOutlet
    from claims.models.claim import PUBLIC

    actors = list(
        Claim.objects.filter(PUBLIC, subject__isnull=False)
        .values_list("subject__slug", "subject__name")
        .annotate(n=Count("id"))
        .order_by("-n", "subject__slug")
    )
    outlets = list(ClaimOutlet.objects.values_list("outlet__slug").annotate(n=Count("claim")).order_by("-n", "outlet"))
    found = {"none": ""}
    if not actors or not outlets:
        return found
    actor_slug, actor_name, _ = actors[min(ACTOR_RANK, len(actors)) - 1]
    median_name = actors[len(actors) // 2][1]
    found["min_confidence"] = "min_confidence=60"
    found["actor"] = f"actor={actor_slug}"
    found["outlet"] = f"outlet={outlets[min(OUTLET_RANK, len(outlets)) - 1][0]}"
    found["busiest_outlet"] = f"outlet={outlets[0][0]}"
    found["q"] = f"q={max(actor_name.split(), key=len)}"
    found["rare_q"] = f"q={max(median_name.split(), key=len)}"
    found["halfway"] = f"cursor={halfway_cursor()}"
    # The outlet filter in the other orderings, and first_reported going up from half-way: each
    # read in order off an index (docs/performance.md, "The outlet filter in every ordering").
    outlet = outlets[min(OUTLET_RANK, len(outlets)) - 1][0]
    found["outlet_confidence"] = f"outlet={outlet}&ordering=-confidence"
    found["outlet_first_reported"] = f"outlet={outlet}&ordering=first_reported"
    found["reported_halfway"] = f"ordering=first_reported&cursor={halfway_cursor({'ordering': 'first_reported'})}"
    return found


def raw_runner(statements: list[str]):
    """Run the captured statements on the driver's own connection (psycopg or sqlite3, no Django
    in between) and serialise the rows; the same connection, so it sees the same data."""
    from django.db import connection

    connection.ensure_connection()
    raw = connection.connection

    def run() -> str:
        pages = []
        cursor = raw.cursor()
        for sql in statements:
            cursor.execute(sql)
            names = [column[0] for column in cursor.description]
            pages.append([dict(zip(names, row, strict=True)) for row in cursor.fetchall()])
        cursor.close()
        return json.dumps(pages, default=str)

    return run


def list_latency(*, runs: int = 30, limit: int = 100) -> list[ListResult]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from claims.models import Claim

    client = Client(HTTP_HOST="localhost")
    claims = Claim.objects.count()
    results = []
    for variant, query in variants().items():
        path = f"/api/v1/claims/?limit={limit}" + (f"&{query}" if query else "")
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}: {response.content[:300]!r}")
        rows, queries = len(response.json()["results"]), len(captured.captured_queries)
        statements = [q["sql"] for q in captured.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")]
        api, sql = measure_side_by_side(lambda path=path: client.get(path).content, raw_runner(statements), runs=runs)
        results.append(ListResult(claims, variant, query, api, sql, queries, rows))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    django_setup()
    for result in list_latency(runs=args.runs):
        print(result.line())


if __name__ == "__main__":
    main()
