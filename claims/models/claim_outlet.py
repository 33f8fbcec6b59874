from django.db import models


class ClaimOutlet(models.Model):
    """One claim that has at least one current appearance by one outlet, with the claim's
    `updated_at` beside it.

    A copy that the application never writes: triggers in the database (migration
    0008_claim_outlets, on SQLite and PostgreSQL) keep it equal to the current appearances
    and to the claims' `updated_at` on every write path alike — the services, bulk
    imports, COPY loads, a manual UPDATE. It serves one read: "the claims this
    outlet carried, most recently changed first" (the `outlet` filter of the
    claim list), which its index answers a page at a time, in order, whatever
    the size of the tables (docs/performance.md).
    """

    pk = models.CompositePrimaryKey("claim_id", "outlet_id")
    # No foreign-key constraints: the triggers insert only pairs of existing rows, and
    # a deferred check per pair would only repeat them on every bulk write.
    claim = models.ForeignKey(
        "claims.Claim", on_delete=models.DO_NOTHING, related_name="outlet_links", db_constraint=False, db_index=False
    )
    outlet = models.ForeignKey(
        "claims.Outlet", on_delete=models.DO_NOTHING, related_name="claim_links", db_constraint=False, db_index=False
    )
    claim_updated_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["outlet", "claim_updated_at", "claim"], name="claim_outlet_sync_idx")]

    def __str__(self) -> str:
        return f"claim {self.claim_id} / outlet {self.outlet_id}"
