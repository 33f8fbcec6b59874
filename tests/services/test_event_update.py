from datetime import date, timedelta

import pytest
from django.utils import timezone

from claims.errors import InvalidInput
from claims.models import Event
from claims.services.events import event_update
from tests.factories import make_event

pytestmark = pytest.mark.django_db


def test_event_fields_are_updated(editor):
    event = make_event("Drone attack")

    event_update(event=event, title="Drone attack on al-Tanf", location="al-Tanf", date=date(2021, 10, 20), by=editor)

    saved = Event.objects.get(pk=event.pk)
    assert (saved.title, saved.location, saved.date) == ("Drone attack on al-Tanf", "al-Tanf", date(2021, 10, 20))


def test_redating_an_event_into_the_future_is_refused(nothing_changes):
    event = make_event()

    with nothing_changes(), pytest.raises(InvalidInput, match="is in the future"):
        event_update(event=event, date=timezone.localdate() + timedelta(days=1))

    assert Event.objects.get(pk=event.pk).date == date(2021, 10, 20)


def test_a_slug_taken_by_another_event_is_refused(nothing_changes):
    make_event(slug="tanf")
    event = make_event()

    with nothing_changes(), pytest.raises(InvalidInput, match='The slug "tanf" is already used'):
        event_update(event=event, slug="tanf")


def test_a_field_that_cannot_be_edited_is_refused(nothing_changes):
    event = make_event()

    with nothing_changes(), pytest.raises(InvalidInput, match="cannot be changed here: created_at"):
        event_update(event=event, created_at=timezone.now())
