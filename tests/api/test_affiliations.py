"""/api/v1/affiliations/: sourced ties between outlets and actors; withdrawn, never deleted."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from claims.models import Affiliation
from tests.factories import make_actor, make_affiliation, make_outlet

pytestmark = pytest.mark.django_db

URL = "/api/v1/affiliations/"


@pytest.fixture
def pair() -> dict:
    return {"outlet": make_outlet("Al-Akhbar"), "actor": make_actor("Hezbollah"), "source": make_outlet("MEE")}


def test_editor_records_a_sourced_tie(as_editor, pair):
    response = as_editor.post(
        URL,
        {
            "outlet": pair["outlet"].pk,
            "actor": pair["actor"].pk,
            "relation": "affiliated_with",
            "stated_by_outlet": pair["source"].pk,
            "stated_by_url": "https://www.middleeasteye.net/some-article",
            "valid_from": "2006-01-01",
        },
    )

    assert response.status_code == 201
    tie = Affiliation.objects.get(pk=response.json()["id"])
    assert (tie.outlet, tie.actor, tie.stated_by_outlet, tie.valid_from) == (
        pair["outlet"],
        pair["actor"],
        pair["source"],
        date(2006, 1, 1),
    )


def test_an_unsourced_tie_is_a_400(as_editor, pair, nothing_changes):
    with nothing_changes():
        response = as_editor.post(URL, {"outlet": pair["outlet"].pk, "actor": pair["actor"].pk, "relation": "owned_by"})

    assert response.status_code == 400
    assert "stated_by" in response.json()["detail"]


def test_a_span_that_ends_before_it_starts_is_a_400(as_editor, pair, nothing_changes):
    with nothing_changes():
        response = as_editor.post(
            URL,
            {
                "outlet": pair["outlet"].pk,
                "actor": pair["actor"].pk,
                "relation": "funded_by",
                "stated_by_url": "https://example.org",
                "valid_from": "2020-01-01",
                "valid_to": "2019-01-01",
            },
        )

    assert response.status_code == 400


def test_a_future_date_is_a_400(as_editor, pair, nothing_changes):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()

    with nothing_changes():
        response = as_editor.post(
            URL,
            {
                "outlet": pair["outlet"].pk,
                "actor": pair["actor"].pk,
                "relation": "supports",
                "stated_by_url": "https://example.org",
                "valid_from": tomorrow,
            },
        )

    assert response.status_code == 400
    assert "valid_from" in response.json()["errors"]


def test_an_unknown_relation_is_a_400(as_editor, pair, nothing_changes):
    with nothing_changes():
        response = as_editor.post(
            URL,
            {
                "outlet": pair["outlet"].pk,
                "actor": pair["actor"].pk,
                "relation": "friends_with",
                "stated_by_url": "https://example.org",
            },
        )

    assert response.status_code == 400
    assert "relation" in response.json()["errors"]


def test_editor_corrects_a_tie(as_editor, pair):
    tie = make_affiliation(pair["outlet"], pair["actor"])

    response = as_editor.patch(f"{URL}{tie.pk}/", {"relation": "owned_by", "valid_to": "2020-12-31"})

    assert response.status_code == 200
    tie.refresh_from_db()
    assert (tie.relation, tie.valid_to) == ("owned_by", date(2020, 12, 31))


def test_withdraw_keeps_the_row_with_the_reason(as_editor, editor, pair):
    tie = make_affiliation(pair["outlet"], pair["actor"])

    response = as_editor.post(f"{URL}{tie.pk}/withdraw/", {"reason": "The source retracted it"})

    assert response.status_code == 200
    assert response.json()["withdrawn_reason"] == "The source retracted it"
    tie.refresh_from_db()
    assert (tie.withdrawn_reason, tie.withdrawn_by) == ("The source retracted it", editor)
    assert tie.withdrawn_at is not None


def test_withdraw_needs_a_reason(as_editor, pair, nothing_changes):
    tie = make_affiliation(pair["outlet"], pair["actor"])

    with nothing_changes():
        response = as_editor.post(f"{URL}{tie.pk}/withdraw/", {"reason": ""})

    assert response.status_code == 400
    assert "reason" in response.json()["errors"]


def test_withdrawing_twice_is_a_409(as_editor, pair):
    tie = make_affiliation(pair["outlet"], pair["actor"])
    as_editor.post(f"{URL}{tie.pk}/withdraw/", {"reason": "Once"})

    response = as_editor.post(f"{URL}{tie.pk}/withdraw/", {"reason": "Twice"})

    assert response.status_code == 409
    tie.refresh_from_db()
    assert tie.withdrawn_reason == "Once"


def test_a_withdrawn_tie_cannot_change(as_editor, pair, nothing_changes):
    tie = make_affiliation(pair["outlet"], pair["actor"])
    as_editor.post(f"{URL}{tie.pk}/withdraw/", {"reason": "Gone"})

    with nothing_changes():
        response = as_editor.patch(f"{URL}{tie.pk}/", {"relation": "owned_by"})

    assert response.status_code == 409


def test_consumers_see_only_current_ties(anonymous, as_editor, pair):
    kept, withdrawn = make_affiliation(pair["outlet"], pair["actor"]), make_affiliation(pair["source"], pair["actor"])
    as_editor.post(f"{URL}{withdrawn.pk}/withdraw/", {"reason": "Gone"})

    assert [t["id"] for t in anonymous.get(URL).json()["results"]] == [kept.pk]
    assert anonymous.get(f"{URL}{withdrawn.pk}/").status_code == 404
    assert {t["id"] for t in as_editor.get(URL).json()["results"]} == {kept.pk, withdrawn.pk}


def test_consumers_cannot_withdraw(as_consumer, pair, nothing_changes):
    tie = make_affiliation(pair["outlet"], pair["actor"])

    with nothing_changes():
        assert as_consumer.post(f"{URL}{tie.pk}/withdraw/", {"reason": "Mine"}).status_code == 403


def test_affiliations_are_never_deleted(as_editor, pair, nothing_changes):
    tie = make_affiliation(pair["outlet"], pair["actor"])

    with nothing_changes():
        response = as_editor.delete(f"{URL}{tie.pk}/")

    assert response.status_code == 405
    assert "withdraw" in response.json()["detail"]


def test_outlet_filter(anonymous, pair):
    tie, _ = make_affiliation(pair["outlet"], pair["actor"]), make_affiliation(pair["source"], pair["actor"])

    assert [t["id"] for t in anonymous.get(URL, {"outlet": pair["outlet"].pk}).json()["results"]] == [tie.pk]


def test_actor_filter(anonymous, pair):
    tie, _ = make_affiliation(pair["outlet"], pair["actor"]), make_affiliation(pair["outlet"], make_actor())

    assert [t["id"] for t in anonymous.get(URL, {"actor": pair["actor"].pk}).json()["results"]] == [tie.pk]


def test_relation_filter(anonymous, pair):
    tie = make_affiliation(pair["outlet"], pair["actor"], relation="funded_by")
    make_affiliation(pair["source"], pair["actor"])

    assert [t["id"] for t in anonymous.get(URL, {"relation": "funded_by"}).json()["results"]] == [tie.pk]


def test_a_bad_filter_value_is_a_400(anonymous):
    response = anonymous.get(URL, {"outlet": "al-akhbar"})

    assert response.status_code == 400
    assert "outlet" in response.json()["errors"]
