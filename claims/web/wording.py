"""Words shown next to codes, so a reader needs no legend to read a badge."""

from django.utils.translation import gettext_lazy as _

from claims.choices import Reliability

# The Admiralty (NATO AJP-2.1) information-credibility scale, the digit of an admiralty code.
CREDIBILITY_WORDS: dict[int, str] = {
    1: _("confirmed by other sources"),
    2: _("probably true"),
    3: _("possibly true"),
    4: _("doubtful"),
    5: _("improbable"),
    6: _("truth cannot be judged"),
}


def reliability_words(letter: str) -> str:
    """ "B" -> "usually reliable": the grade's label without its letter."""
    try:
        label = Reliability(letter).label
    except ValueError:
        return ""
    return str(RELIABILITY_WORDS.get(letter, label))


# The Admiralty source-reliability scale, the letter of an admiralty code, in words.
RELIABILITY_WORDS: dict[str, str] = {
    "A": _("completely reliable"),
    "B": _("usually reliable"),
    "C": _("fairly reliable"),
    "D": _("not usually reliable"),
    "E": _("unreliable"),
    "F": _("reliability cannot be judged"),
}
