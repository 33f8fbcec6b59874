"""Near-duplicate claims (SPEC §8, §15): "Hizbullah attacked At-Tanf" finds "Hezbollah … al-Tanf"
by wording, and "أعلن حزب الله مسؤوليته عن الهجوم على التنف" finds its English twin by meaning.
One answer ranks both (`similar_claims`): each claim once, with its better score and how it
matched, `wording` or `meaning`.

By meaning: the text's vector (claims/meaning/model.py) shortlists claims from the vector index
(claims/meaning/index.py); their stored vectors, read with their rows under the visibility rule,
are scored exactly: cosine, less the stance penalty when one asserts what the other denies
(claims/meaning/stance.py), plus a little for names shared across scripts
(claims/meaning/names.py). A closeness of MEANING_FLOOR is a score of MIN_SCORE, 1 is 1, so the
two kinds of match share one scale and one cut-off (docs/meaning.md says how the floor was measured).

By wording, two steps. The database shortlists candidates by phonetic key: every claim's
`text_key` is skeleton(text) (kept current by rescoring), where Hezbollah,
Hizbullah and Hizballah are all "hzbl" and the Arabic article is gone.
- PostgreSQL: pg_trgm on text_key, served by the GIN index of migration 0002:
  `text_key % key` (whole-text trigram similarity) or `text_key %> key` (the
  key matches some stretch of the text, for short queries), best first.
- SQLite: a LIKE on text_key for each of the query's most distinctive key
  words (the longest), any of them, those sharing the most of them first.
Then rapidfuzz ranks the shortlist in Python: mostly on the keys, as whole texts
(in order and as word sets) or, for a short query, by how much of it the claim
contains; a little on the folded spelling, so an exact spelling ranks above a
transliteration. Claims scoring under MIN_SCORE are left out.
"""

from dataclasses import dataclass
from functools import reduce
from operator import add, or_

import numpy as np
from django.contrib.postgres.search import TrigramSimilarity, TrigramWordSimilarity
from django.db import connection
from django.db.models import Case, Q, QuerySet, Value, When
from django.db.models.functions import Greatest
from rapidfuzz import fuzz, process

from claims.meaning.index import meaning_index
from claims.meaning.model import embed, from_bytes
from claims.meaning.names import name_bonus
from claims.meaning.stance import stance_penalty
from claims.models import Claim
from claims.roles import User
from claims.selectors.claims import claims_shown
from claims.transliteration import fold, skeleton

WORDING, MEANING = "wording", "meaning"
# Cosines of multilingual-e5 sit between about 0.7 (unrelated) and 1; translations of one claim
# score 0.88-0.93, different claims of the same actors and places 0.80-0.87 (bench/meaning.py).
MEANING_FLOOR = 0.865
MEANING_SHORTLIST = 100
# What the new-claim form warns of before a duplicate is recorded: a near-certain match only.
LIKELY_DUPLICATE = 0.8

SHORTLIST = 200
MIN_SCORE = 0.6
# Key words this short ("bs" for base, "n" for on) match too much to narrow a LIKE shortlist.
MIN_KEY_WORD = 3
LIKE_WORDS = 6
# The phonetic keys carry the score; the folded spelling only breaks near-ties in favour of
# the exact spelling. A query found whole inside a longer claim counts, but less than a match.
KEY_WEIGHT, SPELLING_WEIGHT = 0.85, 0.15
CONTAINED_WEIGHT = 0.8
# Key words this long may differ by a letter (a typo) and still count as present.
FUZZY_WORD = 4


@dataclass(frozen=True)
class SimilarClaim:
    claim: Claim
    score: float
    match: str = WORDING


def _whole(a: str, b: str) -> float:
    """Likeness of two whole texts: in order (ratio) and as word sets in any order (token_sort)."""
    return (fuzz.ratio(a, b) + fuzz.token_sort_ratio(a, b)) / 200


def _containment(query_key: str, candidate_key: str) -> float:
    """Share of the query's key words (weighted by length) that the candidate has, for short queries."""
    words = query_key.split()
    present = set(candidate_key.split())
    found = sum(
        len(word)
        for word in words
        if word in present
        or (len(word) >= FUZZY_WORD and process.extractOne(word, present, scorer=fuzz.ratio, score_cutoff=80))
    )
    return found / sum(len(word) for word in words)


def similarity(text: str, claim_text: str) -> float:
    """0-1: how close two claim texts are, across transliterations."""
    query_key, candidate_key = skeleton(text), skeleton(claim_text)
    if not query_key or not candidate_key:
        return 0.0
    key_score = max(_whole(query_key, candidate_key), CONTAINED_WEIGHT * _containment(query_key, candidate_key))
    spelling = _whole(fold(text), fold(claim_text))
    return round(KEY_WEIGHT * key_score + SPELLING_WEIGHT * spelling, 3)


def trigram_shortlist(claims: QuerySet, key: str) -> QuerySet:
    return (
        claims.filter(Q(text_key__trigram_similar=key) | Q(text_key__trigram_word_similar=key))
        .annotate(closeness=Greatest(TrigramSimilarity("text_key", key), TrigramWordSimilarity(key, "text_key")))
        .order_by("-closeness", "-id")
    )


def like_shortlist(claims: QuerySet, key: str) -> QuerySet:
    """Claims with any of the query's longest key words, those sharing the most letters of them first."""
    words = sorted({w for w in key.split() if len(w) >= MIN_KEY_WORD}, key=lambda w: (-len(w), w))[:LIKE_WORDS]
    if not words:
        words = key.split()[:LIKE_WORDS]
    condition = reduce(or_, (Q(text_key__contains=word) for word in words))
    # Ranking the shortlist by overlap keeps the best candidates when thousands share a common word.
    overlap = reduce(
        add, (Case(When(text_key__contains=word, then=Value(len(word))), default=Value(0)) for word in words)
    )
    return claims.filter(condition).annotate(overlap=overlap).order_by("-overlap", "-updated_at", "-id")


def meaning_closeness(text: str, other: str, cosine: float) -> float:
    """The cosine of two texts' vectors as the ranking reads it: less the stance penalty, plus the
    names they share. bench/meaning.py measures this very function."""
    return cosine - stance_penalty(text, other) + name_bonus(text, other)


def meaning_score(closeness: float) -> float:
    """A closeness as a 0-1 score on the wording scale: MEANING_FLOOR is MIN_SCORE, 1 is 1."""
    value = MIN_SCORE + (1 - MIN_SCORE) * (closeness - MEANING_FLOOR) / (1 - MEANING_FLOOR)
    return round(min(1.0, value), 3)


def by_wording(text: str, claims: QuerySet) -> list[SimilarClaim]:
    key = skeleton(text)
    if not key:
        return []
    shortlist = trigram_shortlist if connection.vendor == "postgresql" else like_shortlist
    candidates = shortlist(claims, key)[:SHORTLIST]
    scored = [SimilarClaim(claim, similarity(text, claim.text)) for claim in candidates]
    return [s for s in scored if s.score >= MIN_SCORE]


def by_meaning(text: str, claims: QuerySet, *, vector: np.ndarray | None = None) -> list[SimilarClaim]:
    """Claims whose meaning is close to the text's, whatever their language."""
    vector = embed([text])[0] if vector is None else vector
    candidates = meaning_index.search(vector, MEANING_SHORTLIST)
    if not candidates:
        return []
    rows = claims.filter(pk__in=candidates, meaning__vector__isnull=False).select_related("meaning")
    found = []
    for claim in rows:
        cosine = float(np.dot(from_bytes(claim.meaning.vector), vector))
        score = meaning_score(meaning_closeness(text, claim.text, cosine))
        if score >= MIN_SCORE:
            found.append(SimilarClaim(claim, score, MEANING))
    return found


def ranked(*answers: list[SimilarClaim], limit: int) -> list[SimilarClaim]:
    """Each claim once, by its best score (wording first on a tie), most similar first."""
    best: dict[int, SimilarClaim] = {}
    for answer in answers:
        for found in answer:
            held = best.get(found.claim.pk)
            if held is None or found.score > held.score:
                best[found.claim.pk] = found
    return sorted(best.values(), key=lambda s: (-s.score, -s.claim.pk))[:limit]


def similar_claims(
    *, text: str, user: User | None, limit: int = 10, exclude: int | None = None, vector: np.ndarray | None = None
) -> list[SimilarClaim]:
    """The claims the user may see that read like `text` or mean what it says, most similar first,
    each with a 0-1 score and how it matched. `vector`, when given, is the text's own (a claim's
    stored vector), saving the model a call."""
    claims = claims_shown(user)
    if exclude is not None:
        claims = claims.exclude(pk=exclude)
    return ranked(by_wording(text, claims), by_meaning(text, claims, vector=vector), limit=limit)


def duplicates_in_other_languages(*, claim: Claim, user: User | None, limit: int = 5) -> list[SimilarClaim]:
    """What the claim page lists as likely duplicates: claims in another language that mean what
    this one says. Read from the claim's stored vector; none while it is waiting for one."""
    stored = getattr(claim, "meaning", None)  # none yet: a claim loaded by a path that writes no row
    if stored is None or stored.vector is None:
        return []
    claims = claims_shown(user).exclude(pk=claim.pk)
    if claim.language:
        claims = claims.exclude(language=claim.language)
    return ranked(by_meaning(claim.text, claims, vector=from_bytes(stored.vector)), limit=limit)


def likely_duplicates(*, text: str, user: User | None, limit: int = 5) -> list[SimilarClaim]:
    """Claims the user may see that are likely the one about to be recorded, by wording or meaning."""
    return [found for found in similar_claims(text=text, user=user, limit=limit) if found.score >= LIKELY_DUPLICATE]
