"""`q` asks for each word folded only: that finds everything the words as given would."""

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.selectors.claim_filters import search_patterns, search_words
from claims.transliteration import search_document

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
NAMES = st.sampled_from("al-Ḥizbullāh Qasem’s  —, .")
TEXT = st.text(st.one_of(st.characters(exclude_categories=["Cs"]), ARABIC, NAMES), min_size=1)


@settings(max_examples=500)
@given(TEXT, st.data())
def test_words_found_as_given_are_found_by_the_patterns(text, data):
    given_words = text.lower()
    start = data.draw(st.integers(0, len(given_words) - 1))
    end = data.draw(st.integers(start + 1, len(given_words)))
    query = given_words[start:end].strip()
    if not query:
        return
    document = search_document(text)

    assert query in document
    for word in search_words(query):
        assert any(pattern in document for pattern in search_patterns(word)), word


def test_a_symbol_without_letters_is_looked_for_as_given():
    assert search_patterns("☂")[0] == "☂"
    assert search_patterns("al-Tanf") == ["al tanf", " tnf"]


def test_an_article_alone_is_not_required_beside_other_words():
    assert search_words("al Tanf") == ["Tanf"]
    assert search_words("the") == ["the"]
