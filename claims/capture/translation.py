"""Translated republications: passages of one captured page that say, in another language, what
passages of another say (SPEC §15). Where claims/capture/reuse.py finds words copied, this finds
meaning carried over: an English monitor's rendering of an Arabic daily's report.

Each page's main text is cut into passages (sentences of at least MIN_WORDS words, at most
MAX_PASSAGES of them: the opening of an article carries its claim) and each passage embedded by
the sentence model (claims/meaning/model.py). A passage of the later page is matched to its
nearest passage of the earlier one when their cosine, less the stance penalty (a translation
never turns a denial into a claim), is at least PASSAGE_MATCH; each earlier passage is matched
once. The pages are suggested as `translated` when at least MIN_MATCHED passages match and they
are at least SHARE of the later page's passages. The passages are shown as each page has them.

Thresholds (docs/meaning.md): translations of one sentence by multilingual-e5 score 0.88-0.95;
two sentences of one story that say different things, 0.80-0.87.
"""

import re
from dataclasses import dataclass

import numpy as np

from claims.capture.reuse import Passage
from claims.meaning.model import embed
from claims.meaning.stance import stance_penalty

MIN_WORDS = 6
MAX_PASSAGES = 40
PASSAGE_MATCH = 0.875
MIN_MATCHED = 2
SHARE = 0.3
SHOWN = 3
# A sentence ends at . ! ? and the Arabic question mark, or at a line's end.
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")


@dataclass(frozen=True)
class Translation:
    share: float  # the part of the later page's passages matched in the earlier one, 0-1
    similarity: float  # the mean cosine of the matched pairs
    passages: list[Passage]


def passages_of(text: str) -> list[str]:
    """The text's sentences long enough to carry a claim, in order; headings ("# …") left out."""
    found = []
    for sentence in _SENTENCE_END.split(text or ""):
        sentence = " ".join(sentence.split())
        if sentence.startswith("#") or len(sentence.split()) < MIN_WORDS:
            continue
        found.append(sentence)
        if len(found) == MAX_PASSAGES:
            break
    return found


@dataclass(frozen=True)
class Embedded:
    """A page's passages and their vectors, computed once for all the pages it is compared with."""

    passages: list[str]
    vectors: np.ndarray

    @classmethod
    def of(cls, text: str) -> "Embedded":
        passages = passages_of(text)
        return cls(passages, embed(passages))


def translation(later: Embedded, earlier: Embedded) -> Translation | None:
    """How much of `later` says what `earlier` says, if enough to suggest a `translated` edge."""
    if not later.passages or not earlier.passages:
        return None
    cosines = later.vectors @ earlier.vectors.T
    for i, a in enumerate(later.passages):
        for j, b in enumerate(earlier.passages):
            cosines[i, j] -= stance_penalty(a, b)
    pairs, taken = [], set()
    # Best pairs first, each passage of either page in one pair at most.
    for flat in np.argsort(-cosines, axis=None):
        i, j = divmod(int(flat), cosines.shape[1])
        if cosines[i, j] < PASSAGE_MATCH:
            break
        if i in {p[0] for p in pairs} or j in taken:
            continue
        pairs.append((i, j, float(cosines[i, j])))
        taken.add(j)
    share = len(pairs) / len(later.passages)
    if len(pairs) < MIN_MATCHED or share < SHARE:
        return None
    pairs.sort(key=lambda pair: pair[0])  # in the later page's order
    shown = sorted(pairs, key=lambda pair: -pair[2])[:SHOWN]
    return Translation(
        share=round(share, 3),
        similarity=round(float(np.mean([p[2] for p in pairs])), 3),
        passages=[Passage(later.passages[i], earlier.passages[j]) for i, j, _ in sorted(shown)],
    )
