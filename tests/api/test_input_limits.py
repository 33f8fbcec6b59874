"""Every free-text field of the API at its limit is stored, and one character past it is a 400 that
names the field and the limit and writes nothing (docs/api.md, Input limits)."""

from collections.abc import Callable
from datetime import date

import pytest
from django.db.models import Model

from claims.models import Actor, Affiliation, Appearance, Claim, Event, Outlet, ReviewTransition, StatusEvidence
from claims.models.fields import ALIASES, max_length_of
from claims.services.workflow import claim_submit
from tests.api.conftest import publish
from tests.factories import make_actor, make_appearance, make_claim, make_outlet

pytestmark = pytest.mark.django_db


def limit_of(model: type[Model], field: str) -> int:
    return max_length_of(model._meta.get_field(field))


def text_of(length: int, field: str) -> str:
    """A valid value of this many characters: a URL where one goes, Arabic elsewhere (as stored)."""
    if "url" in field:
        head = "https://example.org/"
        return head + "a" * (length - len(head))
    if field == "slug":
        return "s" * length
    return ("ح" * length) if length % 2 else ("a" * length)


def too_long(field: str, limit: int) -> str:
    return f"Ensure this value has at most {limit} characters (it has {limit + 1})."


# (resource, model, field, the rest of a valid body)
CASES: list[tuple[str, type[Model], str, Callable[[], dict]]] = [
    ("claims", Claim, "text", lambda: {}),
    ("outlets", Outlet, "name", lambda: {}),
    ("outlets", Outlet, "slug", lambda: {"name": "An outlet"}),
    ("outlets", Outlet, "country", lambda: {"name": "An outlet"}),
    ("outlets", Outlet, "language", lambda: {"name": "An outlet"}),
    ("outlets", Outlet, "url", lambda: {"name": "An outlet"}),
    ("actors", Actor, "name", lambda: {}),
    ("actors", Actor, "slug", lambda: {"name": "An actor"}),
    ("events", Event, "title", lambda: {"date": "2021-10-20"}),
    ("events", Event, "location", lambda: {"title": "An attack", "date": "2021-10-20"}),
    ("events", Event, "description", lambda: {"title": "An attack", "date": "2021-10-20"}),
    (
        "affiliations",
        Affiliation,
        "stated_by_url",
        lambda: {"outlet": make_outlet().pk, "actor": make_actor().pk, "relation": "affiliated_with"},
    ),
    *(
        ("appearances", Appearance, field, lambda: {"claim": make_claim().pk, "outlet": make_outlet().pk})
        for field in ("url", "headline", "language", "excerpt", "attributed_source")
    ),
    *(
        ("evidence", StatusEvidence, field, lambda: {"claim": make_claim().pk, "stance": "denies"})
        for field in ("url", "note")
    ),
]
IDS = [f"{resource}.{field}" for resource, _, field, _ in CASES]
DATED = {"appearances": "published_on", "evidence": "date"}


def body_for(resource: str, rest: dict, field: str, value: str) -> dict:
    body = {**rest, field: value}
    if resource in DATED:
        body[DATED[resource]] = "2021-10-21"
    if resource == "evidence" and field != "url":
        body["url"] = "https://example.org/statement"
    return body


@pytest.mark.parametrize(("resource", "model", "field", "rest"), CASES, ids=IDS)
def test_a_field_at_its_limit_is_stored(as_editor, resource, model, field, rest):
    value = text_of(limit_of(model, field), field)

    response = as_editor.post(f"/api/v1/{resource}/", body_for(resource, rest(), field, value))

    assert response.status_code == 201, response.json()
    assert getattr(model.objects.get(pk=response.json()["id"]), field) == value


@pytest.mark.parametrize(("resource", "model", "field", "rest"), CASES, ids=IDS)
def test_a_field_one_past_its_limit_is_refused_naming_it_and_nothing_is_written(
    as_editor, nothing_changes, resource, model, field, rest
):
    limit = limit_of(model, field)
    body = body_for(resource, rest(), field, text_of(limit + 1, field))

    with nothing_changes():
        response = as_editor.post(f"/api/v1/{resource}/", body)

    assert response.status_code == 400
    assert too_long(field, limit) in response.json()["errors"][field]
    assert f"{field}: {too_long(field, limit)}" in response.json()["detail"]


def test_a_change_past_the_limit_is_refused_as_a_new_value_is(as_editor, nothing_changes):
    claim = make_claim("Short and true")
    limit = limit_of(Claim, "text")

    with nothing_changes():
        response = as_editor.patch(f"/api/v1/claims/{claim.pk}/", {"text": "a" * (limit + 1)})

    assert response.status_code == 400
    assert response.json()["errors"] == {"text": [too_long("text", limit)]}


@pytest.mark.parametrize("resource", ["outlets", "actors"])
def test_aliases_at_their_limits_are_stored(as_editor, resource):
    aliases = [f"{n:03}" + "a" * (ALIASES.length - 3) for n in range(ALIASES.count)]

    response = as_editor.post(f"/api/v1/{resource}/", {"name": "Many names", "aliases": aliases})

    assert response.status_code == 201, response.json()
    assert response.json()["aliases"] == aliases


@pytest.mark.parametrize("resource", ["outlets", "actors"])
def test_one_alias_too_many_is_refused(as_editor, nothing_changes, resource):
    aliases = [f"Name {n}" for n in range(ALIASES.count + 1)]

    with nothing_changes():
        response = as_editor.post(f"/api/v1/{resource}/", {"name": "Many names", "aliases": aliases})

    assert response.status_code == 400
    message = f"Ensure there are at most {ALIASES.count} aliases (there are {ALIASES.count + 1})."
    assert response.json()["errors"] == {"aliases": [message]}


@pytest.mark.parametrize("resource", ["outlets", "actors"])
def test_an_alias_one_character_too_long_is_refused(as_editor, nothing_changes, resource):
    with nothing_changes():
        response = as_editor.post(
            f"/api/v1/{resource}/", {"name": "Long names", "aliases": ["Short", "b" * (ALIASES.length + 1)]}
        )

    assert response.status_code == 400
    assert f"at most {ALIASES.length} characters" in response.json()["errors"]["aliases"][0]
    assert f"has {ALIASES.length + 1})" in response.json()["errors"]["aliases"][0]


def test_repeated_and_blank_aliases_do_not_count(as_editor):
    aliases = [f"Name {n}" for n in range(ALIASES.count)]

    response = as_editor.post("/api/v1/actors/", {"name": "Named", "aliases": [*aliases, "Name 0", " ", ""]})

    assert response.status_code == 201
    assert response.json()["aliases"] == aliases


@pytest.mark.parametrize(("step", "word"), [("reject", "comment"), ("submit", "comment")])
def test_a_review_comment_one_past_its_limit_is_refused(as_editor, as_reviewer, nothing_changes, step, word):
    claim = make_claim()
    client = as_editor
    if step == "reject":
        claim_submit(claim=claim)
        client = as_reviewer
    limit = limit_of(ReviewTransition, "comment")

    with nothing_changes():
        response = client.post(f"/api/v1/claims/{claim.pk}/{step}/", {word: "c" * (limit + 1)})

    assert response.status_code == 400
    assert response.json() == {"detail": f"{word}: {too_long(word, limit)}", "errors": {word: [too_long(word, limit)]}}


def test_a_review_comment_at_its_limit_is_kept_whole(as_reviewer):
    claim = make_claim()
    claim_submit(claim=claim)
    comment = "c" * limit_of(ReviewTransition, "comment")

    response = as_reviewer.post(f"/api/v1/claims/{claim.pk}/reject/", {"comment": comment})

    assert response.status_code == 200
    assert ReviewTransition.objects.get(claim=claim, to_state="rejected").comment == comment


def test_a_retraction_reason_one_past_its_limit_is_refused_as_the_reason(as_reviewer, nothing_changes):
    claim = publish(make_claim())
    limit = limit_of(ReviewTransition, "comment")

    with nothing_changes():
        response = as_reviewer.post(f"/api/v1/claims/{claim.pk}/retract/", {"reason": "r" * (limit + 1)})

    assert response.status_code == 400
    assert response.json()["errors"] == {"reason": [too_long("reason", limit)]}


def test_a_withdrawal_reason_at_its_limit_withdraws_and_one_past_is_refused(as_editor, nothing_changes):
    appearance = make_appearance(published_on=date(2021, 10, 21))
    limit = limit_of(Appearance, "withdrawn_reason")
    url = f"/api/v1/appearances/{appearance.pk}/withdraw/"

    with nothing_changes():
        refused = as_editor.post(url, {"reason": "r" * (limit + 1)})
    accepted = as_editor.post(url, {"reason": "r" * limit})

    assert refused.status_code == 400
    assert refused.json()["errors"] == {"reason": [too_long("reason", limit)]}
    assert accepted.status_code == 200
    assert Appearance.objects.get(pk=appearance.pk).withdrawn_reason == "r" * limit


def test_the_near_duplicate_search_takes_a_text_as_long_as_a_claim(api):
    limit = limit_of(Claim, "text")

    at_limit = api.get("/api/v1/claims/similar/", {"text": "a" * limit})
    past = api.get("/api/v1/claims/similar/", {"text": "a" * (limit + 1)})

    assert at_limit.status_code == 200
    assert past.status_code == 400
    assert past.json()["errors"] == {"text": [too_long("text", limit)]}
