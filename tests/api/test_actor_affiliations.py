"""/api/v1/actor-affiliations/: whom a speaker speaks for, leads or belongs to; withdrawn, never deleted."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from claims.models import ActorAffiliation
from tests.factories import make_actor, make_actor_affiliation, make_outlet

pytestmark = pytest.mark.django_db

URL = "/api/v1/actor-affiliations/"


@pytest.fixture
def pair() -> dict:
    return {"actor": make_actor("Pat Ryder"), "body": make_actor("Pentagon"), "source": make_outlet("Pishtaz News")}


def test_editor_records_a_sourced_tie(as_editor, editor, pair):
    response = as_editor.post(
        URL,
        {
            "actor": pair["actor"].pk,
            "body": pair["body"].pk,
            "relation": "speaks_for",
            "stated_by_outlet": pair["source"].pk,
            "quote": "Pentagon spokesman Brig. Gen. Pat Ryder",
            "valid_from": "2023-10-19",
        },
    )

    assert response.status_code == 201
    assert response.json()["relation"] == "speaks_for"
    tie = ActorAffiliation.objects.get(pk=response.json()["id"])
    assert (tie.actor, tie.body, tie.stated_by_outlet, tie.valid_from, tie.created_by) == (
        pair["actor"],
        pair["body"],
        pair["source"],
        date(2023, 10, 19),
        editor,
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"stated_by_url": ""}, "stated_by"),
        ({"relation": "friends_with"}, "relation"),
        ({"valid_from": "2020-01-01", "valid_to": "2019-01-01"}, "valid_to"),
        ({"valid_from": (timezone.localdate() + timedelta(days=1)).isoformat()}, "valid_from"),
        ({"body": 999_999}, "body"),
    ],
)
def test_a_bad_tie_is_a_400_and_changes_nothing(as_editor, pair, nothing_changes, change, field):
    body = {"actor": pair["actor"].pk, "body": pair["body"].pk, "relation": "member_of"}
    body |= {"stated_by_url": "https://example.org/says", **change}

    with nothing_changes():
        response = as_editor.post(URL, body)

    assert response.status_code == 400
    assert field in response.content.decode()


def test_an_actor_tied_to_itself_is_a_400(as_editor, pair, nothing_changes):
    with nothing_changes():
        response = as_editor.post(
            URL,
            {
                "actor": pair["actor"].pk,
                "body": pair["actor"].pk,
                "relation": "leads",
                "stated_by_url": "https://example.org",
            },
        )

    assert response.status_code == 400
    assert "itself" in response.json()["detail"]


def test_editor_corrects_a_tie(as_editor, pair):
    tie = make_actor_affiliation(pair["actor"], pair["body"])

    response = as_editor.patch(f"{URL}{tie.pk}/", {"relation": "member_of", "valid_to": "2024-12-31"})

    assert response.status_code == 200
    tie.refresh_from_db()
    assert (tie.relation, tie.valid_to) == ("member_of", date(2024, 12, 31))


def test_withdraw_keeps_the_row_and_a_second_is_a_409(as_editor, editor, pair):
    tie = make_actor_affiliation(pair["actor"], pair["body"])

    first = as_editor.post(f"{URL}{tie.pk}/withdraw/", {"reason": "He left the post."})
    second = as_editor.post(f"{URL}{tie.pk}/withdraw/", {"reason": "Again."})

    assert (first.status_code, second.status_code) == (200, 409)
    tie.refresh_from_db()
    assert (tie.withdrawn_reason, tie.withdrawn_by) == ("He left the post.", editor)


def test_a_withdrawn_tie_cannot_change(as_editor, pair, nothing_changes):
    tie = make_actor_affiliation(pair["actor"], pair["body"])
    as_editor.post(f"{URL}{tie.pk}/withdraw/", {"reason": "Gone"})

    with nothing_changes():
        response = as_editor.patch(f"{URL}{tie.pk}/", {"relation": "leads"})

    assert response.status_code == 409


def test_consumers_see_only_current_ties_and_may_not_write(anonymous, as_consumer, as_editor, pair, nothing_changes):
    kept = make_actor_affiliation(pair["actor"], pair["body"])
    withdrawn = make_actor_affiliation(make_actor(), pair["body"])
    as_editor.post(f"{URL}{withdrawn.pk}/withdraw/", {"reason": "Gone"})

    assert [t["id"] for t in anonymous.get(URL).json()["results"]] == [kept.pk]
    assert anonymous.get(f"{URL}{withdrawn.pk}/").status_code == 404
    assert {t["id"] for t in as_editor.get(URL).json()["results"]} == {kept.pk, withdrawn.pk}
    with nothing_changes():
        response = as_consumer.post(
            URL,
            {"actor": pair["actor"].pk, "body": pair["body"].pk, "relation": "leads", "stated_by_url": "https://e.org"},
        )
    assert response.status_code == 403


def test_ties_are_never_deleted(as_editor, pair, nothing_changes):
    tie = make_actor_affiliation(pair["actor"], pair["body"])

    with nothing_changes():
        response = as_editor.delete(f"{URL}{tie.pk}/")

    assert response.status_code == 405
    assert "withdraw" in response.json()["detail"]


def test_the_filters_find_a_speakers_ties_and_a_bodys_speakers(anonymous, pair):
    spokesman = make_actor_affiliation(pair["actor"], pair["body"])
    official = make_actor_affiliation(make_actor(), pair["body"], relation="member_of")
    make_actor_affiliation(pair["actor"], make_actor(), relation="member_of")

    def ids(**query: object) -> list[int]:
        return [t["id"] for t in anonymous.get(URL, query).json()["results"]]

    assert ids(body=pair["body"].pk) == [spokesman.pk, official.pk]
    assert ids(body=pair["body"].pk, relation="member_of") == [official.pk]
    assert len(ids(actor=pair["actor"].pk)) == 2


def test_an_unknown_filter_value_is_a_400(anonymous):
    assert anonymous.get(URL, {"relation": "friends_with"}).status_code == 400
    assert anonymous.get(URL, {"actor": "not-an-id"}).status_code == 400


def test_the_list_takes_a_constant_number_of_queries(anonymous, pair, django_assert_max_num_queries):
    for _ in range(12):
        make_actor_affiliation(make_actor(), pair["body"])

    with django_assert_max_num_queries(4):
        response = anonymous.get(URL)

    assert response.status_code == 200
    assert len(response.json()["results"]) == 12
