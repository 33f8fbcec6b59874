"""Writes to events."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from claims.models import Event
from claims.services.persistence import apply_changes, reject_future, require_perm, save_validated
from claims.services.slugs import slug_for

ADD = "claims.add_event"
CHANGE = "claims.change_event"

EDITABLE = {"title", "slug", "date", "location", "description"}


@transaction.atomic
def event_create(
    *,
    title: str,
    date: date | None = None,
    location: str = "",
    description: str = "",
    slug: str | None = None,
    by: AbstractBaseUser | None = None,
) -> Event:
    require_perm(by, ADD)
    reject_future(date, "date")
    event = Event(
        title=(title or "").strip(),
        slug=slug_for(Event, f"{title} {date or ''}", slug),
        date=date,
        location=location,
        description=description,
    )
    return save_validated(event, by=by)


@transaction.atomic
def event_update(*, event: Event, by: AbstractBaseUser | None = None, **changes: object) -> Event:
    require_perm(by, CHANGE)
    if "date" in changes:
        reject_future(changes["date"], "date")
    if "slug" in changes:
        changes["slug"] = slug_for(
            Event, str(changes.get("title") or event.title), changes["slug"] or None, instance_pk=event.pk
        )
    if apply_changes(event, changes, EDITABLE):
        save_validated(event, by=by)
    return event
