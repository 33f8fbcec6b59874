"""Words shown next to codes, so a reader needs no legend to read a badge."""

from claims.choices import Reliability

# The Admiralty (NATO AJP-2.1) information-credibility scale, the digit of an admiralty code.
CREDIBILITY_WORDS: dict[int, str] = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


def reliability_words(letter: str) -> str:
    """ "B" -> "usually reliable": the grade's label without its letter."""
    try:
        label = Reliability(letter).label
    except ValueError:
        return ""
    return label.split(": ", 1)[-1]
