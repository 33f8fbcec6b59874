from django.db import models

from claims.choices import ResponsibilityStatus, ReviewState


class ClaimOrigin(models.Model):
    """One claim that one outlet originated — it has a current appearance of it that cites
    nothing current (SPEC §5) — with the claim's review state and status as last counted.

    Kept by the database, as ClaimOutlet is (migration 0022_track_records): every statement
    that writes appearances, citations or claims recounts the pairs it touched, and what moved
    goes into TrackRecordEntry. The review state and status are the ones the outlet's track
    record counted the claim under, so that a change of either is taken out where it was put.
    """

    pk = models.CompositePrimaryKey("claim_id", "outlet_id")
    # No foreign-key constraints, as for ClaimOutlet: the triggers write pairs of existing rows.
    claim = models.ForeignKey(
        "claims.Claim", on_delete=models.DO_NOTHING, related_name="origin_links", db_constraint=False, db_index=False
    )
    outlet = models.ForeignKey(
        "claims.Outlet", on_delete=models.DO_NOTHING, related_name="origin_links", db_constraint=False, db_index=False
    )
    review_state = models.CharField(max_length=20, choices=ReviewState.choices, editable=False)
    status = models.CharField(max_length=20, choices=ResponsibilityStatus.choices, editable=False)

    def __str__(self) -> str:
        return f"claim {self.claim_id} originated by outlet {self.outlet_id}"


class TrackRecordEntry(models.Model):
    """A number of claims to add to (or, negative, take from) one outlet's track record in one
    review state and status. The record is the sum of the outlet's entries.

    Written by the triggers that keep ClaimOrigin, one entry per statement and key that moved:
    writers only ever insert, so two imports touching the busiest outlet never wait for each
    other on a counter row (nor deadlock taking two in opposite orders). The periodic
    compaction (claims.services.track_records) folds each key's entries into one, so a read
    sums a handful of rows whatever the size of the tables (docs/performance.md).
    """

    outlet = models.ForeignKey(
        "claims.Outlet", on_delete=models.DO_NOTHING, related_name="+", db_constraint=False, db_index=False
    )
    review_state = models.CharField(max_length=20, choices=ReviewState.choices, editable=False)
    status = models.CharField(max_length=20, choices=ResponsibilityStatus.choices, editable=False)
    claims = models.IntegerField()

    class Meta:
        indexes = [models.Index(fields=["outlet", "review_state", "status"], name="track_record_outlet_idx")]

    def __str__(self) -> str:
        return f"outlet {self.outlet_id}: {self.claims:+d} {self.review_state} {self.status}"
