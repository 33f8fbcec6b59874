"""Translated republications (SPEC §15): a captured page whose passages say, in another language,
what an earlier captured page's say is suggested as a `translated` citation, passages side by side."""

from datetime import date

import pytest

from claims.capture.translation import Embedded, passages_of, translation
from claims.choices import CitationKind
from claims.models import Citation, SuggestedCitation
from claims.services.suggestions import suggest_citations, suggestion_accept
from tests.factories import make_appearance, make_capture, make_claim, make_outlet, make_snapshot

pytestmark = pytest.mark.django_db

ARABIC = """# هجوم على التنف
أعلنت غرفة عمليات حلفاء سوريا مسؤوليتها عن الهجوم بطائرات مسيرة على قاعدة التنف في 20 أكتوبر 2021.
وقالت الغرفة في بيان إن الهجوم جاء ردا على الغارات الإسرائيلية التي استهدفت مواقع قرب تدمر.
وأضاف البيان أن الطائرات المسيرة أصابت أهدافها داخل القاعدة التي تستضيف القوات الأمريكية.
ولم تعلن وزارة الدفاع الأمريكية عن وقوع إصابات بين جنودها حتى الآن."""
ENGLISH = """# Drone attack on al-Tanf
The Allies of Syria Operations Room claimed responsibility for the drone attack on the al-Tanf base on October 20, 2021.
The operations room said in a statement that the attack was a response to the Israeli strikes on sites near Palmyra.
The statement added that the drones hit their targets inside the base, which hosts American forces.
The US Department of Defense has not reported any casualties among its soldiers so far."""
UNRELATED = """# Markets
The price of bread in Damascus rose sharply in October as the currency lost a third of its value.
Traders in the old city said that flour deliveries had been irregular for weeks before the rise.
The ministry of trade promised new subsidies for bakeries in the capital and in the countryside."""
DENIAL = """# Denial
The Allies of Syria Operations Room denied responsibility for the drone attack on the al-Tanf base on October 20, 2021.
The operations room said in a statement that it had no role in the attack on the base near Palmyra.
It denied that its drones had hit any targets inside the base, which hosts American forces."""


def test_a_translation_matches_passage_by_passage() -> None:
    found = translation(Embedded.of(ENGLISH), Embedded.of(ARABIC))
    assert found is not None and found.share >= 0.75
    first = found.passages[0]
    assert first.citing.startswith("The Allies of Syria Operations Room claimed")
    assert first.cited.startswith("أعلنت غرفة عمليات حلفاء سوريا")


def test_a_different_story_or_its_denial_is_no_translation() -> None:
    assert translation(Embedded.of(UNRELATED), Embedded.of(ARABIC)) is None
    assert translation(Embedded.of(DENIAL), Embedded.of(ARABIC)) is None


def test_headings_and_scraps_are_not_passages() -> None:
    assert passages_of("# Title\nToo short.\nThis sentence is long enough to carry a claim.") == [
        "This sentence is long enough to carry a claim."
    ]


def captured(claim, text: str, language: str, published_on: date):
    appearance = make_appearance(claim, outlet=make_outlet(), published_on=published_on, url="")
    snapshot = make_snapshot(appearance)
    snapshot.main_text, snapshot.language = text, language
    snapshot.save(update_fields=["main_text", "language"])
    return appearance, snapshot


def test_the_later_page_in_another_language_is_suggested_as_translated(editor) -> None:
    claim = make_claim("The Allies of Syria Operations Room claimed the drone attack on al-Tanf")
    arabic, _ = captured(claim, ARABIC, "ar", date(2021, 10, 20))
    english, snapshot = captured(claim, ENGLISH, "en", date(2021, 10, 21))
    capture = make_capture(claim=claim)

    [suggestion] = suggest_citations(capture=capture, appearance=english, links=[], text=ENGLISH, language="en")

    assert (suggestion.citing, suggestion.cited, suggestion.kind) == (english, arabic, CitationKind.TRANSLATED)
    assert suggestion.evidence["languages"] == {"citing": "en", "cited": "ar"}
    assert suggestion.passages and all(set(p) == {"citing", "cited"} for p in suggestion.passages)
    assert all(p["citing"] in ENGLISH and p["cited"] in ARABIC for p in suggestion.passages)
    accepted = suggestion_accept(suggestion=SuggestedCitation.objects.get(pk=suggestion.pk), by=editor)
    citation = Citation.objects.get(pk=accepted.citation_id)
    assert citation.kind == CitationKind.TRANSLATED and "another language" in citation.note


def test_the_arabic_page_captured_second_is_still_the_cited_one(editor) -> None:
    claim = make_claim("The Allies of Syria Operations Room claimed the drone attack on al-Tanf")
    english, _ = captured(claim, ENGLISH, "en", date(2021, 10, 21))
    arabic, _ = captured(claim, ARABIC, "ar", date(2021, 10, 20))
    [suggestion] = suggest_citations(capture=make_capture(claim=claim), appearance=arabic, links=[], text=ARABIC,
                                     language="ar")  # fmt: skip
    assert (suggestion.citing, suggestion.cited) == (english, arabic)
    assert suggestion.evidence["languages"] == {"citing": "en", "cited": "ar"}


def test_pages_in_one_language_are_left_to_text_reuse(editor) -> None:
    claim = make_claim("The Allies of Syria Operations Room claimed the drone attack on al-Tanf")
    captured(claim, ARABIC, "en", date(2021, 10, 20))  # said to be English: not another language
    english, _ = captured(claim, ENGLISH, "en", date(2021, 10, 21))
    assert suggest_citations(capture=make_capture(claim=claim), appearance=english, links=[], text=ENGLISH,
                             language="en") == []  # fmt: skip
