"""Made-up names for places, people, actors and outlets, built from syllables.

Nothing here names a real party: the syllables give names that read like the
transliterated Arabic and Persian of the seed documents, so search, folding and
the phonetic keys (Hizbullah ≈ Hezbollah) are exercised the way real data does.
"""

from collections.abc import Callable
from random import Random

ONSETS = ["b", "d", "f", "gh", "h", "j", "k", "kh", "l", "m", "n", "q", "r", "s", "sh", "t", "th", "w", "y", "z"]
VOWELS = ["a", "a", "i", "u", "e", "o", "aa", "ou", "ei", "ai"]
CODAS = ["", "", "", "n", "r", "m", "l", "d", "f", "k", "s", "b", "h", "t"]

PLACE_PATTERNS = ["{w}", "al-{w}", "Tal {w}", "Deir {w}", "Ain {w}", "Jabal {w}", "Wadi {w}", "Kafr {w}", "Bir {w}"]
FIRST_NAMES = [
    "Abbas", "Ahmad", "Ali", "Amir", "Bashar", "Dalia", "Fadi", "Farid", "Hassan", "Hussein", "Jamal", "Karim",
    "Layla", "Mahdi", "Maryam", "Mohammed", "Nabil", "Nasser", "Omar", "Qasem", "Rami", "Reza", "Sami", "Samir",
    "Tariq", "Walid", "Yasmin", "Youssef", "Zainab", "Ziad", "John", "Sarah", "Michael", "Anna", "David", "Elena",
]  # fmt: skip
TITLES = ["Commander", "Spokesman", "General", "Minister", "Colonel", "Sheikh", "Ambassador"]

# Vowel swaps that transliterations of one Arabic name differ by (Hezbollah / Hizbullah).
VOWEL_SWAPS = [("e", "i"), ("i", "e"), ("o", "u"), ("u", "o"), ("aa", "a"), ("ou", "u"), ("q", "k")]


def word(rng: Random, syllables: int | None = None) -> str:
    count = syllables or rng.choice((2, 2, 2, 3))
    parts = [rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(count)]
    return "".join(parts).capitalize()


def place(rng: Random) -> str:
    return rng.choice(PLACE_PATTERNS).format(w=word(rng))


def person(rng: Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {word(rng)}"


def unique_name(rng: Random, make: Callable[[Random], str], seen: set[str]) -> str:
    """A name from `make(rng)` not in `seen` (which it joins), so searches do not collide by accident.

    Some patterns have few names ("{country} Foreign Ministry"); once they run out a word is added.
    """
    name = make(rng)
    for _ in range(10):
        if name.lower() not in seen:
            break
        name = make(rng)
    while name.lower() in seen:
        name = f"{name} {word(rng)}"
    seen.add(name.lower())
    return name


def unique_names(rng: Random, make: Callable[[Random], str], count: int) -> list[str]:
    seen: set[str] = set()
    return [unique_name(rng, make, seen) for _ in range(count)]


def transliterations(rng: Random, name: str, count: int) -> list[str]:
    """Other spellings of a name, the way outlets and agencies write it differently."""
    spellings = []
    if name.startswith(("al-", "Al-")):
        spellings += [name[3:], "Al-" + name[3:] if name.startswith("al-") else "al-" + name[3:], "el-" + name[3:]]
    for old, new in rng.sample(VOWEL_SWAPS, len(VOWEL_SWAPS)):
        if old in name:
            spellings.append(name.replace(old, new, 1))
    unique = [s for i, s in enumerate(spellings) if s != name and s not in spellings[:i]]
    return unique[:count]
