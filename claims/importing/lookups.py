"""Outlets, actors and events named by an import, found once and kept for the whole run.

A name is looked up in the database the first time it is seen and served from
memory after that: a file of ten thousand appearances from thirty outlets asks
for each outlet once. Rows created for a record that then fails are rolled back
with its savepoint, so `rollback()` forgets what that record added here too.

Unknown outlets, actors and events are created only from the definitions the
record carries (its `outlets`, `actors` and an `event` object); a bare slug
that matches nothing is an error, so a typo never becomes a new outlet. They
are created as the importer (`by`): an editor's file may define outlets, but
not grade them (the reviewer's permission, as in the API).
"""

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Model, QuerySet

from claims.errors import DomainError, InvalidInput
from claims.importing.records import ActorDef, ClaimRecord, EventDef, OutletDef
from claims.models import Actor, Affiliation, Event, Outlet
from claims.services.actors import actor_create
from claims.services.affiliations import affiliation_create
from claims.services.events import event_create
from claims.services.outlets import outlet_create


def _by_slug_or_name(queryset: QuerySet, ref: str, noun: str) -> Model | None:
    found = queryset.filter(slug=ref).first()
    if found is not None:
        return found
    named = list(queryset.filter(name__iexact=ref)[:2])
    if len(named) > 1:
        raise InvalidInput(f'Several {noun}s are named "{ref}"; name the {noun} by its slug.', field=noun)
    return named[0] if named else None


@contextmanager
def defined_as(label: str) -> Iterator[None]:
    """A refusal of a definition names it: the error line then says which outlet's name is too long."""
    try:
        yield
    except DomainError as exc:
        raise type(exc)(f"{label}: {exc.message}", field=exc.field, errors=exc.errors) from exc


class WouldCreate(Exception):
    """Raised instead of creating a row while the lookups only find (see `finding_only`)."""


class Lookups:
    def __init__(self, *, by: AbstractBaseUser | None = None) -> None:
        self.by = by  # who creates what the records define (None: the system)
        self.finding_only = False  # set by a bulk import: a record that would create a row goes one by one
        self.counts: Counter[str] = Counter()
        self._cache: dict[tuple[str, str], Model] = {}
        self._affiliations: dict[int, set[tuple]] = {}
        self._undo: list[Callable[[], None]] = []
        self._outlet_defs: dict[str, OutletDef] = {}
        self._actor_defs: dict[str, ActorDef] = {}

    # One record at a time: its definitions, and what to forget if it fails.

    def begin(self, record: ClaimRecord) -> None:
        self._undo = []
        self._outlet_defs = {d.slug: d for d in record.outlets}
        self._actor_defs = {d.slug: d for d in record.actors}

    def commit(self) -> None:
        self._undo = []

    def rollback(self) -> None:
        for undo in reversed(self._undo):
            undo()
        self._undo = []

    def _remember(self, kind: str, ref: str, row: Model) -> Model:
        key = (kind, ref)
        if key not in self._cache:
            self._cache[key] = row
            self._undo.append(lambda: self._cache.pop(key, None))
        return row

    def _creating(self, noun: str) -> None:
        if self.finding_only:
            raise WouldCreate(noun)

    def _count(self, name: str) -> None:
        self.counts[name] += 1
        self._undo.append(lambda: self.counts.subtract([name]))

    # Outlets, with the affiliations their definitions state.

    def outlet(self, ref: str) -> Outlet:
        definition = self._outlet_defs.get(ref)
        outlet = self._cache.get(("outlet", ref))
        if outlet is None:
            outlet = self._remember("outlet", ref, self._find_or_create_outlet(ref, definition))
        if definition is not None and definition.affiliations:
            self._ensure_affiliations(outlet, definition)
        return outlet

    def _find_or_create_outlet(self, ref: str, definition: OutletDef | None) -> Outlet:
        outlet = _by_slug_or_name(Outlet.objects.all(), ref, "outlet")
        if outlet is not None:
            return outlet
        if definition is None:
            raise InvalidInput(
                f'Unknown outlet "{ref}": no outlet has this slug or name. Add it to the record\'s "outlets" '
                "to create it.",
                field="outlet",
            )
        self._creating("outlet")
        self._count("outlets created")
        with defined_as(f'outlet "{ref}"'):
            return outlet_create(
                name=definition.name,
                slug=definition.slug,
                aliases=definition.aliases,
                kind=definition.kind,
                country=definition.country,
                language=definition.language,
                url=definition.url,
                domain=definition.domain,
                reliability=definition.reliability,
                reliability_note=definition.reliability_note,
                by=self.by,
            )

    def _ensure_affiliations(self, outlet: Outlet, definition: OutletDef) -> None:
        """Add the stated affiliations the outlet lacks; an import never changes or withdraws one."""
        if outlet.pk not in self._affiliations:
            rows = Affiliation.objects.current().filter(outlet=outlet)
            self._affiliations[outlet.pk] = {
                (a.actor_id, a.relation, a.valid_from, a.valid_to)
                for a in rows.only("actor_id", "relation", "valid_from", "valid_to")
            }
            self._undo.append(lambda: self._affiliations.pop(outlet.pk, None))
        known = self._affiliations[outlet.pk]
        for number, tie in enumerate(definition.affiliations, start=1):
            actor = self.actor(tie.actor)
            key = (actor.pk, tie.relation, tie.valid_from, tie.valid_to)
            if key in known:
                continue
            self._creating("affiliation")
            stated_by = self.outlet(tie.stated_by_outlet) if tie.stated_by_outlet else None
            with defined_as(f'outlet "{definition.slug}", affiliation #{number}'):
                affiliation_create(
                    outlet=outlet,
                    actor=actor,
                    relation=tie.relation,
                    stated_by_outlet=stated_by,
                    stated_by_url=tie.stated_by_url,
                    quote=tie.quote,
                    source_document=tie.source_document,
                    valid_from=tie.valid_from,
                    valid_to=tie.valid_to,
                    by=self.by,
                )
            known.add(key)
            self._count("affiliations created")

    def actor(self, ref: str) -> Actor:
        cached = self._cache.get(("actor", ref))
        if cached is not None:
            return cached
        actor = _by_slug_or_name(Actor.objects.all(), ref, "actor")
        definition = self._actor_defs.get(ref)
        if actor is None and definition is None:
            raise InvalidInput(
                f'Unknown actor "{ref}": no actor has this slug or name. Add it to the record\'s "actors" '
                "to create it.",
                field="actor",
            )
        if actor is None:
            self._creating("actor")
            with defined_as(f'actor "{ref}"'):
                actor = actor_create(
                    name=definition.name,
                    slug=definition.slug,
                    aliases=definition.aliases,
                    kind=definition.kind,
                    description=definition.description,
                    by=self.by,
                )
            self._count("actors created")
        return self._remember("actor", ref, actor)

    def event(self, ref: str | EventDef) -> Event:
        if isinstance(ref, str):
            cached = self._cache.get(("event", ref)) or Event.objects.filter(slug=ref).first()
            if cached is None:
                raise InvalidInput(
                    f'Unknown event "{ref}": no event has this slug. Give the event as an object with a title '
                    "to create it.",
                    field="event",
                )
            return self._remember("event", ref, cached)
        key = ref.slug or f"{ref.title}|{ref.date}"
        cached = self._cache.get(("event", key))
        if cached is not None:
            return cached
        existing = (
            Event.objects.filter(slug=ref.slug) if ref.slug else Event.objects.filter(title=ref.title, date=ref.date)
        )
        event = existing.order_by("id").first()
        if event is None:
            self._creating("event")
            with defined_as("event"):
                event = event_create(
                    title=ref.title or ref.slug,
                    date=ref.date,
                    location=ref.location,
                    description=ref.description,
                    slug=ref.slug or None,
                    by=self.by,
                )
            self._count("events created")
        return self._remember("event", key, event)
