from datetime import date

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from claims.choices import AffiliationRelation
from claims.models.base import CurrentQuerySet, Timestamped, Withdrawable
from claims.models.fields import at_most


def in_force_on(day: date | models.Expression) -> models.Q:
    """Affiliations in force on `day`, a date or an expression such as OuterRef("published_on");
    open ends are unbounded. `claims.scoring.independence.Tie.holds_on` is the same rule in
    Python, for ties already read (tests/scoring/test_ties_in_force.py holds the two equal)."""
    return (models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=day)) & (
        models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=day)
    )


class AffiliationQuerySet(CurrentQuerySet):
    def valid_on(self, day: date) -> "AffiliationQuerySet":
        """Current affiliations in force on `day`."""
        return self.current().filter(in_force_on(day))


class Affiliation(Timestamped, Withdrawable):
    """A sourced statement that an outlet is tied to an actor, over a span of dates.

    It is never a bare label: `stated_by_outlet` or `stated_by_url` says who says so.
    """

    outlet = models.ForeignKey("claims.Outlet", on_delete=models.PROTECT, related_name="affiliations")
    actor = models.ForeignKey("claims.Actor", on_delete=models.PROTECT, related_name="affiliations")
    relation = models.CharField(max_length=20, choices=AffiliationRelation.choices)
    stated_by_outlet = models.ForeignKey(
        "claims.Outlet",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="affiliations_stated",
    )
    stated_by_url = models.URLField(max_length=2000, blank=True)
    quote = models.TextField(
        blank=True, validators=at_most(4000), help_text="The words of the source that states the tie."
    )
    source_document = models.CharField(max_length=200, blank=True)
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    external_ref = models.CharField(max_length=200, unique=True, null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = AffiliationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["outlet__name", "actor__name"]
        indexes = [models.Index(fields=["outlet", "actor"]), models.Index(fields=["actor", "outlet"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(relation__in=AffiliationRelation.values),
                name="affiliation_relation_valid",
                violation_error_message="Unknown relation.",
            ),
            models.CheckConstraint(
                condition=models.Q(valid_from__isnull=True)
                | models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="affiliation_valid_span",
                violation_error_message="valid_to must not be before valid_from.",
            ),
            models.CheckConstraint(
                condition=models.Q(stated_by_outlet__isnull=False) | ~models.Q(stated_by_url=""),
                name="affiliation_is_sourced",
                violation_error_message="An affiliation must say who states it: stated_by_outlet or stated_by_url.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.outlet} {self.get_relation_display().lower()} {self.actor}"
