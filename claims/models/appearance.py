from collections.abc import Sequence
from datetime import date

from django.apps import apps
from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from claims.models.base import ClaimRowQuerySet, Timestamped, Withdrawable
from claims.models.fields import at_most


class AppearanceQuerySet(ClaimRowQuerySet):
    def known_on(self, day: date | None) -> "AppearanceQuerySet":
        """Current appearances published on or before `day` (all current ones if None)."""
        current = self.current()
        return current if day is None else current.filter(published_on__lte=day)

    def origins(self, *, of_claims: Sequence[int] | None = None) -> "AppearanceQuerySet":
        """Appearances that cite nothing: where a claim enters the record (SPEC §5).

        `of_claims`, when the appearances are those of these claims only, narrows the citations
        looked at to theirs (every citation repeats its claim): PostgreSQL otherwise hashes the
        whole citations table to find the few that matter."""
        citation = apps.get_model("claims", "Citation")
        citing = citation.objects.current().filter(citing=models.OuterRef("pk"))
        if of_claims is not None:
            citing = citing.filter(claim_id__in=of_claims)
        return self.exclude(models.Exists(citing))


class Appearance(Timestamped, Withdrawable):
    """One outlet publishing a claim: an article, broadcast, post or report."""

    # Served by appearance_claim_idx and appearance_outlet_idx below.
    claim = models.ForeignKey("claims.Claim", on_delete=models.PROTECT, related_name="appearances", db_index=False)
    outlet = models.ForeignKey("claims.Outlet", on_delete=models.PROTECT, related_name="appearances", db_index=False)
    published_on = models.DateField()
    url = models.URLField(max_length=2000, blank=True)
    headline = models.CharField(max_length=500, blank=True)
    language = models.CharField(max_length=35, blank=True)
    excerpt = models.TextField(
        blank=True, validators=at_most(4000), help_text="The words of the appearance that carry the claim."
    )
    attributed_source = models.CharField(
        max_length=300, blank=True, help_text='Who the outlet says told it, e.g. "an anonymous US official".'
    )
    author = models.CharField(
        max_length=300, blank=True, help_text="Who wrote it, as the byline names them (read from a captured page)."
    )
    source_document = models.CharField(max_length=200, blank=True)
    external_ref = models.CharField(max_length=200, unique=True, null=True, blank=True)
    # Not indexed: only deleting a user (rare; users are deactivated) looks rows up by it, and
    # then a scan is affordable where an index is paid on every one of millions of inserts.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )

    objects = AppearanceQuerySet.as_manager()
    # Read per claim and per appearance only (see Claim.history).
    history = HistoricalRecords(no_db_index=["outlet", "created_by", "withdrawn_by", "external_ref"])

    class Meta:
        ordering = ["published_on", "id"]
        indexes = [
            models.Index(fields=["claim", "published_on"], name="appearance_claim_idx"),
            models.Index(fields=["outlet", "claim"], name="appearance_outlet_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.outlet} {self.published_on:%Y-%m-%d}"
