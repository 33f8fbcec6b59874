"""The one place updates set fields: a field a service does not edit is refused by name."""

import pytest

from claims.errors import InvalidInput
from claims.models import Appearance
from claims.services.appearances import appearance_update
from claims.services.persistence import apply_changes
from tests.factories import make_appearance, make_outlet

pytestmark = pytest.mark.django_db


def test_unknown_fields_are_refused_by_name_and_nothing_is_set():
    outlet = make_outlet("Sabereen")

    with pytest.raises(InvalidInput, match=r"These fields cannot be changed here: id, search_names\."):
        apply_changes(outlet, {"name": "Sabereen News", "search_names": "x", "id": 7}, {"name"})

    assert outlet.name == "Sabereen"


def test_only_the_fields_that_differ_are_reported():
    outlet = make_outlet("Sabereen", country="Iraq")

    changed = apply_changes(outlet, {"name": "Sabereen News", "country": "Iraq"}, {"name", "country"})

    assert changed == {"name"}
    assert outlet.name == "Sabereen News"


@pytest.mark.parametrize("field", ["created_by", "withdrawn_at", "external_ref", "not_a_field"])
def test_an_appearance_field_that_cannot_be_edited_is_refused(field, nothing_changes):
    appearance = make_appearance()

    with nothing_changes(), pytest.raises(InvalidInput, match=f"cannot be changed here: {field}"):
        appearance_update(appearance=appearance, **{field: None})

    assert Appearance.objects.get(pk=appearance.pk).withdrawn_at is None
