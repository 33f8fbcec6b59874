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

ANALYZE holds a SHARE UPDATE EXCLUSIVE lock on the tables until the import ends:
reads and writes go on, but VACUUM (and autovacuum), CREATE INDEX CONCURRENTLY and
another session's ANALYZE wait for it. So it waits at most LOCK_WAIT for a lock
itself, in a savepoint, and when another import holds them it goes without: two
imports waiting on each other's locks would otherwise deadlock, and one would fail.
"""

from django.db import OperationalError, connection, transaction

from claims.models import Appearance, Citation, Claim, ClaimOutlet, StatusEvidence

TABLES = (Claim, Appearance, Citation, StatusEvidence, ClaimOutlet)
FIRST_AFTER = 5_000  # appearances: below this, whatever the plans, a run is quick
LOCK_WAIT = "100ms"


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
        # The tables will hold stored + appearances; analyse again once the run has added as many.
        self.next_at = self.stored + 2 * appearances
        quote = connection.ops.quote_name
        tables = ", ".join(quote(model._meta.db_table) for model in TABLES)
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT current_setting('lock_timeout')")
                (usual,) = cursor.fetchone()
                cursor.execute("SELECT set_config('lock_timeout', %s, true)", [LOCK_WAIT])
                cursor.execute(f"ANALYZE {tables}")
                cursor.execute("SELECT set_config('lock_timeout', %s, true)", [usual])
        except OperationalError:
            return  # another session holds the tables: plan on the statistics there are
