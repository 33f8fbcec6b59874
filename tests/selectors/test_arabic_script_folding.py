"""Arabic-script folding (claims.transliteration.fold_arabic_script): one spelling per word,
whichever of its usual spellings a writer or a keyboard chose, in search, similar claims and
the importer alike."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.selectors.claims import claim_list
from claims.selectors.similar import similarity
from claims.transliteration import fold, fold_arabic_script

# Each group is one letter as writers spell it; the first is what folding keeps.
VARIANTS = [
    "اأإآٱ",
    "وؤ",
    "يىیئ",
    "هة",
    "كک",
]
MARKS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670", "\u0640"]  # tashkeel, superscript alef, tatweel
DIGITS = [("0123456789"[d], chr(0x0660 + d), chr(0x06F0 + d)) for d in range(10)]
LETTERS = st.sampled_from("بتثجحخدذرزسشصضطظعغفقلمنپچژگ")
BASE = st.one_of(LETTERS, st.sampled_from([group[0] for group in VARIANTS]))
WORD = st.text(BASE, min_size=1, max_size=8)
WORDS = st.lists(WORD, min_size=1, max_size=5)


def respell(word: str, draw) -> str:
    """The word as another writer might type it: other seats of hamza, Persian letters, marks."""
    out = []
    for char in word:
        group = next((g for g in VARIANTS if char == g[0]), char)
        out.append(draw(st.sampled_from(group)))
        out.extend(draw(st.lists(st.sampled_from(MARKS), max_size=2)))
    return "".join(out)


@settings(max_examples=300)
@given(WORDS, st.data())
def test_every_spelling_of_a_word_folds_alike(words, data):
    text = " ".join(words)
    respelled = " ".join(respell(word, data.draw) for word in words)
    assert fold(respelled) == fold(text)


@given(st.lists(st.integers(0, 9), min_size=1, max_size=12), st.data())
def test_arabic_indic_and_persian_digits_fold_to_latin(digits, data):
    written = "".join(data.draw(st.sampled_from(DIGITS[d])) for d in digits)
    assert fold(written) == "".join(str(d) for d in digits)


@given(st.text())
def test_folding_goes_character_by_character(text):
    assert fold_arabic_script(text) == "".join(fold_arabic_script(char) for char in text)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("أحمد", "احمد"),
        ("إيران", "ايران"),
        ("آمن", "امن"),
        ("مدرسة", "مدرسه"),
        ("مصطفى", "مصطفي"),
        ("ایران", "إيران"),
        ("کتاب", "كتاب"),
        ("مُحَمَّد", "محمد"),
        ("محــمد", "محمد"),
        ("سؤال", "سوال"),
        ("شيء", "شي"),
        ("می‌خواهد", "میخواهد"),
        ("۱۴۰۲", "1402"),
        ("٢٠٢٣", "2023"),
    ],
)
def test_the_usual_variants_fold_alike(one, other):
    assert fold(one) == fold(other)


def test_different_words_stay_apart():
    assert fold("كتب") != fold("كلب")
    assert fold("حزب") != fold("حرب")


@pytest.mark.django_db
def test_q_finds_a_claim_in_any_spelling_with_every_word_required(editor):
    from tests.factories import make_claim

    claim = make_claim("أعلنت المقاومة الإسلامية في العراق مسؤوليتها عن الهجوم")
    make_claim("أعلنت وزارة الدفاع أن الهجوم فشل")

    def found(query: str) -> list[int]:
        return list(claim_list(user=editor, filters={"q": query}).values_list("id", flat=True))

    assert found("اعلنت المقاومه الاسلاميه") == [claim.pk]
    assert found("مسؤوليتها") == [claim.pk]
    assert found("الْمُقَاوَمَة العراق") == [claim.pk]
    assert found("المقاومة  وزارة") == []  # each word in one claim, never both in one
    assert len(found("الهجوم")) == 2


@pytest.mark.django_db
def test_q_folds_persian_yeh_and_kaf(editor):
    from tests.factories import make_claim

    claim = make_claim("سپاه پاسداران مسئولیت حمله را پذیرفت")
    found = claim_list(user=editor, filters={"q": "مسئوليت"}).values_list("id", flat=True)
    assert list(found) == [claim.pk]


def test_similar_claims_read_spellings_alike():
    assert similarity("أعلنت المقاومة مسؤوليتها", "اعلنت المقاومه مسؤوليتها") == 1.0
    assert similarity("ایران و کشورها", "إيران و كشورها") == 1.0


@settings(max_examples=300)
@given(WORDS, st.data())
def test_a_query_of_the_words_in_any_spelling_and_order_finds_the_text(words, data):
    from claims.selectors.claim_filters import search_patterns, search_words
    from claims.transliteration import search_document

    document = search_document(" ".join(words))
    asked = data.draw(st.lists(st.sampled_from(words), min_size=1, max_size=len(words)))
    query = " ".join(respell(word, data.draw) for word in asked)

    for word in search_words(query):
        assert any(pattern in document for pattern in search_patterns(word)), word
