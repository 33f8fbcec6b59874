"""Folding outlets' track-record entries (claims/models/track_record.py).

The triggers only ever add entries, one per statement and key that moved, so that writers
never wait on each other's counters; left alone, an outlet's record would be a sum over
every write that ever touched it. Celery beat runs this every TRACK_RECORD_COMPACT_SECONDS
(`claims.compact_track_records`): each key's entries become one, and a read sums at most one
row per review state and status, plus what was written since.
"""

from django.db import connection, transaction

# The rows taken and the row that replaces them in one statement: a writer's entry committed
# while it runs is either among those deleted (and summed) or left for the next time, never lost.
_POSTGRES = """
    WITH taken AS (DELETE FROM claims_trackrecordentry RETURNING outlet_id, review_state, status, claims)
    INSERT INTO claims_trackrecordentry (outlet_id, review_state, status, claims)
    SELECT outlet_id, review_state, status, sum(claims) FROM taken
    GROUP BY outlet_id, review_state, status HAVING sum(claims) <> 0
"""
# SQLite has one writer at a time: what is summed is what is deleted.
_SQLITE = [
    "CREATE TEMP TABLE track_record_sums AS SELECT outlet_id, review_state, status, sum(claims) AS claims, "
    "max(id) AS last FROM claims_trackrecordentry GROUP BY outlet_id, review_state, status",
    "DELETE FROM claims_trackrecordentry WHERE id <= (SELECT max(last) FROM track_record_sums)",
    "INSERT INTO claims_trackrecordentry (outlet_id, review_state, status, claims) "
    "SELECT outlet_id, review_state, status, claims FROM track_record_sums WHERE claims <> 0",
    "DROP TABLE track_record_sums",
]


def track_records_compact() -> int:
    """Fold every outlet's entries into one per review state and status; the entries left."""
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in [_POSTGRES] if connection.vendor == "postgresql" else _SQLITE:
            cursor.execute(statement)
        cursor.execute("SELECT count(*) FROM claims_trackrecordentry")
        return cursor.fetchone()[0]
