"""Fields shared by several models."""

from django.apps import apps
from django.conf import settings
from django.db import models

from claims.models.fields import at_most
from claims.roles import User, is_newsroom


class Timestamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    # No index of its own: claims are listed and synced by it through composite indexes
    # (claim_sync_idx and the like), and no other list orders by it.
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Withdrawable(models.Model):
    """Rows are never deleted; a withdrawn row stays, with who withdrew it and why."""

    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.TextField(blank=True, validators=at_most(2000))
    # Not indexed: only deleting a user reads it (see Appearance.created_by).
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )

    class Meta:
        abstract = True

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None


class CurrentQuerySet(models.QuerySet):
    """Filters shared by withdrawable rows."""

    def current(self) -> "CurrentQuerySet":
        return self.filter(withdrawn_at__isnull=True)

    def visible_to(self, user: User | None) -> "CurrentQuerySet":
        """The newsroom sees withdrawn rows with their reasons; consumers see current rows only."""
        return self if is_newsroom(user) else self.current()


class ClaimRowQuerySet(CurrentQuerySet):
    """Rows that belong to one claim: appearances, citations, evidence."""

    def visible_to(self, user: User | None) -> "ClaimRowQuerySet":
        """Rows of the claims the user may see, by the one rule in Claim.objects.visible_to."""
        claim = apps.get_model("claims", "Claim")
        return super().visible_to(user).filter(claim__in=claim.objects.visible_to(user))
