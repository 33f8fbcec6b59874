"""GET /api/v1/claims/similar/ by meaning: an Arabic or Persian wording finds its English twin."""

import pytest

from claims.services.merges import claim_merge
from tests.api.conftest import publish
from tests.factories import make_claim

pytestmark = pytest.mark.django_db

URL = "/api/v1/claims/similar/"
CLAIMED = "Hezbollah claimed responsibility for the drone attack on al-Tanf base on October 20, 2021."
DENIED = "Hezbollah denied responsibility for the drone attack on al-Tanf base on October 20, 2021."
OTHER = "Kataib Hezbollah claimed responsibility for the rocket attack on Erbil airport on January 28, 2024."
BREAD = "The price of bread in Damascus rose sharply in October."
ARABIC_CLAIMED = "أعلن حزب الله مسؤوليته عن الهجوم بطائرة مسيرة على قاعدة التنف في 20 أكتوبر 2021."
PERSIAN_CLAIMED = "حزب‌الله مسئولیت حمله پهپادی به پایگاه التنف در ۲۰ اکتبر ۲۰۲۱ را بر عهده گرفت."


@pytest.fixture
def corpus(embedded) -> dict:
    claims = {text: publish(make_claim(text)) for text in (CLAIMED, DENIED, OTHER, BREAD)}
    embedded()
    return claims


def ask(client, text: str, **params) -> dict:
    response = client.get(URL, {"text": text, **params})
    assert response.status_code == 200, response.json()
    return response.json()


@pytest.mark.parametrize("text", [ARABIC_CLAIMED, PERSIAN_CLAIMED])
def test_a_translation_finds_its_twin_first_by_meaning(anonymous, corpus, text: str) -> None:
    answer = ask(anonymous, text)
    first = answer["results"][0]
    assert first["claim"]["text"] == CLAIMED
    assert first["match"] == "meaning"
    assert first["language"] == "en"
    assert answer["language"] in ("ar", "fa")


@pytest.mark.parametrize("text", [ARABIC_CLAIMED, PERSIAN_CLAIMED])
def test_the_denial_is_not_taken_for_the_claim(anonymous, corpus, text: str) -> None:
    ranked = [r["claim"]["text"] for r in ask(anonymous, text)["results"]]
    assert DENIED not in ranked[: ranked.index(CLAIMED) + 1]
    assert BREAD not in ranked


def test_a_claim_waiting_for_its_vector_is_still_found_by_wording(anonymous) -> None:
    publish(make_claim("Hezbollah fired rockets at the al-Tanf base on October 20"))  # no vector yet
    [first] = ask(anonymous, "Hizbullah fired rockets at the At-Tanf base on October 20")["results"]
    assert first["claim"]["text"] == "Hezbollah fired rockets at the al-Tanf base on October 20"
    assert first["match"] == "wording" and first["language"] == "en"


def test_consumers_find_no_draft_by_meaning(anonymous, as_editor, embedded) -> None:
    make_claim(CLAIMED)
    embedded()
    assert ask(anonymous, ARABIC_CLAIMED)["results"] == []
    assert [r["claim"]["text"] for r in ask(as_editor, ARABIC_CLAIMED)["results"]][:1] == [CLAIMED]


def test_a_merged_claim_is_never_listed(as_editor, corpus, embedded) -> None:
    arabic = make_claim(ARABIC_CLAIMED)
    embedded()
    claim_merge(claim=arabic, into=corpus[CLAIMED], reason="the same claim", by=None)
    ids = [r["claim"]["id"] for r in ask(as_editor, ARABIC_CLAIMED)["results"]]
    assert arabic.pk not in ids and corpus[CLAIMED].pk in ids


@pytest.mark.parametrize("text", ["2021-10-20 !!!", "١٢٣", "\u041d\u0435zbollah claimed the attack"])
def test_a_text_in_no_language_is_refused(anonymous, corpus, text: str) -> None:
    response = anonymous.get(URL, {"text": text})
    assert response.status_code == 400
    assert "text" in response.json()["errors"]


def test_queries_do_not_grow_with_the_corpus(anonymous, embedded, django_assert_max_num_queries) -> None:
    for n in range(3):
        publish(make_claim(f"{CLAIMED} Report {n}."))
    embedded()
    ask(anonymous, ARABIC_CLAIMED)  # the index is built on its first search
    with django_assert_max_num_queries(8) as small:
        ask(anonymous, ARABIC_CLAIMED)
    for n in range(3, 15):
        publish(make_claim(f"{OTHER} Report {n}."))
    embedded()
    with django_assert_max_num_queries(len(small.captured_queries)):
        ask(anonymous, ARABIC_CLAIMED)
