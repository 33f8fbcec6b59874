from django.db import models
from simple_history.models import HistoricalRecords

from claims.models.base import Timestamped
from claims.models.fields import at_most


class Event(Timestamped):
    """Something that happened (an attack, a statement); claims attribute it to actors."""

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=320, unique=True)
    date = models.DateField(null=True, blank=True, db_index=True)
    location = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True, validators=at_most(4000))

    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "title"]

    def __str__(self) -> str:
        return self.title
