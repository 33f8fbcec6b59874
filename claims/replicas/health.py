"""Which replica may serve a request: one that answers and has replayed its primary's writes
to within REPLICA_MAX_LAG_SECONDS. Asked once per request that would read from one, so a
replica stopped or fallen behind is skipped from the next request on, never with an error."""

import random
import time

from django.conf import settings
from django.db import DatabaseError, connections

# A replica's delay behind its primary, in seconds: none when it has replayed all the WAL it
# received; otherwise how long ago the last transaction it replayed committed. NULL when the
# server is not (or no longer) a standby, whose data then follows no primary.
LAG = """
    SELECT CASE
        WHEN NOT pg_is_in_recovery() THEN NULL
        WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
        ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 'infinity')
    END
"""

# alias → monotonic time before which a replica that did not answer is not asked again: a
# replica whose host is gone would otherwise cost each request its connect timeout.
_unreachable_until: dict[str, float] = {}


def replica_lag(alias: str) -> float | None:
    """Seconds `alias` is behind, or None if it cannot serve (unreachable, or not a standby)."""
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute(LAG)
            (lag,) = cursor.fetchone()
    except DatabaseError:
        connections[alias].close()
        _unreachable_until[alias] = time.monotonic() + settings.REPLICA_RETRY_SECONDS
        return None
    return None if lag is None else float(lag)


def serving_replica() -> str | None:
    """A replica fit to serve a request now (spread at random over those that are), or None."""
    now = time.monotonic()
    candidates = [alias for alias in settings.DATABASE_REPLICAS if _unreachable_until.get(alias, 0) <= now]
    random.shuffle(candidates)
    for alias in candidates:
        lag = replica_lag(alias)
        if lag is not None and lag <= settings.REPLICA_MAX_LAG_SECONDS:
            return alias
    return None
