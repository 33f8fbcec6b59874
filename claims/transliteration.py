"""Folding and phonetic keys, so that Hizbullah finds Hezbollah and at-Tanf finds al-Tanf.

`fold` makes text comparable across case, accents and scripts (Arabic and
Persian are transliterated to Latin by Unidecode). `skeleton` goes further for
names transliterated from Arabic: it drops the article, vowels, h and doubled
letters and merges q/k, so Qasem, Qassem and Kasem share one key.
"""

import re

from unidecode import unidecode

_NON_WORD = re.compile(r"[^a-z0-9]+")
_ARTICLES = frozenset({"al", "el", "ul", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "the"})
_DROPPED = str.maketrans("", "", "aeiouyhw'")
_MERGED = str.maketrans({"q": "k", "c": "k", "v": "f", "p": "b", "j": "g"})


def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces."""
    return " ".join(_NON_WORD.split(unidecode(text or "").lower())).strip()


def _word_skeleton(word: str) -> str:
    head, rest = word[0], word[1:].translate(_DROPPED)
    key = (head + rest).translate(_MERGED)
    out = [key[0]]
    for char in key[1:]:
        if char != out[-1]:
            out.append(char)
    return "".join(out)


def skeleton(text: str) -> str:
    """A phonetic key per word, articles dropped: "al-Hizballah" -> "hzbl"."""
    words = [w for w in fold(text).split() if w not in _ARTICLES]
    return " ".join(_word_skeleton(w) for w in words)


def search_document(*parts: str) -> str:
    """What `q` is matched against: the words as given, folded, and their keys.

    Bounded by spaces so a query can anchor on a word start (" hzbl").
    """
    given = " ".join(p.lower() for p in parts if p)
    folded = fold(" ".join(parts))
    return f" {given} | {folded} | {skeleton(folded)} "
