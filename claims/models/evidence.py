from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from claims.choices import Stance
from claims.models.base import ClaimRowQuerySet, Timestamped, Withdrawable
from claims.models.fields import at_most


class StatusEvidence(Timestamped, Withdrawable):
    """A dated statement confirming or denying responsibility; the latest one sets the status."""

    # Served by evidence_claim_idx below.
    claim = models.ForeignKey("claims.Claim", on_delete=models.PROTECT, related_name="evidence", db_index=False)
    stance = models.CharField(max_length=10, choices=Stance.choices)
    actor = models.ForeignKey("claims.Actor", null=True, blank=True, on_delete=models.PROTECT, related_name="evidence")
    date = models.DateField()
    appearance = models.ForeignKey(
        "claims.Appearance", null=True, blank=True, on_delete=models.PROTECT, related_name="evidence"
    )
    url = models.URLField(max_length=2000, blank=True)
    note = models.TextField(blank=True, validators=at_most(2000))
    source_document = models.CharField(max_length=200, blank=True)
    external_ref = models.CharField(max_length=200, unique=True, null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ClaimRowQuerySet.as_manager()
    # Read per claim and per piece of evidence only (see Claim.history).
    history = HistoricalRecords(no_db_index=["actor", "appearance", "created_by", "withdrawn_by", "external_ref"])

    class Meta:
        verbose_name_plural = "status evidence"
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["claim", "date", "id"], name="evidence_claim_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(stance__in=Stance.values),
                name="evidence_stance_valid",
                violation_error_message='Stance must be "confirms" or "denies".',
            ),
            models.CheckConstraint(
                condition=models.Q(appearance__isnull=False) | ~models.Q(url=""),
                name="evidence_is_sourced",
                violation_error_message="Evidence must point to an appearance or a url.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_stance_display()} ({self.date:%Y-%m-%d})"
