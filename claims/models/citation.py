from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from claims.choices import CitationKind
from claims.models.base import ClaimRowQuerySet, Withdrawable
from claims.models.fields import at_most


class Citation(Withdrawable):
    """An edge of a republication chain: `citing` took the claim from `cited`.

    Both ends are appearances of the same claim; `claim` repeats it so a chain
    is read with one indexed filter.
    """

    # claim and cited are served by citation_claim_idx and citation_cited_idx below; citing by
    # citation_unique_current_edge (current citations) and citation_cited_idx (with cited).
    claim = models.ForeignKey("claims.Claim", on_delete=models.PROTECT, related_name="citations", db_index=False)
    citing = models.ForeignKey(
        "claims.Appearance", on_delete=models.PROTECT, related_name="citations_made", db_index=False
    )
    cited = models.ForeignKey(
        "claims.Appearance", on_delete=models.PROTECT, related_name="citations_received", db_index=False
    )
    kind = models.CharField(max_length=20, choices=CitationKind.choices, default=CitationKind.CITED)
    note = models.TextField(blank=True, validators=at_most(2000))
    # Not indexed: only deleting a user reads it (see Appearance.created_by).
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClaimRowQuerySet.as_manager()
    # Read per claim and per citation only (see Claim.history).
    history = HistoricalRecords(no_db_index=["citing", "cited", "created_by", "withdrawn_by"])

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["claim"], name="citation_claim_idx"),
            models.Index(fields=["cited", "citing"], name="citation_cited_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(citing=models.F("cited")),
                name="citation_not_self",
                violation_error_message="An appearance cannot cite itself.",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=CitationKind.values),
                name="citation_kind_valid",
                violation_error_message="Unknown citation kind.",
            ),
            models.UniqueConstraint(
                fields=["citing", "cited"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="citation_unique_current_edge",
                violation_error_message="This citation already exists.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.citing_id} {self.kind} {self.cited_id}"
