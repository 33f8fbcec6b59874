"""The outlets, actors, affiliations and events that synthetic claims point to.

Each is generated once, written as rows, and kept in memory in the small shape
the claim generator and the scoring need, so no claim ever reads them back.
"""

import json
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import partial
from itertools import accumulate
from random import Random

from django.utils.text import slugify
from unidecode import unidecode

from claims.choices import ActorKind, AffiliationRelation, OutletKind, Reliability
from claims.fastpath.synthetic import names
from claims.fastpath.synthetic.ids import Ids
from claims.fastpath.synthetic.tables import ACTORS, AFFILIATIONS, EVENTS, OUTLETS, Table
from claims.scoring.derived import names_search_text
from claims.scoring.independence import Tie

FIRST_DAY = date(2012, 1, 1)

# A realistic newsroom directory: most outlets fairly or usually reliable, few A's.
GRADE_WEIGHTS = {
    Reliability.A: 4,
    Reliability.B: 18,
    Reliability.C: 30,
    Reliability.D: 22,
    Reliability.E: 11,
    Reliability.F: 15,
}
OUTLET_PATTERNS: dict[str, list[str]] = {
    OutletKind.NEWSPAPER: ["{w} Daily", "al-{w}", "The {p} Times", "{w} Post", "al-{w} al-Jadid"],
    OutletKind.TV: ["{w} TV", "al-{w} TV", "{w} 24"],
    OutletKind.RADIO: ["Radio {w}", "Voice of {p}"],
    OutletKind.WEBSITE: ["{w} News", "{w} Online", "{p} Observer"],
    OutletKind.NEWS_AGENCY: ["{w} News Agency", "{c} News Agency"],
    OutletKind.THINK_TANK: ["{w} Institute", "Center for {w} Studies"],
    OutletKind.GOVERNMENT: ["{c} Ministry of Information", "{c} Defence Ministry Press Office", "{p} Governorate"],
    OutletKind.SOCIAL_MEDIA: ["{w} Telegram channel", "@{w}_news"],
    OutletKind.WIRE: ["{w} Wire"],
    OutletKind.OTHER: ["{w} Bulletin"],
}
OUTLET_KIND_WEIGHTS = [30, 14, 5, 16, 8, 7, 4, 10, 3, 3]
ACTOR_PATTERNS: dict[str, list[str]] = {
    ActorKind.ARMED_GROUP: [
        "Kata'ib {w}", "Liwa {w}", "{w} Brigades", "Harakat {w}", "Saraya {w}", "{w} Front",
        "Islamic Resistance in {p}", "{w} Movement",
    ],
    ActorKind.COALITION: ["Allies of {p} Operations Room", "{p} Joint Command", "{w} Coalition"],
    ActorKind.STATE: ["{c}", "Republic of {w}", "Kingdom of {w}", "{w} Federation"],
    ActorKind.OFFICIAL: ["{c} Ministry of Defence", "{t} {h}", "{c} Foreign Ministry"],
    ActorKind.PERSON: ["{h}"],
    ActorKind.OTHER: ["{w} Tribal Council", "{p} Local Council", "{w} Security Company"],
}  # fmt: skip
ACTOR_KIND_WEIGHTS = [36, 8, 8, 20, 18, 10]
# Actors of these kinds run or fund outlets; their ties make outlets one voice.
PATRON_KINDS = (ActorKind.STATE, ActorKind.ARMED_GROUP, ActorKind.COALITION, ActorKind.OFFICIAL)
LANGUAGES = ["ar", "ar", "ar", "fa", "en", "fr", "tr", "ku", "he", "ru"]
EVENT_KINDS = [
    "drone attack",
    "rocket attack",
    "car bombing",
    "air strike",
    "ambush",
    "IED attack",
    "shelling",
    "assassination attempt",
    "kidnapping",
    "cyberattack",
    "mortar attack",
    "sabotage",
]
EVENT_TARGETS = [
    "the {p} base", "{p} airport", "a convoy near {p}", "the {p} oil field", "the port of {p}",
    "a checkpoint in {p}", "the {p} power station", "the {p} border crossing", "a market in {p}",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class OutletInfo:
    id: int
    name: str
    reliability: str
    language: str
    domain: str
    search_names: tuple[str, ...]
    ties: tuple[Tie, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorInfo:
    id: int
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventInfo:
    id: int
    title: str
    date: date
    place: str


@dataclass
class Directory:
    """What the claims point to, with the rows to write for it."""

    outlets: list[OutletInfo]
    outlet_weights: list[float]
    actors: list[ActorInfo]
    actor_weights: list[float]
    events: list[EventInfo]
    places: list[str]
    rows: list[tuple[Table, list[tuple]]]

    @property
    def actor_names(self) -> dict[int, str]:
        return {actor.id: actor.name for actor in self.actors}


def stamp(day: date, rng: Random, now: datetime) -> datetime:
    """A moment on `day` (UTC), never after `now`."""
    moment = datetime.combine(day, time(), tzinfo=now.tzinfo) + timedelta(seconds=rng.randrange(86_400))
    return min(moment, now)


def zipf_weights(count: int) -> list[float]:
    """Cumulative weights where a few entries are far more common than the rest."""
    return list(accumulate(1 / (rank + 3) for rank in range(count)))


def pattern_name(rng: Random, patterns: list[str], countries: list[str]) -> str:
    return rng.choice(patterns).format(
        w=names.word(rng), p=names.place(rng), c=rng.choice(countries), t=rng.choice(names.TITLES), h=names.person(rng)
    )


def slug(name: str, pk: int) -> str:
    """The id keeps slugs unique across runs without a lookup."""
    return f"{slugify(unidecode(name))[:200]}-{pk}"


def build_actors(
    rng: Random, ids: Ids, count: int, countries: list[str], now: datetime
) -> tuple[list[tuple[ActorInfo, str]], list[tuple]]:
    kinds = rng.choices(list(ACTOR_PATTERNS), weights=ACTOR_KIND_WEIGHTS, k=count)
    seen: set[str] = set()
    infos, rows = [], []
    for kind in kinds:
        name = names.unique_name(rng, partial(pattern_name, patterns=ACTOR_PATTERNS[kind], countries=countries), seen)
        aliases = names.transliterations(rng, name, rng.choice((1, 2))) if rng.random() < 0.4 else []
        pk = next(ids.actors)
        infos.append((ActorInfo(pk, name, tuple(aliases)), kind))
        description = f"Synthetic {ActorKind(kind).label.lower()}."
        rows.append(
            (
                pk,
                now,
                now,
                name,
                slug(name, pk),
                json.dumps(aliases),
                kind,
                description,
                names_search_text(name, aliases),
            )
        )
    return infos, rows


def build_outlets(
    rng: Random, ids: Ids, count: int, countries: list[str], now: datetime
) -> tuple[list[OutletInfo], list[tuple]]:
    kinds = rng.choices(list(OUTLET_PATTERNS), weights=OUTLET_KIND_WEIGHTS, k=count)
    grades = rng.choices(list(GRADE_WEIGHTS), weights=list(GRADE_WEIGHTS.values()), k=count)
    seen: set[str] = set()
    outlets, rows = [], []
    for kind, grade in zip(kinds, grades, strict=True):
        name = names.unique_name(rng, partial(pattern_name, patterns=OUTLET_PATTERNS[kind], countries=countries), seen)
        aliases = names.transliterations(rng, name, rng.choice((1, 2, 3))) if rng.random() < 0.35 else []
        pk = next(ids.outlets)
        domain = f"{slugify(unidecode(name)).replace('-', '')[:40]}.example"
        language = rng.choice(LANGUAGES)
        country = rng.choice(countries)
        outlets.append(
            OutletInfo(pk, name, grade, language, domain, (name, *aliases))  # ties are added once they exist
        )
        rows.append(
            (pk, now, now, name, slug(name, pk), json.dumps(aliases), kind, country, language, f"https://www.{domain}/",
             domain, grade, f"Synthetic grade {grade}.", names_search_text(name, aliases))
        )  # fmt: skip
    return outlets, rows


def build_affiliations(
    rng: Random, ids: Ids, outlets: list[OutletInfo], patrons: list[ActorInfo], today: date, now: datetime
) -> tuple[list[OutletInfo], list[tuple]]:
    """About half the outlets are tied to one or two patrons; a few patrons hold many outlets."""
    weights = zipf_weights(len(patrons))
    relations = list(AffiliationRelation)
    tied, rows = [], []
    for outlet in outlets:
        count = rng.choices((0, 1, 2), weights=(45, 40, 15))[0]
        ties = []
        for actor in {a.id: a for a in rng.choices(patrons, cum_weights=weights, k=count)}.values():
            pk, relation = next(ids.affiliations), rng.choice(relations)
            # Some ties start or end inside the corpus's span, so independence depends on the date.
            valid_from = (
                None if rng.random() < 0.3 else min(FIRST_DAY + timedelta(days=rng.randrange(-3000, 3500)), today)
            )
            valid_to = None
            if rng.random() < 0.2:
                valid_to = min((valid_from or FIRST_DAY) + timedelta(days=rng.randrange(365, 3000)), today)
            stater = rng.choice(outlets)
            by_outlet = stater.id if rng.random() < 0.7 and stater.id != outlet.id else None
            url = "" if by_outlet else f"https://www.{stater.domain}/reports/affiliation-{pk}"
            words = AffiliationRelation(relation).label.lower()
            quote = f"{outlet.name} is {words} {actor.name}, according to {stater.name}."
            rows.append((pk, now, now, outlet.id, actor.id, relation, by_outlet, url, quote, valid_from, valid_to))
            ties.append(Tie(actor.id, actor.name, valid_from, valid_to))
        tied.append(replace(outlet, ties=tuple(ties)))
    return tied, rows


def build_events(
    rng: Random, ids: Ids, count: int, places: list[str], countries: list[str], today: date, now: datetime
) -> tuple[list[EventInfo], list[tuple]]:
    span = (today - FIRST_DAY).days
    events, rows = [], []
    for _ in range(count):
        pk, day, place = next(ids.events), FIRST_DAY + timedelta(days=rng.randrange(span)), rng.choice(places)
        target = rng.choice(EVENT_TARGETS).format(p=place)
        title = f"{day:%B} {day.day}, {day.year} {rng.choice(EVENT_KINDS)} on {target}"
        location = f"{place}, {rng.choice(countries)}"
        events.append(EventInfo(pk, title, day, place))
        created = stamp(day, rng, now)
        rows.append((pk, created, created, title, slug(title, pk), day, location, f"Synthetic event: the {title}."))
    return events, rows


def build_directory(
    rng: Random, ids: Ids, *, outlets: int, actors: int, events: int, today: date, now: datetime
) -> Directory:
    countries = names.unique_names(rng, lambda r: f"{names.word(r)}{r.choice(['ia', 'an', 'istan', 'land'])}", 25)
    places = names.unique_names(rng, names.place, 2000)
    actor_infos, actor_rows = build_actors(rng, ids, actors, countries, now)
    outlet_infos, outlet_rows = build_outlets(rng, ids, outlets, countries, now)
    patrons = [info for info, kind in actor_infos if kind in PATRON_KINDS][:60]
    outlet_infos, affiliation_rows = build_affiliations(rng, ids, outlet_infos, patrons, today, now)
    event_infos, event_rows = build_events(rng, ids, events, places, countries, today, now)
    rng.shuffle(outlet_infos)  # so the most-used outlets are not the first created
    return Directory(
        outlets=outlet_infos,
        outlet_weights=zipf_weights(len(outlet_infos)),
        actors=[info for info, _ in actor_infos],
        actor_weights=zipf_weights(len(actor_infos)),
        events=event_infos,
        places=places,
        rows=[(OUTLETS, outlet_rows), (ACTORS, actor_rows), (AFFILIATIONS, affiliation_rows), (EVENTS, event_rows)],
    )
