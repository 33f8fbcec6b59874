"""The web forms hold every field to the limit the models set: at the limit the write goes through,
one past it the page answers 400 with the field's message and nothing is saved."""

import html
from collections.abc import Callable

import pytest
from django.db.models import Model
from django.urls import reverse

from claims.models import Appearance, Citation, Claim, Outlet, ReviewTransition, StatusEvidence
from claims.models.fields import max_length_of
from tests.services.conftest import database_state

pytestmark = pytest.mark.django_db


def limit_of(model: type[Model], field: str) -> int:
    return max_length_of(model._meta.get_field(field))


def value_of(length: int, field: str) -> str:
    if field == "url":
        return "https://example.org/" + "a" * (length - len("https://example.org/"))
    return "ن" * length


def too_long(limit: int) -> str:
    return f"Ensure this value has at most {limit} characters (it has {limit + 1})."


def action(claim: Claim, name: str) -> str:
    return reverse("web:claim-action", args=[claim.pk, name])


# (form, model, field, the rest of the form's input, the saved row that holds the value)
FORMS: list[tuple[str, type[Model], str, Callable, Callable]] = [
    *(
        (
            "appearance",
            Appearance,
            field,
            lambda n: {"appearance-outlet": n.reuters.pk, "appearance-published_on": "2021-10-30"},
            lambda n: Appearance.objects.get(claim=n.published, published_on="2021-10-30"),
        )
        for field in ("url", "headline", "language", "excerpt", "attributed_source")
    ),
    (
        "evidence",
        StatusEvidence,
        "note",
        lambda n: {"evidence-stance": "denies", "evidence-date": "2021-10-30", "evidence-url": "https://example.org/d"},
        lambda n: StatusEvidence.objects.get(claim=n.published, date="2021-10-30"),
    ),
    (
        "citation",
        Citation,
        "note",
        lambda n: {"citation-citing": n.wire.pk, "citation-cited": n.origin.pk, "citation-kind": "cited"},
        lambda n: Citation.objects.get(citing=n.wire, cited=n.origin),
    ),
]
IDS = [f"{form}.{field}" for form, _, field, _, _ in FORMS]


@pytest.mark.parametrize(("form", "model", "field", "rest", "saved"), FORMS, ids=IDS)
def test_a_claim_page_form_at_the_limit_saves(newsroom, client_as, editor, form, model, field, rest, saved):
    value = value_of(limit_of(model, field), field)

    response = client_as(editor).post(action(newsroom.published, form), {**rest(newsroom), f"{form}-{field}": value})

    assert response.status_code == 302
    assert getattr(saved(newsroom), field) == value


@pytest.mark.parametrize(("form", "model", "field", "rest", "saved"), FORMS, ids=IDS)
def test_a_claim_page_form_one_past_the_limit_says_so_and_saves_nothing(
    newsroom, client_as, editor, form, model, field, rest, saved
):
    limit = limit_of(model, field)
    before = database_state()

    response = client_as(editor).post(
        action(newsroom.published, form), {**rest(newsroom), f"{form}-{field}": value_of(limit + 1, field)}
    )

    assert response.status_code == 400
    assert too_long(limit) in html.unescape(response.text)
    assert database_state() == before


@pytest.mark.parametrize("field", ["text", "notes"])
def test_the_new_claim_form_holds_the_claim_to_its_limits(client_as, editor, field):
    limit = limit_of(Claim, field)
    base = {"text": "A claim", "kind": "attribution"}
    before = database_state()

    refused = client_as(editor).post(reverse("web:claim-create"), {**base, field: "a" * (limit + 1)})
    unchanged = database_state() == before
    accepted = client_as(editor).post(reverse("web:claim-create"), {**base, field: "a" * limit})

    assert refused.status_code == 400
    assert too_long(limit) in html.unescape(refused.text)
    assert unchanged
    assert accepted.status_code == 302
    assert getattr(Claim.objects.get(), field) == "a" * limit


def test_the_new_claim_form_states_the_limit(client_as, editor):
    response = client_as(editor).get(reverse("web:claim-create"))

    assert f"At most {limit_of(Claim, 'text'):,} characters." in response.text


def test_a_review_comment_one_past_its_limit_is_refused_and_the_claim_stays(newsroom, client_as, reviewer):
    limit = limit_of(ReviewTransition, "comment")
    before = database_state()

    refused = client_as(reviewer).post(
        action(newsroom.waiting, "review"), {"step": "approve", "comment": "c" * (limit + 1)}
    )

    assert refused.status_code == 400
    assert too_long(limit) in html.unescape(refused.text)
    assert database_state() == before


def test_a_review_comment_at_its_limit_is_kept(newsroom, client_as, reviewer):
    comment = "c" * limit_of(ReviewTransition, "comment")

    response = client_as(reviewer).post(action(newsroom.waiting, "review"), {"step": "approve", "comment": comment})

    assert response.status_code == 302
    assert ReviewTransition.objects.filter(claim=newsroom.waiting).latest("id").comment == comment


def test_a_grade_note_is_held_to_its_limit(newsroom, client_as, reviewer):
    limit = limit_of(Outlet, "reliability_note")
    url = reverse("web:outlet-grade", args=[newsroom.reuters.slug])
    before = database_state()

    refused = client_as(reviewer).post(url, {"grade-reliability": "C", "grade-reliability_note": "w" * (limit + 1)})
    unchanged = database_state() == before
    accepted = client_as(reviewer).post(url, {"grade-reliability": "C", "grade-reliability_note": "w" * limit})

    assert refused.status_code == 400
    assert too_long(limit) in html.unescape(refused.text)
    assert unchanged
    assert accepted.status_code == 302
    assert Outlet.objects.get(pk=newsroom.reuters.pk).reliability_note == "w" * limit
