import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from claims.choices import Reliability
from claims.models import Actor, Event, Outlet
from tests.factories import make_actor, make_appearance, make_event, make_outlet

pytestmark = pytest.mark.django_db


def test_an_unknown_grade_is_refused_on_update():
    outlet = make_outlet(reliability=Reliability.C)

    with pytest.raises(IntegrityError), transaction.atomic():
        Outlet.objects.filter(pk=outlet.pk).update(reliability="Z")

    assert Outlet.objects.get(pk=outlet.pk).reliability == Reliability.C


def test_an_unknown_grade_is_refused_on_insert():
    with pytest.raises(IntegrityError), transaction.atomic():
        Outlet.objects.create(name="Sabereen News", slug="sabereen-news", reliability="Z")

    assert not Outlet.objects.filter(slug="sabereen-news").exists()


@pytest.mark.parametrize(
    "model, make", [(Outlet, make_outlet), (Actor, make_actor), (Event, make_event)], ids=["outlet", "actor", "event"]
)
def test_a_duplicate_slug_is_refused(model, make):
    existing = make(slug="taken")
    other = make()

    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=other.pk).update(slug="taken")

    assert model.objects.filter(slug="taken").get() == existing


def test_an_outlet_with_appearances_cannot_be_deleted():
    appearance = make_appearance()

    with pytest.raises(ProtectedError), transaction.atomic():
        appearance.outlet.delete()

    assert Outlet.objects.filter(pk=appearance.outlet_id).exists()
