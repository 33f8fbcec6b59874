"""Near-duplicate claims (SPEC §8): "Hizbullah attacked At-Tanf" finds "Hezbollah … al-Tanf".

Two steps. The database shortlists candidates by phonetic key: every claim's
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

from django.contrib.postgres.search import TrigramSimilarity, TrigramWordSimilarity
from django.db import connection
from django.db.models import Case, Q, QuerySet, Value, When
from django.db.models.functions import Greatest
from rapidfuzz import fuzz, process

from claims.models import Claim
from claims.roles import User
from claims.selectors.claims import claims_shown
from claims.transliteration import fold, skeleton

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


def similar_claims(*, text: str, user: User | None, limit: int = 10, exclude: int | None = None) -> list[SimilarClaim]:
    """The claims the user may see that read like `text`, most similar first, each with a 0-1 score."""
    key = skeleton(text)
    if not key:
        return []
    claims = claims_shown(user)
    if exclude is not None:
        claims = claims.exclude(pk=exclude)
    shortlist = trigram_shortlist if connection.vendor == "postgresql" else like_shortlist
    candidates = shortlist(claims, key)[:SHORTLIST]
    scored = [SimilarClaim(claim, similarity(text, claim.text)) for claim in candidates]
    ranked = sorted((s for s in scored if s.score >= MIN_SCORE), key=lambda s: (-s.score, -s.claim.pk))
    return ranked[:limit]
