"""The job's incremental path gives what a full recompute gives (claims/services/dependence_runs.py)."""

from datetime import date

import pytest

from claims.choices import JobState, Stance
from claims.models import Appearance, Claim, DependenceRun, Outlet
from claims.services.appearances import appearance_create, appearance_update, appearance_withdraw
from claims.services.dependence_runs import dependence_recompute
from claims.services.evidence import evidence_create
from tests.dependence.conftest import dependence_state


def open_claims(outlet_id: int, count: int) -> list[Claim]:
    return list(
        Claim.objects.exclude(review_state="retracted")
        .filter(appearances__outlet_id=outlet_id, appearances__withdrawn_at__isnull=True)
        .distinct()
        .order_by("id")[:count]
    )


def change_the_corpus(copier_id: int, source_id: int) -> None:
    """Every kind of change a pair's counts read: carriers gained and lost, moved, a denial."""
    copier = Outlet.objects.get(pk=copier_id)
    carried_by_copier = set(Appearance.objects.filter(outlet_id=copier_id).values_list("claim_id", flat=True))
    fresh = [c for c in open_claims(source_id, 40) if c.pk not in carried_by_copier][:6]
    for claim in fresh:
        appearance_create(claim=claim, outlet=copier, published_on=date(2024, 1, 2))
    withdrawn = Appearance.objects.current().filter(outlet_id=copier_id, claim__review_state="published").first()
    appearance_withdraw(appearance=withdrawn, reason="Not this outlet's report.")
    moved = Appearance.objects.current().filter(outlet_id=source_id).exclude(claim__review_state="retracted").last()
    other = Outlet.objects.exclude(pk__in=[copier_id, source_id]).order_by("id").first()
    appearance_update(appearance=moved, outlet=other)
    for claim in open_claims(source_id, 3):
        evidence_create(claim=claim, stance=Stance.DENIES, date=date(2024, 2, 1), url="https://example.org/denial")


@pytest.mark.slow
def test_the_incremental_path_equals_a_full_recompute(copied_corpus, committed, settings):
    settings.DEPENDENCE_LOOK_BACK_SECONDS = 0
    with committed():
        dependence_recompute(full=True)
    (copier_id, source_id), _ = copied_corpus.planted
    with committed():
        change_the_corpus(copier_id, source_id)
    with committed():
        job = dependence_recompute()
    job.refresh_from_db()
    assert job.state == JobState.DONE, job.failure
    run = DependenceRun.objects.get(job=job)
    assert run.outlet_ids is not None and copier_id in run.outlet_ids  # incremental, and it saw the change
    assert len(run.outlet_ids) < Outlet.objects.count()
    incremental = dependence_state()
    with committed():
        dependence_recompute(full=True)
    assert dependence_state() == incremental


def test_a_run_with_no_earlier_one_is_a_full_recompute(copied_corpus, committed):
    with committed():
        job = dependence_recompute()
    run = DependenceRun.objects.get(job=job)
    assert run.full and run.outlet_ids is None
    job.refresh_from_db()
    assert job.result["pairs"] > 0
