"""The admin refuses what the services refuse: a field past its limit shows its message on the
form, in the same words as the API, and nothing of the page is saved."""

import pytest
from django.db.models import Model

from claims.models import Actor, Appearance, Claim, Outlet
from claims.models.fields import ALIASES, max_length_of
from tests.admin.pages import form_data
from tests.factories import make_appearance, make_claim, make_outlet
from tests.services.conftest import database_state

pytestmark = pytest.mark.django_db


def limit_of(model: type[Model], field: str) -> int:
    return max_length_of(model._meta.get_field(field))


def too_long(limit: int) -> str:
    return f"Ensure this value has at most {limit} characters (it has {limit + 1})."


def test_a_new_claim_past_the_text_limit_is_refused_on_the_form(as_editor):
    add = "/admin/claims/claim/add/"
    limit = limit_of(Claim, "text")
    form = form_data(as_editor.get(add), "claim_form")
    form.update(text="a" * (limit + 1))
    before = database_state()

    response = as_editor.post(add, form)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["text"] == [too_long(limit)]
    assert database_state() == before


def test_a_claim_at_the_text_limit_is_added(as_editor):
    add = "/admin/claims/claim/add/"
    form = form_data(as_editor.get(add), "claim_form")
    form.update(text="a" * limit_of(Claim, "text"))

    response = as_editor.post(add, form)

    assert response.status_code == 302
    assert Claim.objects.get().text == form["text"]


def test_an_excerpt_past_its_limit_is_refused_on_the_appearance_page(as_editor):
    claim = make_claim("A claim")
    appearance = make_appearance(claim, make_outlet())
    limit = limit_of(Appearance, "excerpt")
    url = f"/admin/claims/appearance/{appearance.pk}/change/"
    form = form_data(as_editor.get(url), "appearance_form")
    form.update(excerpt="q" * (limit + 1))
    before = database_state()

    response = as_editor.post(url, form)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["excerpt"] == [too_long(limit)]
    assert database_state() == before


@pytest.mark.parametrize(("path", "model"), [("outlet", Outlet), ("actor", Actor)])
def test_a_name_past_its_limit_and_too_many_aliases_are_refused(as_editor, path, model):
    add = f"/admin/claims/{path}/add/"
    limit = limit_of(model, "name")
    form = form_data(as_editor.get(add), f"{path}_form")
    before = database_state()

    long_name = as_editor.post(add, {**form, "name": "n" * (limit + 1)})
    many = as_editor.post(
        add, {**form, "name": "Named", "aliases": "\n".join(f"A{n}" for n in range(ALIASES.count + 1))}
    )

    assert long_name.context["adminform"].form.errors["name"] == [too_long(limit)]
    assert many.context["adminform"].form.errors["aliases"] == [
        f"Ensure there are at most {ALIASES.count} aliases (there are {ALIASES.count + 1})."
    ]
    assert database_state() == before
