"""Learning source dependence, as a job (SPEC §12, §17): a run row first, thin tasks after.

1. `dependence_recompute` (after an import, on the schedule, `manage.py outlet_dependence`) asks
   for a run: a Job and a DependenceRun, in the caller's transaction.
2. `dependence_plan` decides what to recount. A full run recounts every pair and rebuilds the
   inverted index by claim (DependenceItem). An incremental run looks at the claims changed since
   the last run read the corpus (and those named to it), compares each with its stored item, and
   recounts the pairs of every outlet any of them gained or lost; it splits the outlets into
   DEPENDENCE_BLOCKS blocks, one task each, which run on as many workers.
3. `dependence_count_block` recounts its block's pairs from the corpus as it is and writes them.
   The last block to finish weighs every pair (claims/services/dependence_weighing.py).

A pair's counts depend only on the claims the two outlets share, so recounting the pairs of the
outlets a change touched gives what a full recompute gives (tests/dependence/test_incremental.py);
the weighing reads the corpus-wide rates afresh each time. Every step is idempotent: a repeated
task finds its block gone, or recounts what is there.
"""

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from claims.choices import DependenceState, JobKind
from claims.dependence.pairs import ClaimCarriers, count_pairs
from claims.fastpath.bulk_rows import bulk_insert, update_columns
from claims.models import (
    Appearance,
    Claim,
    ClaimOutlet,
    DependenceBlock,
    DependenceItem,
    DependenceRun,
    Job,
    OutletDependence,
    SuggestedCitation,
)
from claims.selectors.dependence_inputs import claim_carriers
from claims.services.dependence_weighing import dependence_weigh
from claims.services.jobs import enqueue, job_begin, job_create, job_progress
from claims.task_names import COUNT_DEPENDENCE_BLOCK, PLAN_DEPENDENCE

ITEM_BATCH = 5_000
COUNTED_FIELDS = [
    "shared_kinds", "lag_days_second_after", "lag_days_first_after", "shared_claims", "shared_denied", "computed_at",
]  # fmt: skip


def dependence_recompute(
    *, full: bool = False, claim_ids: Iterable[int] = (), by: AbstractBaseUser | None = None
) -> Job:
    """Ask for dependence to be learned again: everything (`full`), or what changed since the last
    run, with `claim_ids` besides (an import's). Call it inside the write's transaction."""
    what = "every pair of outlets" if full else "the pairs of outlets whose claims changed"
    job = job_create(kind=JobKind.DEPENDENCE, description=f"Learning source dependence: {what}", by=by)
    DependenceRun.objects.create(job=job, full=full, claim_ids=sorted(set(claim_ids)))
    enqueue(PLAN_DEPENDENCE, job.pk)
    return job


def dependence_schedule() -> Job | None:
    """The scheduled run: incremental, unless one is still open."""
    with transaction.atomic():
        if Job.objects.filter(kind=JobKind.DEPENDENCE, finished_at__isnull=True).exists():
            return None
        return dependence_recompute()


def _previous_read(run: DependenceRun) -> datetime | None:
    earlier = DependenceRun.objects.filter(planned=True, read_from__isnull=False).exclude(pk=run.pk)
    return earlier.order_by("-read_from").values_list("read_from", flat=True).first()


def _changed_claims(run: DependenceRun, since: datetime) -> set[int]:
    # A write committing while a run reads may carry an earlier timestamp: the next run looks back
    # further than the last one read from. A claim counted twice is counted the same.
    start = since - timedelta(seconds=settings.DEPENDENCE_LOOK_BACK_SECONDS)
    changed = set(run.claim_ids)
    changed.update(Claim.objects.filter(updated_at__gte=start).values_list("id", flat=True))
    changed.update(Appearance.objects.filter(updated_at__gte=start).values_list("claim_id", flat=True))
    suggestions = SuggestedCitation.objects.filter(Q(created_at__gte=start) | Q(decided_at__gte=start))
    changed.update(suggestions.values_list("claim_id", flat=True))
    return changed


def _item_outlets(claim: ClaimCarriers) -> list[int] | None:
    """The outlets stored for a claim, or None when it cannot make a pair."""
    if not 2 <= len(claim.carriers) <= settings.DEPENDENCE_POPULAR_FROM:
        return None
    return sorted(outlet_id for outlet_id, _ in claim.carriers)


def _touched_outlets(claim_ids: set[int]) -> set[int]:
    """Replace the stored items of these claims and return every outlet they gained or lost."""
    touched: set[int] = set()
    ids = sorted(claim_ids)
    for start in range(0, len(ids), ITEM_BATCH):
        chunk = ids[start : start + ITEM_BATCH]
        old = dict(DependenceItem.objects.filter(claim_id__in=chunk).values_list("claim_id", "outlets"))
        new = {claim.claim_id: claim for claim in claim_carriers(claim_ids=chunk)}
        items = []
        for claim_id in chunk:
            before = set(old.get(claim_id, ()))
            claim = new.get(claim_id)
            after = _item_outlets(claim) if claim else None
            now = {outlet_id for outlet_id, _ in claim.carriers} if claim else set()
            if before or after:
                touched |= before | now
            if after:
                items.append(DependenceItem(claim_id=claim_id, outlets=after))
        DependenceItem.objects.filter(claim_id__in=chunk).delete()
        bulk_insert(DependenceItem, items, by=None, history=False)
    return touched


def _blocks(outlet_ids: list[int]) -> list[list[int]]:
    count = max(1, settings.DEPENDENCE_BLOCKS)
    blocks = [outlet_ids[k::count] for k in range(count)]
    return [block for block in blocks if block]


def dependence_plan(*, job_id: int) -> None:
    """Decide what the run recounts and enqueue its blocks (again, if repeated)."""
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.is_finished:
            return
        run = job.dependence_run
        if not run.planned:
            _plan(run)
        job_begin(job_id=job.pk)
        blocks = list(run.blocks.values_list("id", flat=True))
        if not blocks:
            dependence_weigh(run=run)
        for block_id in blocks:
            enqueue(COUNT_DEPENDENCE_BLOCK, block_id, job.pk)


def _plan(run: DependenceRun) -> None:
    read_from = timezone.now()
    since = None if run.full else _previous_read(run)
    if since is None:
        run.full = True
        DependenceItem.objects.all().delete()
        outlets = sorted(set(ClaimOutlet.objects.values_list("outlet_id", flat=True).distinct()))
        outlets += list(OutletDependence.objects.exclude(first_id__in=outlets).values_list("first_id", flat=True))
        run.outlet_ids = None
    else:
        outlets = sorted(_touched_outlets(_changed_claims(run, since)))
        run.outlet_ids = outlets
    blocks = _blocks(sorted(set(outlets)))
    DependenceBlock.objects.bulk_create(
        DependenceBlock(run=run, number=n, outlet_ids=block) for n, block in enumerate(blocks, start=1)
    )
    run.read_from, run.planned = read_from, True
    run.save(update_fields=["full", "outlet_ids", "read_from", "planned"])
    job_progress(job_id=run.job_id, total=len(blocks))


def _owner(scope: set[int] | None, mine: set[int]) -> Callable[[int, int], bool]:
    """Which pairs (a < b) a block answers for: those whose lowest outlet in the run's scope is its own."""
    if scope is None:
        return lambda a, b: a in mine
    return lambda a, b: a in mine or (a not in scope and b in mine)


def dependence_count_block(*, block_id: int, job_id: int) -> None:
    """Recount one block's pairs; the last block of a run weighs them all."""
    with transaction.atomic():
        block = DependenceBlock.objects.select_for_update().select_related("run").filter(pk=block_id).first()
        if block is None:
            return  # counted already: a repeated task
        run, mine = block.run, set(block.outlet_ids)
        scope = None if run.outlet_ids is None else set(run.outlet_ids)
        owns = _owner(scope, mine)
        claims = claim_carriers(outlet_ids=None if scope is None else mine)
        if scope is None:
            claims = _storing_items(claims, mine)
        pairs = count_pairs(claims, popular_from=settings.DEPENDENCE_POPULAR_FROM, owns=owns)
        _write_pairs(pairs, owns, mine)
        block.delete()
        job_progress(job_id=job_id, add=1)
        Job.objects.select_for_update().get(pk=job_id)  # one block at a time sees "the last one"
        if not DependenceBlock.objects.filter(run=run).exists():
            dependence_weigh(run=run)


def _storing_items(claims: Iterable[ClaimCarriers], mine: set[int]) -> Iterable[ClaimCarriers]:
    """Pass the claims through, storing the items whose lowest outlet is the block's (a full run)."""
    items = []
    for claim in claims:
        outlets = _item_outlets(claim)
        if outlets and outlets[0] in mine:
            items.append(DependenceItem(claim_id=claim.claim_id, outlets=outlets))
            if len(items) >= ITEM_BATCH:
                bulk_insert(DependenceItem, items, by=None, history=False)
                items = []
        yield claim
    bulk_insert(DependenceItem, items, by=None, history=False)


def _write_pairs(pairs: dict, owns: Callable[[int, int], bool], mine: set[int]) -> None:
    """Rewrite the counts of the block's pairs; a pair no longer sharing enough claims goes, unless a
    reviewer has decided on it (then its counts go to zero and the decision stays)."""
    minimum = settings.DEPENDENCE_MIN_SHARED
    kept = {pair: counts for pair, counts in pairs.items() if counts.shared >= minimum}
    existing = {
        (row.first_id, row.second_id): row
        for row in OutletDependence.objects.filter(Q(first_id__in=mine) | Q(second_id__in=mine))
        if owns(row.first_id, row.second_id)
    }
    now = timezone.now()
    changed, created, gone = [], [], []
    for pair, row in existing.items():
        counts = kept.pop(pair, None)
        if counts is None and row.state == DependenceState.SUGGESTED:
            gone.append(row.pk)
            continue
        _set_counts(row, counts, now)
        changed.append(row)
    for (first, second), counts in kept.items():
        row = OutletDependence(first_id=first, second_id=second)
        _set_counts(row, counts, now)
        created.append(row)
    OutletDependence.objects.filter(pk__in=gone).delete()
    # The counts are the job's, not a person's: they keep no history (the reviews do).
    update_columns(changed, COUNTED_FIELDS)
    bulk_insert(OutletDependence, created, by=None, history=False)


def _set_counts(row: OutletDependence, counts, now: datetime) -> None:
    row.shared_kinds = counts.as_rows() if counts else []
    row.lag_days_second_after = counts.lag_days_second_after if counts else 0
    row.lag_days_first_after = counts.lag_days_first_after if counts else 0
    row.shared_claims = counts.shared if counts else 0
    row.shared_denied = counts.shared_denied if counts else 0
    row.computed_at = now
