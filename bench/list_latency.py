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


def halfway_cursor() -> str:
    """The `next` cursor a consumer holds half-way through paging the whole list."""
    from claims.api.pagination import encode_cursor, sort_keys
    from claims.selectors.claims import claim_summaries

    rows = claim_summaries(user=None)
    middle = rows[rows.count() // 2]
    return encode_cursor(sort_keys(rows), middle)


def variants() -> dict[str, str]:
    """Filter values drawn from the data: a mid-list published claim's subject, outlet and a word of
    it; the outlet that carried the most claims; and a page half-way through the whole list."""
    from django.db.models import Count

    from claims.models import Appearance, Claim, ClaimOutlet

    published = Claim.objects.filter(review_state="published", subject__isnull=False).order_by("id")
    total = published.count()
    sample = published.select_related("subject")[total // 2] if total else None
    found = {"none": ""}
    if sample is None:
        return found
    outlet = Appearance.objects.filter(claim=sample).select_related("outlet").order_by("id").first()
    word = max(sample.text.replace(",", " ").replace(".", " ").split(), key=len)
    busiest = ClaimOutlet.objects.values("outlet__slug").annotate(n=Count("claim")).order_by("-n", "outlet")[0]
    found["min_confidence"] = "min_confidence=60"
    found["actor"] = f"actor={sample.subject.slug}"
    if outlet is not None:
        found["outlet"] = f"outlet={outlet.outlet.slug}"
    found["busiest_outlet"] = f"outlet={busiest['outlet__slug']}"
    found["q"] = f"q={word}"
    found["halfway"] = f"cursor={halfway_cursor()}"
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
