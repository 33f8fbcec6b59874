"""Text reuse is matched on folded words and shown in each page's own words (issue 23, item 2)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.capture.reuse import MIN_PASSAGE, Words, text_reuse
from claims.transliteration import fold

EARLIER = (
    "Sources told the paper that the “Allies of Syria Operations Room” launched five drones at the al-Tanf "
    "base on October 20, 2021, and that the attack answered Israeli strikes near Palmyra. Nobody was hurt."
)
LATER = (
    "In other news, SOURCES TOLD THE PAPER THAT THE ALLIES OF SYRIA OPERATIONS ROOM LAUNCHED FIVE DRONES AT "
    "THE AL TANF BASE ON OCTOBER 20 2021, AND THAT THE ATTACK ANSWERED ISRAELI STRIKES NEAR PALMYRA! "
    "Markets closed higher on Tuesday after a quiet session."
)


def squeezed(text: str) -> str:
    return " ".join(text.split())


def test_a_copied_passage_is_shown_as_each_page_wrote_it():
    reuse = text_reuse(LATER, EARLIER)

    assert reuse is not None and reuse.kind == "paraphrased"
    [passage] = reuse.passages
    assert passage.citing.startswith("SOURCES TOLD THE PAPER THAT THE ALLIES") and "AL TANF" in passage.citing
    assert passage.cited.startswith("Sources told the paper that the “Allies") and "al-Tanf" in passage.cited
    assert fold(passage.citing) == fold(passage.cited)


def test_words_keep_the_span_each_folded_word_came_from():
    words = Words.of("The al-Tanf base — hit.")

    assert words.folded == ["the", "al", "tanf", "base", "hit"]
    assert words.original(1, 3) == "al-Tanf base"


sentences = st.lists(
    st.sampled_from(EARLIER.split() + LATER.split() + ["—", "«", "»", "al-", "‘x’"]), min_size=0, max_size=80
)


@settings(max_examples=60, deadline=None)
@given(sentences, sentences, st.integers(min_value=0, max_value=30))
def test_every_passage_is_a_span_of_its_own_page_and_long_enough(before, after, cut):
    copied = EARLIER.split()[cut:]
    later = " ".join([*before, *copied, *after])
    reuse = text_reuse(later, EARLIER)

    for passage in reuse.passages if reuse else []:
        assert squeezed(passage.citing) in squeezed(later)
        assert squeezed(passage.cited) in squeezed(EARLIER)
        assert len(fold(passage.cited).split()) >= MIN_PASSAGE
