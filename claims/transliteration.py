"""Folding and phonetic keys, so that Hizbullah finds Hezbollah and at-Tanf finds al-Tanf.

`fold` makes text comparable across case, accents and scripts (Arabic and
Persian are transliterated to Latin by Unidecode, after `fold_arabic_script` has
merged the spellings one word takes in Arabic script). `skeleton` goes further for
names transliterated from Arabic: it drops the article, vowels, h and doubled
letters and merges q/k, so Qasem, Qassem and Kasem share one key.
"""

import re

from unidecode import unidecode

_NON_WORD = re.compile(r"[^a-z0-9]+")
ARTICLES = frozenset({"al", "el", "ul", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "the"})
_DROPPED = str.maketrans("", "", "aeiouyhw'")
_MERGED = str.maketrans({"q": "k", "c": "k", "v": "f", "p": "b", "j": "g"})

# One word, several spellings: writers and keyboards differ on hamza seats, on taa marbuta
# (often typed as haa), on a final alef maqsura (often typed as yaa), on Persian or Arabic
# yeh and kaf, and vowel marks and the tatweel that stretches a word are optional.
# Each character maps on its own, so whatever occurs in a text occurs folded in its fold.
_ALEF, _WAW, _YEH, _HEH, _KAF = "\u0627", "\u0648", "\u064a", "\u0647", "\u0643"
_ARABIC_SCRIPT = {
    "\u0623": _ALEF,  # أ alef with hamza above
    "\u0625": _ALEF,  # إ alef with hamza below
    "\u0622": _ALEF,  # آ alef with madda
    "\u0671": _ALEF,  # ٱ alef wasla
    "\u0672": _ALEF,  # ٲ
    "\u0673": _ALEF,  # ٳ
    "\u0624": _WAW,  # ؤ waw with hamza
    "\u0626": _YEH,  # ئ yeh with hamza
    "\u0621": "",  # ء hamza on the line
    "\u0629": _HEH,  # ة taa marbuta
    "\u06c0": _HEH,  # ۀ heh with yeh above (Persian ezafe)
    "\u06c1": _HEH,  # ہ heh goal
    "\u06d5": _HEH,  # ە ae
    "\u0649": _YEH,  # ى alef maqsura
    "\u06cc": _YEH,  # ی Persian yeh
    "\u06d2": _YEH,  # ے yeh barree
    "\u06a9": _KAF,  # ک keheh, the Persian kaf
    "\u06aa": _KAF,  # ڪ swash kaf
    "\u0640": "",  # tatweel
    "\u200c": "",  # zero-width non-joiner, Persian's half space (می‌خواهد = میخواهد)
}
_ARABIC_SCRIPT.update({chr(c): "" for c in range(0x064B, 0x0660)})  # tashkeel: harakat, tanwin, shadda, sukun
_QURANIC_MARKS = (0x0670, *range(0x06D6, 0x06DD), *range(0x06DF, 0x06E9), *range(0x06EA, 0x06EE))
_ARABIC_SCRIPT.update({chr(c): "" for c in _QURANIC_MARKS})  # superscript alef, Quranic annotation
_ARABIC_SCRIPT.update({chr(0x0660 + d): str(d) for d in range(10)})  # Arabic-Indic digits
_ARABIC_SCRIPT.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Persian digits
_ARABIC_FOLDING = str.maketrans(_ARABIC_SCRIPT)


def fold_arabic_script(text: str) -> str:
    """One spelling per word in Arabic script: hamza forms, taa marbuta, alef maqsura, yeh and kaf
    merged, vowel marks and tatweel dropped, Arabic-Indic and Persian digits made 0-9."""
    return (text or "").translate(_ARABIC_FOLDING)


def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces."""
    return " ".join(_NON_WORD.split(unidecode(fold_arabic_script(text)).lower())).strip()


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
    words = [w for w in fold(text).split() if w not in ARTICLES]
    return " ".join(_word_skeleton(w) for w in words)


def search_document(*parts: str) -> str:
    """What `q` is matched against: the words as given, folded, and their keys.

    Bounded by spaces so a query can anchor on a word start (" hzbl"). Words that Unidecode
    has no letters for are asked as given with their Arabic script folded: that form is kept
    too, where it differs.
    """
    given = " ".join(p.lower() for p in parts if p)
    arabic = fold_arabic_script(given)
    folded = fold(" ".join(parts))
    return f" {given} | {arabic + ' | ' if arabic != given else ''}{folded} | {skeleton(folded)} "
