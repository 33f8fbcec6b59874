"""Filling ClaimOutlet after a load that set its triggers aside (claims/models/claim_outlet.py).

Only the synthetic generator's big loads do (claims/fastpath/synthetic/indexes.py): with the
indexes dropped, the triggers would join every batch to the whole appearances table,
so the pairs are counted once, here, before the triggers come back.
"""

from django.db import connection

_FILL = """
    INSERT INTO claims_claimoutlet (claim_id, outlet_id, appearances, claim_updated_at, claim_confidence,
        claim_first_reported)
    SELECT a.claim_id, a.outlet_id, count(*), c.updated_at, c.confidence, c.first_reported
    FROM claims_appearance a JOIN claims_claim c ON c.id = a.claim_id
    WHERE a.id >= %s AND a.withdrawn_at IS NULL
    GROUP BY a.claim_id, a.outlet_id, c.updated_at, c.confidence, c.first_reported
    ON CONFLICT (claim_id, outlet_id)
    DO UPDATE SET appearances = claims_claimoutlet.appearances + excluded.appearances
"""


def claim_outlets_fill(*, appearances_from: int) -> None:
    """Count the appearances from this id on into their pairs, as the triggers would have."""
    with connection.cursor() as cursor:
        cursor.execute(_FILL, [appearances_from])
