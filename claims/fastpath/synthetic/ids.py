"""Ids assigned in Python, continuing after the largest in each table, so a second run appends.

Knowing every id up front lets appearances, citations and evidence point to
rows that are written in the same COPY batch, without reading anything back.
"""

from itertools import count

from django.db import models
from django.db.models import Max

from claims.models import Actor, Affiliation, Appearance, Citation, Claim, Event, Outlet, StatusEvidence


def after_last(model: type[models.Model]) -> count:
    last = model.objects.aggregate(last=Max("id"))["last"] or 0
    return count(last + 1)


class Ids:
    def __init__(self) -> None:
        self.outlets = after_last(Outlet)
        self.actors = after_last(Actor)
        self.affiliations = after_last(Affiliation)
        self.events = after_last(Event)
        self.claims = after_last(Claim)
        self.appearances = after_last(Appearance)
        self.citations = after_last(Citation)
        self.evidence = after_last(StatusEvidence)
