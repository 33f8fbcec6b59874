"""Whether a claim's wording asserts or denies: the one thing sentence vectors barely see.

"Hezbollah claimed the attack" and "Hezbollah denied the attack" are 0.95 alike by
multilingual-e5 (more alike than the first and its own Arabic translation), because they share
every actor, place and event. A newsroom must never take one for the other's duplicate, so the
meaning score of a pair whose stances differ is lowered by STANCE_PENALTY (claims/selectors/
similar.py). A text is a denial when it carries a denial cue of its language; every other text
asserts. Cues are matched as whole words in the text's own script, after one light normalisation
(lower case; no Arabic diacritics or tatweel; one form of alef, yeh, kaf and heh), so "نفى"
(denied) is never read inside "النفط" (oil); an Arabic cue may carry the clitic و or ف ("ونفى").
Transliterating first would not do: نفت (she denied) and نفط (oil) both become "nft".
"""

import re
from functools import cache

ASSERTS, DENIES = "asserts", "denies"
# Larger than the gap between a translation and a same-language paraphrase (0.05-0.10 by e5).
STANCE_PENALTY = 0.15

DENIAL_CUES = {
    "en": [
        "deny", "denies", "denied", "denial", "denials", "denying", "refute", "refuted", "disavow",
        "rejected responsibility",
        "rejects responsibility", "not responsible", "no involvement", "not involved", "no role",
        "nothing to do with", "had no part", "did not carry out", "did not claim", "was not behind",
        "were not behind", "is not behind", "dismissed claims", "dismissed reports", "false claims",
    ],
    "ar": [
        "نفى", "نفت", "ينفي", "تنفي", "نفي", "نفيا", "ينفى", "انكر", "انكرت", "ينكر", "تنكر", "لا علاقه",
        "لا صله", "غير مسؤول", "لم يكن وراء", "لم تكن وراء", "ليس وراء", "ليست وراء", "كذب", "تكذيب", "لم يتبن",
        "لم تتبن", "رفض الاتهام", "رفضت الاتهام", "رفض اتهام", "رفضت اتهام",
    ],
    "fa": [
        "تکذیب", "تكذيب", "انکار", "انكار", "نفی", "نفي", "رد کرد", "رد كرد", "هیچ نقشی", "نقشی نداشت",
        "دست نداشت", "دخالتی نداشت", "ربطی ندارد", "ربطی نداشت", "مسئولیتی ندارد", "مسئولیت آن را نپذیرفت",
        "بر عهده نگرفت", "نبود", "نبوده", "نبودند", "نداشت", "نداشتند",
    ],
}  # fmt: skip


_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, superscript alef, tatweel
_LETTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك", "ۀ": "ه", "\u200c": " "}
)


def normalized(text: str) -> str:
    return " ".join(_MARKS.sub("", (text or "").lower()).translate(_LETTERS).split())


@cache
def _pattern() -> re.Pattern:
    cues = sorted({normalized(cue) for cues in DENIAL_CUES.values() for cue in cues}, key=len, reverse=True)
    alternatives = "|".join(re.escape(cue) for cue in cues if cue)
    return re.compile(f"(?<!\\w)[وف]?(?:{alternatives})(?!\\w)")


def stance(text: str) -> str:
    """DENIES when the wording denies (in English, Arabic or Persian), else ASSERTS."""
    return DENIES if _pattern().search(normalized(text)) else ASSERTS


def stance_penalty(a: str, b: str) -> float:
    """What the meaning score of two texts loses when one asserts what the other denies."""
    return STANCE_PENALTY if stance(a) != stance(b) else 0.0
