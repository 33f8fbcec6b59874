from django.db import models
from simple_history.models import HistoricalRecords

from claims.choices import OutletKind, Reliability
from claims.models.base import Timestamped
from claims.models.fields import ALIASES, at_most


class Outlet(Timestamped):
    """A publisher: one newspaper, channel, website, agency, think tank or account."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    aliases = models.JSONField(
        default=list, blank=True, validators=[ALIASES], help_text="Other spellings and transliterations."
    )
    kind = models.CharField(max_length=20, choices=OutletKind.choices, default=OutletKind.OTHER)
    country = models.CharField(max_length=100, blank=True)
    language = models.CharField(max_length=35, blank=True, help_text="BCP 47 tag, e.g. ar, en, fa.")
    url = models.URLField(max_length=2000, blank=True)
    domain = models.CharField(max_length=253, blank=True, db_index=True)
    reliability = models.CharField(max_length=1, choices=Reliability.choices, default=Reliability.F, db_index=True)
    reliability_note = models.TextField(blank=True, validators=at_most(2000))
    # Name and aliases folded for search (lower case, transliterated); kept by the services.
    search_names = models.TextField(blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["search_names"])

    class Meta:
        ordering = ["name"]
        permissions = [("set_outlet_reliability", "Can set an outlet's reliability grade")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reliability__in=Reliability.values),
                name="outlet_reliability_valid",
                violation_error_message="Reliability must be one of the Admiralty grades A, B, C, D, E or F.",
            ),
        ]

    def __str__(self) -> str:
        return self.name
