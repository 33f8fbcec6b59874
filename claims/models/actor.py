from django.db import models
from simple_history.models import HistoricalRecords

from claims.choices import ActorKind
from claims.models.base import Timestamped
from claims.models.fields import ALIASES, at_most


class Actor(Timestamped):
    """A party that can be accused of, claim, confirm or deny an act."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    aliases = models.JSONField(
        default=list, blank=True, validators=[ALIASES], help_text="Other spellings and transliterations."
    )
    kind = models.CharField(max_length=20, choices=ActorKind.choices, default=ActorKind.OTHER)
    description = models.TextField(blank=True, validators=at_most(4000))
    search_names = models.TextField(blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["search_names"])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
