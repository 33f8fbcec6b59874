"""Loading the rows other records point to: outlets (with their grades), actors and events."""

from dataclasses import dataclass, field
from functools import partial

from claims.choices import Reliability
from claims.models import Actor, Event, Outlet
from claims.seeding.files import SeedSet, parse_day
from claims.seeding.sync import CREATED, Tally, seed_record, sync_row
from claims.services.actors import actor_create, actor_update
from claims.services.events import event_create, event_update
from claims.services.outlets import clean_aliases, clean_domain, outlet_create, outlet_update


@dataclass
class Directory:
    """The loaded outlets, actors and events, by slug."""

    outlets: dict[str, Outlet] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)

    def actor(self, slug: str | None) -> Actor | None:
        return self.actors[slug] if slug else None

    def event(self, slug: str | None) -> Event | None:
        return self.events[slug] if slug else None

    def outlet(self, slug: str | None) -> Outlet | None:
        return self.outlets[slug] if slug else None


def outlet_fields(record: dict, grade: dict | None) -> dict:
    """An outlet without a grade in grades.json stays F: reliability cannot be judged."""
    return {
        "name": record["name"].strip(),
        "aliases": clean_aliases(record.get("aliases", [])),
        "kind": record["kind"],
        "country": record.get("country", ""),
        "language": record.get("language", ""),
        "url": record.get("url", ""),
        # Stored as the outlet services write it, so a second load finds it unchanged.
        "domain": clean_domain(record.get("domain", ""), url=record.get("url", "")),
        "reliability": grade["reliability"] if grade else Reliability.F,
        "reliability_note": grade["reliability_note"] if grade else "",
    }


def load_outlets(seeds: SeedSet, tally: Tally) -> dict[str, Outlet]:
    grades = {grade["outlet"]: grade for grade in seeds.grades}
    outlets = {}
    for record in seeds.outlets:
        slug, wanted = record["slug"], outlet_fields(record, grades.get(record["slug"]))
        with seed_record("outlet", slug):
            outlet = Outlet.objects.filter(slug=slug).first()
            if outlet is None:
                outlet = outlet_create(slug=slug, **wanted)
                tally.add("outlets", CREATED)
            else:
                sync_row(tally, "outlets", outlet, wanted, partial(outlet_update, outlet=outlet))
        outlets[slug] = outlet
    return outlets


def actor_fields(record: dict) -> dict:
    return {
        "name": record["name"].strip(),
        "aliases": clean_aliases(record.get("aliases", [])),
        "kind": record["kind"],
        "description": record.get("description", ""),
    }


def load_actors(seeds: SeedSet, tally: Tally) -> dict[str, Actor]:
    actors = {}
    for record in seeds.actors:
        slug, wanted = record["slug"], actor_fields(record)
        with seed_record("actor", slug):
            actor = Actor.objects.filter(slug=slug).first()
            if actor is None:
                actor = actor_create(slug=slug, **wanted)
                tally.add("actors", CREATED)
            else:
                sync_row(tally, "actors", actor, wanted, partial(actor_update, actor=actor))
        actors[slug] = actor
    return actors


def event_fields(record: dict) -> dict:
    return {
        "title": record["title"].strip(),
        "date": parse_day(record.get("date")),
        "location": record.get("location", ""),
        "description": record.get("description", ""),
    }


def load_events(seeds: SeedSet, tally: Tally) -> dict[str, Event]:
    events = {}
    for record in seeds.events:
        slug, wanted = record["slug"], event_fields(record)
        with seed_record("event", slug):
            event = Event.objects.filter(slug=slug).first()
            if event is None:
                event = event_create(slug=slug, **wanted)
                tally.add("events", CREATED)
            else:
                sync_row(tally, "events", event, wanted, partial(event_update, event=event))
        events[slug] = event
    return events


def load_directory(seeds: SeedSet, tally: Tally) -> Directory:
    return Directory(
        outlets=load_outlets(seeds, tally),
        actors=load_actors(seeds, tally),
        events=load_events(seeds, tally),
    )
