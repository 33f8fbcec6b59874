"""Recounting track records after a load that set their triggers aside (claims/models/track_record.py).

As for ClaimOutlet (claims/fastpath/claim_outlets.py): with the indexes dropped the triggers
would join every batch to whole tables, so the big loads of the synthetic generator count
the pairs of the appearances they wrote once, here, before the triggers come back. The
statements are the triggers' own recount, over those pairs.
"""

import importlib

from django.db import connection

_triggers = importlib.import_module("claims.migrations.0022_track_records")


def track_records_fill(*, appearances_from: int) -> None:
    """Recount the pairs of the appearances from this id on, as the triggers would have."""
    pairs = f"SELECT claim_id, outlet_id FROM claims_appearance WHERE id >= {int(appearances_from)}"
    with connection.cursor() as cursor:
        for statement in _triggers.recount(pairs):
            cursor.execute(statement)
