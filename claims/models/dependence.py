from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from claims.choices import DependenceState
from claims.models.fields import at_most


class OutletDependence(models.Model):
    """Two outlets (the lower id first) that share enough claims to be weighed for dependence
    (SPEC §17): what they share, counted by kind, the posterior the model gives it, and where it
    stands with the reviewers. The counts are rewritten by each run of the job
    (claims/services/dependence_runs.py); the review (confirmed with who and why, or dismissed)
    is a person's and is kept across runs, with its history."""

    first = models.ForeignKey("claims.Outlet", on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey("claims.Outlet", on_delete=models.CASCADE, related_name="+")
    # [carriers, denied, order, reuse, count] rows (claims.dependence.model.PairCounts.as_rows).
    shared_kinds = models.JSONField(default=list)
    lag_days_second_after = models.BigIntegerField(default=0)
    lag_days_first_after = models.BigIntegerField(default=0)
    shared_claims = models.PositiveIntegerField(default=0)
    shared_denied = models.PositiveIntegerField(default=0)
    # The posterior probability that the two are dependent, and that the second copies the first.
    score = models.FloatField(default=0.0)
    second_copies_first = models.FloatField(default=0.5)
    # What a reader is shown: the counts behind the score, in numbers and words.
    evidence = models.JSONField(default=dict)
    # Whether a citation or a shared patron already records the dependence (then nothing is learned).
    recorded = models.BooleanField(default=False)
    # The percentage by which confidence counts the later voice less (0: none), as scoring reads it.
    discount = models.PositiveSmallIntegerField(default=0)
    state = models.CharField(max_length=20, choices=DependenceState.choices, default=DependenceState.SUGGESTED)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True, validators=at_most(2000))
    # The shared and shared-denied counts when it was dismissed: it is suggested again only past them.
    dismissed_shared = models.PositiveIntegerField(default=0)
    dismissed_denied = models.PositiveIntegerField(default=0)
    computed_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords(
        excluded_fields=[
            "shared_kinds", "lag_days_second_after", "lag_days_first_after", "evidence", "computed_at",
        ]
    )  # fmt: skip

    class Meta:
        ordering = ["-score", "id"]
        indexes = [
            models.Index(fields=["-score", "id"], name="dependence_score_idx"),
            models.Index(fields=["first", "-score"], name="dependence_first_idx"),
            models.Index(fields=["second", "-score"], name="dependence_second_idx"),
            models.Index(fields=["state", "-score"], name="dependence_state_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="dependence_unique_pair"),
            models.CheckConstraint(condition=models.Q(first__lt=models.F("second")), name="dependence_pair_ordered"),
            models.CheckConstraint(condition=models.Q(state__in=DependenceState.values), name="dependence_state_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.outlet_id} ~ {self.depends_on_id} ({self.score:.2f})"

    @property
    def copier_is_second(self) -> bool:
        return self.second_copies_first >= 0.5

    @property
    def outlet_id(self) -> int:
        """The outlet that likely depends on the other (the copier)."""
        return self.second_id if self.copier_is_second else self.first_id

    @property
    def depends_on_id(self) -> int:
        return self.first_id if self.copier_is_second else self.second_id

    @property
    def outlet(self) -> "models.Model":
        return self.second if self.copier_is_second else self.first

    @property
    def depends_on(self) -> "models.Model":
        return self.first if self.copier_is_second else self.second


class DependenceItem(models.Model):
    """The outlets that carried one claim when dependence was last counted: the inverted index by
    claim, kept so that the incremental path knows whom a claim's change concerns, those it lost
    included. Only claims that can make a pair are kept (two to DEPENDENCE_POPULAR_FROM outlets)."""

    claim_id = models.BigIntegerField(primary_key=True)
    outlets = models.JSONField(default=list)

    def __str__(self) -> str:
        return f"claim {self.claim_id}: {self.outlets}"


class DependenceRun(models.Model):
    """One recompute of dependence, full or incremental, done by its job's tasks (SPEC §12):
    planned (what changed since the last run read the corpus), counted in blocks, then weighed."""

    job = models.OneToOneField("claims.Job", on_delete=models.CASCADE, related_name="dependence_run")
    full = models.BooleanField(default=False)
    # Claims asked for by name (those of an import), besides what changed since the last run.
    claim_ids = models.JSONField(default=list, blank=True)
    # The outlets whose pairs this run recounts (null: all of them); set when planned.
    outlet_ids = models.JSONField(null=True, blank=True)
    # When the run began reading the corpus: the next incremental run looks at what changed after it.
    read_from = models.DateTimeField(null=True, blank=True)
    planned = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{'full' if self.full else 'incremental'} dependence run {self.pk}"


class DependenceBlock(models.Model):
    """The outlets of a run whose pairs one task counts; deleted when counted: the rows left are
    the work left."""

    run = models.ForeignKey(DependenceRun, on_delete=models.CASCADE, related_name="blocks")
    number = models.PositiveIntegerField()
    outlet_ids = models.JSONField(default=list)

    class Meta:
        ordering = ["run", "number"]
        constraints = [models.UniqueConstraint(fields=["run", "number"], name="dependence_block_unique_number")]

    def __str__(self) -> str:
        return f"run {self.run_id} block {self.number}"
