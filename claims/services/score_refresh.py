"""Rescoring after a write that reaches many claims, off the request path (SPEC §6.6, §12).

An outlet's grade or names, an actor's names and an affiliation can move thousands of claims.
The write asks for a refresh (`claims_refresh_scores`) in its own transaction: a Job, a
ScoreRefresh naming the outlet or actor and why, and one batch spanning every claim id, so
each claim of the scope says `scores_pending` from the moment the write commits. Then, on
the task engine:

1. `refresh_plan` reads the scope's claim ids and splits them into batches of about
   CONFIDENCE_BATCH_SIZE, in id order, each enqueued as a task;
2. `refresh_batch` locks its claims, rescores them from the rows as they are now, and deletes
   itself; the last batch of a job finishes the job.

Every step is idempotent: a repeated or late task finds its batch gone, or rescores claims
whose inputs it reads afresh. Batches lock their claims in id order before reading, so two
refreshes of one outlet in quick succession end with the second one's scores: whichever
batch runs last read the rows after the second write committed.
"""

from collections.abc import Sequence

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from claims.choices import JobKind
from claims.models import Claim, Job, ScoreBatch, ScoreRefresh
from claims.models.score_refresh import LAST_CLAIM_ID
from claims.selectors.pending import scope_claim_ids, scope_has_claims
from claims.services.jobs import enqueue, job_begin, job_create, job_finish, job_progress
from claims.services.rescoring import claims_rescore, deferred_claims
from claims.task_names import PLAN_RESCORING, RESCORE_BATCH


def claims_refresh_scores(
    *,
    reason: str,
    outlet_ids: Sequence[int] = (),
    actor_id: int | None = None,
    names_changed: bool = True,
    by: AbstractBaseUser | None,
) -> Job | None:
    """Ask for the claims of these outlets (or of this actor) to be rescored, `reason` saying why
    in words ("outlet Al-Akhbar was regraded from C to D"). Call it inside the write's transaction.
    `names_changed=False` says that only scores can move (a grade, an affiliation), so the
    claims' search text is left as it is.

    Returns the job, or None when no claim is in reach. Inside a bulk load that defers its
    rescoring (`rescoring_deferred`), the claims join the load's own rescoring instead."""
    scopes = [{"outlet_id": outlet_id} for outlet_id in dict.fromkeys(outlet_ids)]
    scopes += [{"actor_id": actor_id}] if actor_id is not None else []
    deferred = deferred_claims()
    if deferred is not None:
        for scope in scopes:
            deferred.update(scope_claim_ids(**scope))
        return None
    scopes = [scope for scope in scopes if scope_has_claims(**scope)]
    if not scopes:
        return None
    job = job_create(kind=JobKind.RESCORE, description=f"Rescoring the claims reached: {reason}", by=by)
    for scope in scopes:
        refresh = ScoreRefresh.objects.create(job=job, reason=reason, names_changed=names_changed, **scope)
        ScoreBatch.objects.create(refresh=refresh, number=0, first_claim_id=0, last_claim_id=LAST_CLAIM_ID)
    enqueue(PLAN_RESCORING, job.pk)
    return job


def _plan(refresh: ScoreRefresh) -> int:
    ids = scope_claim_ids(outlet_id=refresh.outlet_id, actor_id=refresh.actor_id)
    size = settings.CONFIDENCE_BATCH_SIZE
    chunks = [ids[start : start + size] for start in range(0, len(ids), size)]
    # Created before the spanning batch goes, so no claim stops saying it is pending meanwhile.
    ScoreBatch.objects.bulk_create(
        ScoreBatch(refresh=refresh, number=n, first_claim_id=c[0], last_claim_id=c[-1], claim_ids=c)
        for n, c in enumerate(chunks, start=1)
    )
    ScoreBatch.objects.filter(refresh=refresh, number=0).delete()
    refresh.planned = True
    refresh.save(update_fields=["planned"])
    return len(ids)


def refresh_plan(*, job_id: int) -> None:
    """Split each unplanned refresh of the job into batches and enqueue them (again, if repeated)."""
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.is_finished:
            return
        planned = sum(_plan(refresh) for refresh in job.score_refreshes.filter(planned=False))
        job_begin(job_id=job.pk)
        job_progress(job_id=job.pk, total=(job.total or 0) + planned)
        batches = list(ScoreBatch.objects.filter(refresh__job=job).values_list("id", flat=True))
        if not batches:
            job_finish(job_id=job.pk, result={"claims": 0, "changed": 0})
        for batch_id in batches:
            enqueue(RESCORE_BATCH, batch_id, job.pk)


def refresh_batch(*, batch_id: int, job_id: int) -> None:
    """Rescore one batch's claims; the job is done when its last batch is."""
    with transaction.atomic():
        batch = ScoreBatch.objects.select_for_update(of=("self",)).select_related("refresh").filter(pk=batch_id).first()
        if batch is None:
            return  # done already: a repeated task
        ids = sorted(batch.claim_ids)
        # Locked before their inputs are read: a batch that started before a later write to the
        # same outlet either finishes first or waits, and reads that write (see the docstring).
        list(Claim.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk", flat=True))
        changed = claims_rescore(claim_ids=ids, search=batch.refresh.names_changed)
        batch.delete()
        job = Job.objects.select_for_update().get(pk=job_id)  # one batch at a time sees "the last one"
        result = {"claims": job.result.get("claims", 0) + len(ids), "changed": job.result.get("changed", 0) + changed}
        Job.objects.filter(pk=job_id).update(result=result)
        job_progress(job_id=job_id, add=len(ids))
        unplanned = job.score_refreshes.filter(planned=False).exists()
        if not unplanned and not ScoreBatch.objects.filter(refresh__job_id=job_id).exists():
            job_finish(job_id=job_id, result=result)
