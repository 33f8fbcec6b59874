"""Text reuse between two captured articles: how much of one is copied from the other.

Each text is cut into words, each word folded (claims.transliteration.fold: lower case, one
script, no punctuation) and kept with where it stands in the text, and the folded words are cut
into shingles of SHINGLE words. A MinHash of each (datasketch, NUM_PERM permutations) estimates
their resemblance cheaply and screens out pairs that share nothing; for the pairs it keeps, the
shared shingles are counted exactly. The matching is done on the folded words, but a passage is
shown as each page published it: the span of the original text its words came from, in the later
page and in the earlier one, side by side (`Passage`).

Thresholds (docs/capture.md):
- `republished`: the later text is near-identical to the earlier: at least REPUBLISHED of its
  shingles are the earlier one's;
- `paraphrased`: a part of it is: at least PARAPHRASED of its shingles, and a passage of at
  least MIN_PASSAGE words;
- below that, nothing is suggested.
"""

import re
from dataclasses import dataclass

from datasketch import MinHash

from claims.transliteration import fold

SHINGLE = 5  # words
NUM_PERM = 128
SCREEN = 0.02  # MinHash resemblance below which two texts are taken to share nothing
REPUBLISHED = 0.8
PARAPHRASED = 0.15
MIN_PASSAGE = 12  # words
MAX_PASSAGES = 3
_WORD = re.compile(r"\S+")

Gram = tuple[str, ...]


@dataclass(frozen=True)
class Passage:
    """One copied passage, in each page's own words: `citing` from the later page, `cited` from the
    earlier. The shape suggestions keep and show (claims/services/suggestions.py)."""

    citing: str
    cited: str

    def as_json(self) -> dict[str, str]:
        return {"citing": self.citing, "cited": self.cited}


@dataclass(frozen=True)
class Reuse:
    kind: str  # "republished" or "paraphrased"
    share: float  # the part of the later text found in the earlier, 0-1
    passages: list[Passage]


@dataclass(frozen=True)
class Words:
    """A text's folded words, each with the span of the original text it was read from."""

    text: str
    folded: list[str]
    spans: list[tuple[int, int]]

    @classmethod
    def of(cls, text: str) -> "Words":
        folded, spans = [], []
        for match in _WORD.finditer(text or ""):
            for word in fold(match.group()).split():  # "al-Tanf" is two folded words, "—" none
                folded.append(word)
                spans.append(match.span())
        return cls(text or "", folded, spans)

    def grams(self) -> list[Gram]:
        return [tuple(self.folded[i : i + SHINGLE]) for i in range(max(0, len(self.folded) - SHINGLE + 1))]

    def original(self, first: int, last: int) -> str:
        """The original text from the word at `first` to the word at `last`, both included."""
        return " ".join(self.text[self.spans[first][0] : self.spans[last][1]].split())


def words_of(text: str) -> list[str]:
    return Words.of(text).folded


def minhash(grams: list[Gram]) -> MinHash:
    sketch = MinHash(num_perm=NUM_PERM, seed=1)
    sketch.update_batch([" ".join(gram).encode() for gram in grams])
    return sketch


def _runs(later: list[Gram], shared: set[Gram]) -> list[tuple[int, int]]:
    """Runs of consecutive shared shingles of the later text: (first shingle, last shingle)."""
    runs, start = [], None
    for i, gram in enumerate([*later, None]):
        if gram is not None and gram in shared:
            start = i if start is None else start
        elif start is not None:
            runs.append((start, i - 1))
            start = None
    return runs


def _aligned(run: tuple[int, int], later: list[Gram], where: dict[Gram, int]) -> tuple[int, int, int]:
    """The longest stretch of the run found word for word in the earlier text:
    (its first shingle in the later text, its first shingle in the earlier, its length in shingles)."""
    best = (run[0], where[later[run[0]]], 1)
    i = run[0]
    while i <= run[1]:
        start, at, length = i, where[later[i]], 1
        while i + 1 <= run[1] and where.get(later[i + 1]) == at + length:
            i, length = i + 1, length + 1
        best = max(best, (start, at, length), key=lambda stretch: stretch[2])
        i += 1
    return best


def _passages(later: Words, earlier: Words, shared: set[Gram]) -> list[Passage]:
    later_grams, earlier_grams = later.grams(), earlier.grams()
    where: dict[Gram, int] = {}
    for i, gram in enumerate(earlier_grams):
        where.setdefault(gram, i)
    found = []
    for run in _runs(later_grams, shared):
        start, at, length = _aligned(run, later_grams, where)
        words = length + SHINGLE - 1
        if words >= MIN_PASSAGE:
            found.append((words, start, at))
    found.sort(key=lambda stretch: (-stretch[0], stretch[1]))
    return [
        Passage(later.original(start, start + words - 1), earlier.original(at, at + words - 1))
        for words, start, at in found[:MAX_PASSAGES]
    ]


def text_reuse(later: str, earlier: str) -> Reuse | None:
    """How much of `later` is `earlier`'s, if enough to suggest an edge."""
    later_words, earlier_words = Words.of(later), Words.of(earlier)
    later_grams, earlier_grams = later_words.grams(), earlier_words.grams()
    if not later_grams or not earlier_grams:
        return None
    if minhash(later_grams).jaccard(minhash(earlier_grams)) < SCREEN:
        return None
    shared = set(later_grams) & set(earlier_grams)
    share = len([g for g in later_grams if g in shared]) / len(later_grams)
    passages = _passages(later_words, earlier_words, shared)
    if share >= REPUBLISHED:
        return Reuse("republished", round(share, 3), passages)
    if share >= PARAPHRASED and passages:
        return Reuse("paraphrased", round(share, 3), passages)
    return None
