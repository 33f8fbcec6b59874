from datetime import date, timedelta

import pytest
from django.utils import timezone

from claims.errors import InvalidInput
from claims.models import Event
from claims.services.events import event_create

pytestmark = pytest.mark.django_db


def test_event_is_recorded_with_a_slug_from_its_title_and_date(editor):
    event = event_create(title="Drone attack on al-Tanf", date=date(2021, 10, 20), location="al-Tanf, Syria", by=editor)

    saved = Event.objects.get(pk=event.pk)
    assert (saved.title, saved.date, saved.location) == (
        "Drone attack on al-Tanf",
        date(2021, 10, 20),
        "al-Tanf, Syria",
    )
    assert saved.slug == "drone-attack-on-al-tanf-2021-10-20"


def test_an_event_without_a_date_is_accepted():
    event = event_create(title="Rocket fire on Green Village")

    assert Event.objects.get(pk=event.pk).date is None


def test_arabic_title_is_stored_as_given_with_an_ascii_slug():
    event = event_create(title="الهجوم على قاعدة التنف", date=date(2021, 10, 20))

    saved = Event.objects.get(pk=event.pk)
    assert saved.title == "الهجوم على قاعدة التنف"
    assert saved.slug.isascii()
    assert saved.slug.endswith("2021-10-20")
    assert len(saved.slug) > len("2021-10-20")


def test_an_event_dated_in_the_future_is_refused(nothing_changes):
    tomorrow = timezone.localdate() + timedelta(days=1)

    with nothing_changes(), pytest.raises(InvalidInput, match=f"date {tomorrow} is in the future") as refused:
        event_create(title="Attack that has not happened", date=tomorrow)

    assert refused.value.field == "date"


def test_a_duplicate_slug_given_explicitly_is_refused(nothing_changes):
    event_create(title="Drone attack on al-Tanf", date=date(2021, 10, 20), slug="tanf")

    with nothing_changes(), pytest.raises(InvalidInput, match='The slug "tanf" is already used by another event'):
        event_create(title="Second drone attack on al-Tanf", date=date(2021, 11, 15), slug="tanf")


def test_a_derived_slug_that_is_taken_gets_a_number():
    first = event_create(title="Drone attack on al-Tanf", date=date(2021, 10, 20))
    second = event_create(title="Drone attack on al-Tanf", date=date(2021, 10, 20))

    assert second.slug == f"{first.slug}-2"
