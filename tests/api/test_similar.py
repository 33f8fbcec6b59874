"""Near-duplicate claims: the selector (on SQLite and PostgreSQL alike) and GET /api/v1/claims/similar/."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Claim
from claims.selectors.similar import similar_claims, similarity, trigram_shortlist
from claims.transliteration import skeleton
from tests.api.conftest import publish
from tests.factories import make_appearance, make_claim

pytestmark = pytest.mark.django_db

URL = "/api/v1/claims/similar/"

ROCKETS = "Hezbollah fired rockets at the al-Tanf base on October 20"
STRIKE = "Qassem Soleimani ordered the strike on the al-Tanf garrison"
BREAD = "The price of bread in Damascus rose sharply in October"
DRONES = "Iran supplied the drones used against the al-Tanf base"
DRAFT = "Hezbollah fired rockets at the al-Tanf base"


@pytest.fixture
def corpus() -> dict:
    claims = {text: make_claim(text) for text in (ROCKETS, STRIKE, BREAD, DRONES)}
    for claim in claims.values():
        make_appearance(claim, published_on=date(2021, 10, 21))
        publish(claim)
    claims[DRAFT] = make_claim(DRAFT)
    return claims


def texts(results) -> list[str]:
    return [r.claim.text for r in results]


@pytest.mark.parametrize(
    "spelling",
    [
        "Hizbullah fired rockets at the At-Tanf base on October 20",
        "Hizballah fired rockets at the al-Tanf base on October 20",
        "hezbollah FIRED rockets at al Tanf base, October 20",
    ],
)
def test_transliterations_of_a_claim_find_it_first(corpus, spelling: str) -> None:
    results = similar_claims(text=spelling, user=None)
    assert texts(results)[0] == ROCKETS
    assert results[0].score > 0.9


def test_qasem_finds_qassem(corpus) -> None:
    results = similar_claims(text="Qasem Suleimani ordered the strike on the at-Tanf garrison", user=None)
    assert texts(results) == [STRIKE]


def test_unrelated_text_finds_nothing(corpus) -> None:
    assert similar_claims(text="The football season in Beirut was cancelled", user=None) == []


def test_the_exact_wording_ranks_above_a_transliteration_and_a_fragment(corpus) -> None:
    variant = make_claim("Hizbullah fired rockets at the At-Tanf base on October 20")
    fragment = make_claim("Hezbollah fired rockets at al-Tanf")
    for claim in (variant, fragment):
        publish(claim)

    results = similar_claims(text=ROCKETS, user=None)

    assert texts(results)[:3] == [ROCKETS, variant.text, fragment.text]
    assert results[0].score == 1.0
    assert results[0].score > results[1].score > results[2].score
    assert BREAD not in texts(results)


def test_limit_is_honoured(corpus) -> None:
    for n in range(5):
        publish(make_claim(f"Hezbollah fired rockets at the al-Tanf base, report {n}"))
    assert len(similar_claims(text=ROCKETS, user=None, limit=3)) == 3


def test_consumers_never_see_drafts_the_newsroom_does(corpus, editor) -> None:
    assert DRAFT not in texts(similar_claims(text=DRAFT, user=None))
    assert DRAFT in texts(similar_claims(text=DRAFT, user=editor))


def test_similarity_is_symmetric_enough_and_bounded() -> None:
    assert similarity(ROCKETS, ROCKETS) == 1.0
    assert 0 <= similarity(ROCKETS, BREAD) < 0.6
    assert similarity("", ROCKETS) == 0.0


def test_api_ranks_claims_with_scores(anonymous, corpus) -> None:
    response = anonymous.get(URL, {"text": "Hizbullah fired rockets at the At-Tanf base", "limit": 2})

    assert response.status_code == 200
    body = response.json()
    assert body["text"] == "Hizbullah fired rockets at the At-Tanf base"
    assert [r["claim"]["text"] for r in body["results"]] == [ROCKETS]
    assert 0.6 < body["results"][0]["score"] <= 1
    assert body["results"][0]["claim"]["id"] == corpus[ROCKETS].pk


def test_api_shows_drafts_to_the_newsroom_only(anonymous, as_editor, corpus) -> None:
    public = anonymous.get(URL, {"text": DRAFT}).json()["results"]
    newsroom = as_editor.get(URL, {"text": DRAFT}).json()["results"]
    assert DRAFT not in [r["claim"]["text"] for r in public]
    assert newsroom[0]["claim"]["text"] == DRAFT


@pytest.mark.parametrize(
    ("query", "field"),
    [({}, "text"), ({"text": ""}, "text"), ({"text": "x", "limit": 0}, "limit"), ({"text": "x", "limit": 51}, "limit")],
)
def test_api_refuses_bad_queries_with_a_json_400(anonymous, query: dict, field: str) -> None:
    response = anonymous.get(URL, query)

    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_api_query_count_does_not_grow_with_the_results(anonymous, corpus) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert anonymous.get(URL, {"text": ROCKETS, "limit": 50}).status_code == 200
        return len(captured)

    few = queries()
    for n in range(20):
        publish(make_claim(f"Hezbollah fired rockets at the al-Tanf base, report {n}"))
    assert queries() == few


def test_shortlist_can_use_the_trigram_index_on_postgresql(corpus) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("pg_trgm and its GIN index are PostgreSQL's")
    shortlist = trigram_shortlist(Claim.objects.all(), skeleton(ROCKETS))
    with connection.cursor() as cursor:
        # A handful of rows would be scanned anyway; forbid that to see whether the index serves the query.
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = shortlist.explain()
    assert "claim_text_key_trgm" in plan


def test_a_close_match_is_found_among_many_claims_sharing_a_word(corpus) -> None:
    """The shortlist keeps the claims that share the most of the query, not merely the newest."""
    for n in range(260):
        publish(make_claim(f"Hezbollah statement number {n} on Lebanon"))
    assert texts(similar_claims(text="Hizbullah fired rockets at the At-Tanf base on October 20", user=None))[0] == (
        ROCKETS
    )
