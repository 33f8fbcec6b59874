from django.db import models


class ClaimOutlet(models.Model):
    """One claim that has at least one current appearance by one outlet: how many, and the
    claim's `updated_at`, `confidence` and `first_reported` beside them.

    A copy kept by the database: triggers (migration 0008_claim_outlets, on SQLite and
    PostgreSQL) keep it equal to the current appearances and to the claims' `updated_at`
    on every write path alike — the services, bulk imports, COPY loads, a manual UPDATE.
    The application writes it only to fill it after a load that set the triggers aside
    (claims.fastpath.claim_outlets). It serves one read: "the claims this outlet
    carried, most recently changed first" (the `outlet` filter of the claim list), which
    its index answers a page at a time, in order, whatever the size of the tables
    (docs/performance.md). It is a cache of a derivation, as a claim's confidence is, so
    it keeps no history; a database rule here, where STYLE.md keeps rules out of save()
    and signals, because no write path may bypass it.
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
    # Counted, not just present, so that concurrent writers meet on this row's lock: one
    # withdrawing an appearance cannot remove the pair while another adds one.
    appearances = models.IntegerField()
    claim_updated_at = models.DateTimeField()
    # The claim's other orderings (migration 0023_claim_outlet_orderings), so that the outlet
    # filter reads any ordering of the list in order off an index of its own.
    claim_confidence = models.PositiveSmallIntegerField(default=0)
    claim_first_reported = models.DateField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["outlet", "claim_updated_at", "claim"], name="claim_outlet_sync_idx"),
            models.Index(fields=["outlet", "claim_confidence", "claim"], name="claim_outlet_confidence_idx"),
            models.Index(fields=["outlet", "claim_first_reported", "claim"], name="claim_outlet_reported_idx"),
        ]

    def __str__(self) -> str:
        return f"claim {self.claim_id} / outlet {self.outlet_id}"
