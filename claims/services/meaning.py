"""Meaning vectors of claims (SPEC §15), in the shape of the webhook outbox: a row first, written in
the transaction that records or changes a claim's text; a thin task after the commit fills it; a
sweep takes up whatever a lost task left (`claim_vectors_sweep`, from `manage.py embed_claims` and
the task engine's schedule).

A vector is written only if the claim's text is still the one it was computed from (its
`text_sha`), so a task that ran late, or twice, cannot put back the meaning of an older text.
"""

from collections.abc import Callable, Iterable

from django.db import transaction
from django.db.models import Exists, OuterRef

from claims.language import detect_language
from claims.meaning.model import MODEL_NAME, embed, text_sha, to_bytes
from claims.models import Claim, ClaimVector
from claims.services.jobs import enqueue
from claims.task_names import EMBED_CLAIMS

BATCH = 32  # texts per call of the model: large enough to amortise it, small enough to commit often


def claim_meaning_stale(*, claims: Iterable[Claim]) -> list[int]:
    """Mark these claims' vectors as waiting for their current text (inside the writer's
    transaction) and ask for them after the commit; returns the ids that were waiting anew."""
    wanted = {claim.pk: text_sha(claim.text) for claim in claims}
    if not wanted:
        return []
    held = dict(ClaimVector.objects.filter(claim_id__in=wanted).values_list("claim_id", "text_sha"))
    stale = [pk for pk, sha in wanted.items() if held.get(pk) != sha]
    ClaimVector.objects.bulk_create(
        [ClaimVector(claim_id=pk, text_sha=wanted[pk]) for pk in stale if pk not in held], batch_size=1000
    )
    for pk in (pk for pk in stale if pk in held):
        ClaimVector.objects.filter(claim_id=pk).update(text_sha=wanted[pk], vector=None, model="")
    for start in range(0, len(stale), BATCH):
        enqueue(EMBED_CLAIMS, stale[start : start + BATCH])
    return stale


def claim_vectors_compute(*, claim_ids: Iterable[int]) -> int:
    """Fill the waiting vectors of these claims (a task); returns how many were written."""
    rows = list(
        ClaimVector.objects.filter(claim_id__in=list(claim_ids), vector__isnull=True).values_list(
            "claim_id", "text_sha", "claim__text"
        )
    )
    current = [(pk, sha, text) for pk, sha, text in rows if text_sha(text) == sha]
    if not current:
        return 0
    vectors = embed([text for _, _, text in current])
    written = 0
    with transaction.atomic():
        for (pk, sha, _), vector in zip(current, vectors, strict=True):
            written += ClaimVector.objects.filter(claim_id=pk, text_sha=sha, vector__isnull=True).update(
                vector=to_bytes(vector), model=MODEL_NAME
            )
    return written


def claims_without_vector_rows() -> list[int]:
    """Claims no vector row speaks for: loaded by a path that writes none (a COPY load)."""
    return list(
        Claim.objects.filter(~Exists(ClaimVector.objects.filter(claim_id=OuterRef("pk")))).values_list("pk", flat=True)
    )


def claim_vectors_sweep(*, progress: Callable[[int, int], None] | None = None, limit: int | None = None) -> int:
    """Give every claim a vector row and fill every waiting one, BATCH at a time; returns how many
    were written. `progress(done, total)` hears of each batch."""
    missing = claims_without_vector_rows()
    for start in range(0, len(missing), 1000):
        with transaction.atomic():
            chunk = Claim.objects.filter(pk__in=missing[start : start + 1000]).only("pk", "text")
            ClaimVector.objects.bulk_create(
                [ClaimVector(claim_id=c.pk, text_sha=text_sha(c.text)) for c in chunk], ignore_conflicts=True
            )
    waiting = list(
        ClaimVector.objects.filter(vector__isnull=True).order_by("claim_id").values_list("claim_id", flat=True)
    )
    waiting = waiting[:limit] if limit is not None else waiting
    written = 0
    for start in range(0, len(waiting), BATCH):
        written += claim_vectors_compute(claim_ids=waiting[start : start + BATCH])
        if progress is not None:
            progress(min(start + BATCH, len(waiting)), len(waiting))
    return written


def claim_languages_fill(*, batch: int = 1000) -> int:
    """Detect the language of every claim that has none and could have one; returns how many were
    set. Only claims' `language` column is written (no history: it is read from the text, which has
    its own), by one UPDATE per language and batch."""
    found = 0
    last = 0
    while True:
        rows = list(Claim.objects.filter(language="", pk__gt=last).order_by("pk").values_list("pk", "text")[:batch])
        if not rows:
            return found
        last = rows[-1][0]
        by_language: dict[str, list[int]] = {}
        for pk, text in rows:
            language = detect_language(text)
            if language:
                by_language.setdefault(language, []).append(pk)
        for language, ids in by_language.items():
            found += Claim.objects.filter(pk__in=ids, language="").update(language=language)
