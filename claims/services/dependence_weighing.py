"""Weighing every pair of outlets once their counts are current: the posterior, the direction, the
evidence, where each stands with the reviewers, and the discount confidence reads; then rescoring
the claims whose discount moved, on the fan-out path (claims/services/score_refresh.py)."""

from django.conf import settings
from django.utils import timezone

from claims.choices import DependenceState
from claims.dependence.evidence import pair_evidence
from claims.dependence.model import CorpusRates, PairCounts, verdict
from claims.dependence.pairs import total_carries
from claims.dependence.rates import dependence_prior, false_value_ratio
from claims.fastpath.bulk_rows import update_columns
from claims.models import DependenceRun, OutletDependence
from claims.selectors.dependence_inputs import cited_claims_by_pair, outlet_volumes, patrons_by_outlet, voice_counts
from claims.services.jobs import job_finish
from claims.services.score_refresh import claims_refresh_scores

WEIGHED_FIELDS = ["score", "second_copies_first", "evidence", "recorded", "discount", "state"]


def has_new_evidence(row: OutletDependence) -> bool:
    """A dismissed pair comes back only when what it shares has grown by a quarter (at least 3
    claims), or its shared claims later denied by a quarter (at least 2)."""
    more_shared = row.shared_claims >= row.dismissed_shared + max(3, row.dismissed_shared // 4)
    more_denied = row.shared_denied >= row.dismissed_denied + max(2, row.dismissed_denied // 4)
    return more_shared or more_denied


def discount_of(row: OutletDependence) -> int:
    """The percentage confidence takes off the later voice: the probability, for a suggested pair
    above the threshold that nothing records already. A confirmed pair is recorded dependence instead."""
    if row.state != DependenceState.SUGGESTED or row.recorded or row.score < settings.DEPENDENCE_SUGGEST_FROM:
        return 0
    return round(100 * row.score)


def corpus_rates(rows: list[OutletDependence], recorded: set[int], volumes: dict[int, int]) -> CorpusRates:
    candidates = [row for row in rows if row.shared_claims >= settings.DEPENDENCE_MIN_SHARED]
    prior = dependence_prior(recorded_pairs=sum(1 for row in candidates if row.pk in recorded), outlets=len(volumes))
    return CorpusRates(carries=total_carries(volumes), false_ratio=false_value_ratio(voice_counts()), prior=prior)


def dependence_weigh(*, run: DependenceRun) -> None:
    rows = list(OutletDependence.objects.order_by("id"))
    volumes = outlet_volumes(popular_from=settings.DEPENDENCE_POPULAR_FROM)
    cited = cited_claims_by_pair()
    patrons = patrons_by_outlet({row.first_id for row in rows} | {row.second_id for row in rows})
    shared_patrons = {row.pk: sorted(patrons[row.first_id] & patrons[row.second_id]) for row in rows}
    cited_claims = {row.pk: cited.get((row.first_id, row.second_id), 0) for row in rows}
    recorded = {
        row.pk
        for row in rows
        if shared_patrons[row.pk]
        or row.state == DependenceState.CONFIRMED
        or (row.shared_claims and 2 * cited_claims[row.pk] >= row.shared_claims)
    }
    rates = corpus_rates(rows, recorded, volumes)
    moved, changed, returned = set(), [], []
    for row in rows:
        was = [getattr(row, name) for name in WEIGHED_FIELDS]
        before = (row.discount, row.state, row.outlet_id if row.score else None)
        counts = PairCounts.from_rows(row.shared_kinds, row.lag_days_second_after, row.lag_days_first_after)
        first, second = volumes.get(row.first_id, 0), volumes.get(row.second_id, 0)
        result = verdict(
            counts, first_claims=max(first, counts.shared), second_claims=max(second, counts.shared), rates=rates
        )
        row.score = round(result.probability, 4) if counts.shared else 0.0
        row.second_copies_first = round(result.second_copies_first, 4)
        row.evidence = pair_evidence(
            counts, result, first_claims=first, second_claims=second,
            cited_claims=cited_claims[row.pk], patrons=shared_patrons[row.pk],
        )  # fmt: skip
        row.recorded = row.pk in recorded
        if row.state == DependenceState.DISMISSED and has_new_evidence(row):
            row.state = DependenceState.SUGGESTED
            returned.append(row)
        row.discount = discount_of(row)
        after = (row.discount, row.state, row.outlet_id if row.score else None)
        if before != after and (before[0] or row.discount):
            moved.add(row.first_id)  # every claim the two both carry is one of the first's
        if was != [getattr(row, name) for name in WEIGHED_FIELDS]:
            changed.append(row)
    update_columns(changed, WEIGHED_FIELDS)
    for row in returned:
        # Back among the suggestions, in the pair's history, with the evidence that brought it back.
        row.review_note = f"Suggested again on {timezone.localdate():%Y-%m-%d}: {row.shared_claims} shared claims now."
        row.save(update_fields=["review_note"])
    _rescore(run, moved)
    suggested = sum(1 for row in rows if row.discount)
    job_finish(
        job_id=run.job_id,
        result={"pairs": len(rows), "suggested": suggested, "outlets_rescored": len(moved), "prior": rates.prior,
                "false_ratio": round(rates.false_ratio, 3), "full": run.full},
    )  # fmt: skip


def _rescore(run: DependenceRun, outlet_ids: set[int]) -> None:
    if outlet_ids:
        claims_refresh_scores(
            reason="learned source dependence changed between outlets that carry it",
            outlet_ids=sorted(outlet_ids),
            names_changed=False,
            by=run.job.created_by,
        )
