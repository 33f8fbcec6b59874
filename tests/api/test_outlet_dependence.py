"""/api/v1/outlets/dependence/: learned pairs strongest first, filtered; reviewers confirm or dismiss."""

import pytest

from claims.choices import DependenceState
from claims.models import OutletDependence
from tests.factories import make_dependence, make_outlet

pytestmark = pytest.mark.django_db

URL = "/api/v1/outlets/dependence/"


@pytest.fixture
def pairs() -> dict:
    wire, copier, other, quiet = (make_outlet(name) for name in ("Wire", "Copier", "Other", "Quiet"))
    return {
        "strong": make_dependence(wire, copier, score=0.97, shared=14, denied=9, discount=97),
        "weak": make_dependence(other, quiet, score=0.2),
        "mid": make_dependence(copier, other, score=0.6),
        "wire": wire,
        "copier": copier,
    }


def test_the_newsroom_lists_pairs_strongest_first_with_their_evidence(as_editor, pairs, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = as_editor.get(URL)
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [row["score"] for row in rows] == [0.97, 0.6, 0.2]
    first = rows[0]
    assert (first["outlet"]["name"], first["depends_on"]["name"]) == ("Copier", "Wire")
    assert first["evidence"]["shared_claims"] == 14 and first["evidence"]["shared_denied"] == 9
    assert first["summary"] == "Copier often repeats Wire a day later; 14 shared claims, 9 of them later denied"


def test_the_query_count_does_not_grow_with_the_page(as_editor, pairs, django_assert_max_num_queries):
    for n in range(20):
        make_dependence(make_outlet(f"A{n}"), make_outlet(f"B{n}"), score=0.5)
    with django_assert_max_num_queries(6):
        assert len(as_editor.get(URL).json()["results"]) == 23


def test_it_filters_by_outlet_id_or_slug_and_minimum_score(as_editor, pairs):
    by_id = as_editor.get(URL, {"outlet": pairs["copier"].pk}).json()["results"]
    assert {row["id"] for row in by_id} == {pairs["strong"].pk, pairs["mid"].pk}
    by_slug = as_editor.get(URL, {"outlet": pairs["wire"].slug}).json()["results"]
    assert [row["id"] for row in by_slug] == [pairs["strong"].pk]
    strong = as_editor.get(URL, {"min_score": "0.5"}).json()["results"]
    assert [row["score"] for row in strong] == [0.97, 0.6]
    assert as_editor.get(URL, {"state": "dismissed"}).json()["results"] == []


@pytest.mark.parametrize(
    "query", [{"outlet": "no-such-outlet"}, {"min_score": "1.5"}, {"min_score": "high"}, {"state": "maybe"}, {"x": 1}]
)
def test_a_bad_filter_is_a_400(as_editor, pairs, query):
    response = as_editor.get(URL, query)
    assert response.status_code == 400
    assert response.json()["detail"]


def test_consumers_see_no_pairs(anonymous, as_consumer, pairs):
    assert anonymous.get(URL).json()["results"] == []
    assert as_consumer.get(URL).json()["results"] == []
    assert anonymous.get(f"{URL}{pairs['strong'].pk}/").status_code == 404


def test_a_reviewer_confirms_a_pair_with_a_reason(as_reviewer, reviewer, pairs):
    pair = pairs["strong"]
    response = as_reviewer.post(f"{URL}{pair.pk}/confirm/", {"reason": "Same newsroom."}, format="json")
    assert response.status_code == 200
    assert (response.json()["state"], response.json()["reviewed_by"]) == ("confirmed", reviewer.username)
    pair.refresh_from_db()
    assert (pair.state, pair.review_note, pair.discount) == (DependenceState.CONFIRMED, "Same newsroom.", 0)


def test_a_reviewer_dismisses_a_pair(as_reviewer, pairs):
    pair = pairs["strong"]
    response = as_reviewer.post(f"{URL}{pair.pk}/dismiss/", {}, format="json")
    assert response.status_code == 200
    pair.refresh_from_db()
    assert (pair.state, pair.dismissed_shared, pair.dismissed_denied) == (DependenceState.DISMISSED, 14, 9)


def test_a_confirmation_without_a_reason_is_a_400(as_reviewer, pairs, nothing_changes):
    with nothing_changes():
        response = as_reviewer.post(f"{URL}{pairs['strong'].pk}/confirm/", {"reason": " "}, format="json")
    assert response.status_code == 400
    assert "reason" in response.json()["errors"]


def test_an_editor_may_not_decide(as_editor, pairs, nothing_changes):
    with nothing_changes():
        response = as_editor.post(f"{URL}{pairs['strong'].pk}/confirm/", {"reason": "Sure."}, format="json")
    assert response.status_code == 403


def test_deciding_twice_is_a_409(as_reviewer, pairs):
    url = f"{URL}{pairs['strong'].pk}/dismiss/"
    assert as_reviewer.post(url, {}, format="json").status_code == 200
    response = as_reviewer.post(url, {}, format="json")
    assert response.status_code == 409
    assert OutletDependence.objects.get(pk=pairs["strong"].pk).state == DependenceState.DISMISSED


def test_an_unknown_pair_is_a_404(as_reviewer, pairs):
    assert as_reviewer.post(f"{URL}999999/confirm/", {"reason": "x"}, format="json").status_code == 404
