from django.db import models

# The last id a claim can have (a 64-bit key): the range of a refresh not yet planned.
LAST_CLAIM_ID = 2**63 - 1


class ScoreRefresh(models.Model):
    """A change that reaches many claims (an outlet's grade or names, an actor's names, an
    affiliation) and whose rescoring runs in the background (SPEC §6.6, §12).

    Its scope is every claim the outlet reported, or every claim about, confirmed by or
    reported by an outlet tied to the actor. Until each of them is rescored it says
    `scores_pending` (claims.selectors.pending), with `reason` in words.
    """

    job = models.ForeignKey("claims.Job", on_delete=models.CASCADE, related_name="score_refreshes")
    outlet = models.ForeignKey("claims.Outlet", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey("claims.Actor", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(
        max_length=500, editable=False, help_text='e.g. "outlet Al-Akhbar was regraded from C to D"'
    )
    # Whether names changed (and with them what search reads), or scores alone (a grade, a tie).
    names_changed = models.BooleanField(default=True)
    planned = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outlet__isnull=False, actor__isnull=True)
                | models.Q(outlet__isnull=True, actor__isnull=False),
                name="score_refresh_one_scope",
            )
        ]

    def __str__(self) -> str:
        return self.reason


class ScoreBatch(models.Model):
    """The claims of a refresh's scope with ids from `first_claim_id` to `last_claim_id`, still to
    rescore. A batch is deleted when it has run: the rows left are the work left.

    Until the refresh is planned, one batch spans every id. Planning (a task) replaces it with
    batches of about CONFIDENCE_BATCH_SIZE claims, numbered in id order.
    """

    refresh = models.ForeignKey(ScoreRefresh, on_delete=models.CASCADE, related_name="batches")
    number = models.PositiveIntegerField()
    first_claim_id = models.BigIntegerField()
    last_claim_id = models.BigIntegerField()
    # The claims of the scope in this range when it was planned (empty until then). A claim
    # that enters the scope later is rescored by the write that brings it in.
    claim_ids = models.JSONField(default=list)

    class Meta:
        ordering = ["refresh", "number"]
        constraints = [models.UniqueConstraint(fields=["refresh", "number"], name="score_batch_unique_number")]

    def __str__(self) -> str:
        return f"refresh {self.refresh_id} claims {self.first_claim_id}–{self.last_claim_id}"
