"""Text reuse between two captured articles: how much of one is copied from the other.

Each text is folded (claims.transliteration.fold: lower case, one script, no punctuation) and
cut into shingles of SHINGLE words. A MinHash of each (datasketch, NUM_PERM permutations)
estimates their resemblance cheaply, and screens out pairs that share nothing; for the pairs
it keeps, the shared shingles are counted exactly and joined back into the passages they come
from, which are shown with the suggestion.

Thresholds (docs/capture.md):
- `republished`: the later text is near-identical to the earlier: at least REPUBLISHED of its
  shingles are the earlier one's;
- `paraphrased`: a part of it is: at least PARAPHRASED of its shingles, and a passage of at
  least MIN_PASSAGE words;
- below that, nothing is suggested.
"""

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


@dataclass(frozen=True)
class Reuse:
    kind: str  # "republished" or "paraphrased"
    share: float  # the part of the later text found in the earlier, 0-1
    passages: list[str]


def words_of(text: str) -> list[str]:
    return fold(text).split()


def shingles(words: list[str]) -> list[tuple[str, ...]]:
    return [tuple(words[i : i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))]


def minhash(grams: list[tuple[str, ...]]) -> MinHash:
    sketch = MinHash(num_perm=NUM_PERM, seed=1)
    sketch.update_batch([" ".join(gram).encode() for gram in grams])
    return sketch


def _passages(words: list[str], shared: set[tuple[str, ...]]) -> list[str]:
    """Runs of the text's words covered by shared shingles, longest first."""
    covered = [False] * len(words)
    for i, gram in enumerate(shingles(words)):
        if gram in shared:
            covered[i : i + SHINGLE] = [True] * SHINGLE
    runs, start = [], None
    for i, hit in enumerate([*covered, False]):
        if hit and start is None:
            start = i
        elif not hit and start is not None:
            runs.append(words[start:i])
            start = None
    runs.sort(key=len, reverse=True)
    return [" ".join(run) for run in runs if len(run) >= MIN_PASSAGE][:MAX_PASSAGES]


def text_reuse(later: str, earlier: str) -> Reuse | None:
    """How much of `later` is `earlier`'s, if enough to suggest an edge."""
    later_words, earlier_words = words_of(later), words_of(earlier)
    later_grams, earlier_grams = shingles(later_words), shingles(earlier_words)
    if not later_grams or not earlier_grams:
        return None
    if minhash(later_grams).jaccard(minhash(earlier_grams)) < SCREEN:
        return None
    shared = set(later_grams) & set(earlier_grams)
    share = len([g for g in later_grams if g in shared]) / len(later_grams)
    passages = _passages(later_words, shared)
    if share >= REPUBLISHED:
        return Reuse("republished", round(share, 3), passages)
    if share >= PARAPHRASED and passages:
        return Reuse("paraphrased", round(share, 3), passages)
    return None
