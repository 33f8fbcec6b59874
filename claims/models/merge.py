from django.conf import settings
from django.db import models

from claims.models.fields import at_most


class ClaimMerge(models.Model):
    """One claim merged into another (SPEC §15): who did it, why, and every row it moved, so that
    an unmerge puts each of them back exactly (claims/services/merges.py).

    `moved` is {"appearances": [ids], "citations": [ids], "evidence": [ids], "suggestions": [ids]}:
    the rows that were the merged claim's at the merge. A merge is undone once, never deleted.
    """

    merged = models.ForeignKey("claims.Claim", on_delete=models.PROTECT, related_name="merges")
    survivor = models.ForeignKey("claims.Claim", on_delete=models.PROTECT, related_name="merges_taken")
    reason = models.TextField(validators=at_most(2000))
    moved = models.JSONField(default=dict)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )
    merged_at = models.DateTimeField(auto_now_add=True)
    unmerged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )
    unmerged_at = models.DateTimeField(null=True, blank=True)
    unmerge_reason = models.TextField(blank=True, validators=at_most(2000))

    class Meta:
        ordering = ["-merged_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(merged=models.F("survivor")), name="merge_not_into_itself"),
            # A claim is merged once at a time: its open merge is the one an unmerge undoes.
            models.UniqueConstraint(
                fields=["merged"], condition=models.Q(unmerged_at__isnull=True), name="merge_one_open_per_claim"
            ),
        ]

    def __str__(self) -> str:
        return f"claim {self.merged_id} merged into {self.survivor_id}" + (" (undone)" if self.unmerged_at else "")
