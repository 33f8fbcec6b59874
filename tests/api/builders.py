"""Rows of each API resource, built through the services, for tests that need many of them."""

from datetime import date

from claims.models import Claim
from tests.api.conftest import publish
from tests.factories import (
    make_actor,
    make_actor_affiliation,
    make_affiliation,
    make_appearance,
    make_citation,
    make_claim,
    make_event,
    make_evidence,
    make_outlet,
)

RESOURCES = [
    "outlets",
    "actors",
    "affiliations",
    "actor-affiliations",
    "events",
    "claims",
    "appearances",
    "citations",
    "evidence",
]


def rich_claim() -> Claim:
    """A published claim with a subject, an event, a tied origin, a republication and evidence."""
    actor, outlet = make_actor(), make_outlet(reliability="C")
    make_affiliation(outlet, actor)
    claim = make_claim(subject=actor, event=make_event())
    origin = make_appearance(claim, outlet, published_on=date(2021, 10, 1))
    make_citation(make_appearance(claim, published_on=date(2021, 10, 2)), origin)
    make_evidence(claim, actor=actor)
    return publish(claim)


def build_rows(resource: str, count: int) -> None:
    """`count` more rows of the resource, visible to everyone (their claim is published)."""
    if resource == "claims":
        for _ in range(count):
            rich_claim()
        return
    claim = make_claim()
    if resource == "outlets":
        for _ in range(count):
            make_outlet()
    elif resource == "actors":
        for _ in range(count):
            make_actor()
    elif resource == "events":
        for _ in range(count):
            make_event()
    elif resource == "affiliations":
        outlet = make_outlet()
        for _ in range(count):
            make_affiliation(outlet, make_actor(), stated_by_outlet=make_outlet())
    elif resource == "actor-affiliations":
        body = make_actor()
        for _ in range(count):
            make_actor_affiliation(make_actor(), body, stated_by_outlet=make_outlet())
    elif resource == "appearances":
        for _ in range(count):
            make_appearance(claim)
    elif resource == "citations":
        origin = make_appearance(claim, published_on=date(2021, 10, 1))
        for _ in range(count):
            make_citation(make_appearance(claim, published_on=date(2021, 10, 2)), origin)
    elif resource == "evidence":
        for _ in range(count):
            make_evidence(claim, actor=make_actor(), appearance=make_appearance(claim))
    publish(claim)
