from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from claims.choices import ActorRelation
from claims.models.base import CurrentQuerySet, Timestamped, Withdrawable
from claims.models.fields import at_most


class ActorAffiliation(Timestamped, Withdrawable):
    """A sourced statement that one actor speaks for, leads or belongs to another.

    It says in what role a speaker talks: a Pentagon spokesman for the Pentagon, an unnamed
    commander for his operations room. Like an outlet's affiliation it is never a bare label:
    `stated_by_outlet` or `stated_by_url` says who says so. It does not enter the independence
    of origins (SPEC §5), which is about outlets.
    """

    actor = models.ForeignKey("claims.Actor", on_delete=models.PROTECT, related_name="ties")
    body = models.ForeignKey(
        "claims.Actor", on_delete=models.PROTECT, related_name="tied_actors", help_text="The actor spoken for."
    )
    relation = models.CharField(max_length=20, choices=ActorRelation.choices)
    stated_by_outlet = models.ForeignKey(
        "claims.Outlet", null=True, blank=True, on_delete=models.PROTECT, related_name="actor_ties_stated"
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

    objects = CurrentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["actor__name", "body__name"]
        indexes = [
            models.Index(fields=["actor", "body"], name="actor_tie_actor_idx"),
            models.Index(fields=["body", "actor"], name="actor_tie_body_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(relation__in=ActorRelation.values),
                name="actor_tie_relation_valid",
                violation_error_message="Unknown relation.",
            ),
            models.CheckConstraint(
                condition=~models.Q(actor=models.F("body")),
                name="actor_tie_not_self",
                violation_error_message="An actor cannot be tied to itself.",
            ),
            models.CheckConstraint(
                condition=models.Q(valid_from__isnull=True)
                | models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="actor_tie_valid_span",
                violation_error_message="valid_to must not be before valid_from.",
            ),
            models.CheckConstraint(
                condition=models.Q(stated_by_outlet__isnull=False) | ~models.Q(stated_by_url=""),
                name="actor_tie_is_sourced",
                violation_error_message="A tie must say who states it: stated_by_outlet or stated_by_url.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor} {self.get_relation_display().lower()} {self.body}"
