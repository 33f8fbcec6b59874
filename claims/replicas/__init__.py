"""Reads on PostgreSQL streaming replicas (docs/operations.md, "Read replicas").

`routing.py` decides, per request, whether its reads may go to a replica; `health.py` picks a
replica that answers and is not lagging; `router.py` is the Django database router that asks
both. With no DATABASE_REPLICA_URLS every query goes to the primary, as before.
"""
