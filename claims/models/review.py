from django.apps import apps
from django.conf import settings
from django.db import models

from claims.choices import ReviewState
from claims.models.fields import at_most
from claims.roles import User


class ReviewTransitionQuerySet(models.QuerySet):
    def visible_to(self, user: User | None) -> "ReviewTransitionQuerySet":
        """Transitions of the claims the user may see, by the one rule in Claim.objects.visible_to."""
        claim = apps.get_model("claims", "Claim")
        return self.filter(claim__in=claim.objects.visible_to(user))


class ReviewTransition(models.Model):
    """One step of a claim through the review workflow: who moved it, when, from, to, why."""

    # Served by transition_claim_idx below.
    claim = models.ForeignKey("claims.Claim", on_delete=models.PROTECT, related_name="transitions", db_index=False)
    from_state = models.CharField(max_length=20, choices=ReviewState.choices)
    to_state = models.CharField(max_length=20, choices=ReviewState.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="review_transitions"
    )
    at = models.DateTimeField(auto_now_add=True)
    comment = models.TextField(blank=True, validators=at_most(2000))

    objects = ReviewTransitionQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["claim", "at"], name="transition_claim_idx")]

    def __str__(self) -> str:
        return f"{self.from_state} -> {self.to_state}"
