"""Fresh planner statistics while a large import runs (PostgreSQL).

An import is one transaction, and autovacuum, which analyses a table again once
enough of it has changed, cannot see the rows of a transaction still open. A
large import into a smaller database would therefore go on planning for the
tables as they were: into a new database, sequential scans, once per batch, of
tables it has already grown to hundreds of thousands of rows (docs/performance.md).
So the run analyses the tables it writes itself, each time it has written as many
appearances as they held at their last analysis; ANALYZE counts the rows of its
own transaction. That is a handful of times however large the import, and never
for an import that is small beside what is stored.
"""

from django.db import connection

from claims.models import Appearance, Citation, Claim, ClaimOutlet, StatusEvidence

TABLES = (Claim, Appearance, Citation, StatusEvidence, ClaimOutlet)
FIRST_AFTER = 5_000  # appearances: below this, whatever the plans, a run is quick


class PlannerStatistics:
    def __init__(self) -> None:
        self.enabled = connection.vendor == "postgresql"
        self.stored = self._stored_appearances() if self.enabled else 0  # before the run
        self.next_at = max(FIRST_AFTER, self.stored)

    def _stored_appearances(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = %s::regclass",
                [Appearance._meta.db_table],
            )
            return cursor.fetchone()[0]

    def written(self, appearances: int) -> None:
        """The run has written this many appearances so far."""
        if not self.enabled or appearances < self.next_at:
            return
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {', '.join(quote(model._meta.db_table) for model in TABLES)}")
        # The tables now hold stored + appearances; analyse again once the run has added as many.
        self.next_at = self.stored + 2 * appearances
