"""Learning dependence rescores the claims it moves; a reviewer confirms or dismisses a pair."""

from datetime import date, timedelta

import pytest

from claims.choices import DependenceState
from claims.errors import Forbidden, InvalidInput, NotAllowed
from claims.models import Claim, OutletDependence
from claims.services.dependence_review import dependence_confirm, dependence_dismiss
from claims.services.dependence_runs import dependence_recompute
from tests.dependence.conftest import copying_newsroom
from tests.factories import make_appearance, make_claim


@pytest.fixture
def newsroom(db, committed) -> dict:
    with committed():
        built = copying_newsroom()
        both = make_claim("Carried by the source and its copier")
        make_appearance(both, built["source"], published_on=date(2021, 6, 1))
        make_appearance(both, built["copier"], published_on=date(2021, 6, 2))
        apart = make_claim("Carried by the source and an independent outlet")
        make_appearance(apart, built["source"], published_on=date(2021, 6, 1))
        make_appearance(apart, built["third"], published_on=date(2021, 6, 2))
    with committed():
        dependence_recompute(full=True)
    return {**built, "both": both, "apart": apart, "pair": OutletDependence.objects.get()}


def test_the_copier_is_found_with_its_direction_and_evidence(newsroom):
    pair = newsroom["pair"]
    assert (pair.outlet_id, pair.depends_on_id) == (newsroom["copier"].pk, newsroom["source"].pk)
    assert pair.score > 0.9 and pair.discount == round(100 * pair.score)
    assert pair.evidence["shared_claims"] == 13
    assert pair.evidence["copier_later"] == 13
    assert pair.evidence["mean_lag_days"] == 1.0


def test_a_claim_carried_by_a_source_and_its_copier_scores_below_one_carried_by_two_independent_outlets(newsroom):
    both, apart = (Claim.objects.get(pk=newsroom[k].pk) for k in ("both", "apart"))
    assert both.confidence < apart.confidence
    factor = next(f for f in both.confidence_factors if f["factor"] == "learned_dependence")
    assert factor["detail"].startswith("Copier B likely copies Wire A: p = ")
    assert "13 shared claims" in factor["detail"]


def test_a_confirmed_pair_is_one_voice_with_who_and_why(newsroom, reviewer, committed):
    with committed():
        pair = dependence_confirm(pair=newsroom["pair"], reason="Same owner, same desk.", by=reviewer)
    both = Claim.objects.get(pk=newsroom["both"].pk)
    assert both.independent_origin_count == 1
    pair.refresh_from_db()
    assert (pair.state, pair.reviewed_by, pair.review_note) == (
        DependenceState.CONFIRMED,
        reviewer,
        "Same owner, same desk.",
    )
    assert pair.history.first().history_user == reviewer


def test_a_dismissed_pair_counts_fully_and_stays_dismissed_without_new_evidence(newsroom, reviewer, committed):
    with committed():
        dependence_dismiss(pair=newsroom["pair"], reason="Both quote the same ministry.", by=reviewer)
    both, apart = (Claim.objects.get(pk=newsroom[k].pk) for k in ("both", "apart"))
    assert both.confidence == apart.confidence
    with committed():
        dependence_recompute(full=True)
    pair = OutletDependence.objects.get()
    assert (pair.state, pair.discount) == (DependenceState.DISMISSED, 0)
    with committed():
        for n in range(4):
            claim = make_claim(f"New shared claim {n}")
            make_appearance(claim, newsroom["source"], published_on=date(2022, 1, 1) + timedelta(days=n))
            make_appearance(claim, newsroom["copier"], published_on=date(2022, 1, 2) + timedelta(days=n))
    with committed():
        dependence_recompute()
    pair.refresh_from_db()
    assert pair.state == DependenceState.SUGGESTED and pair.discount > 0


def test_only_reviewers_decide_and_a_confirmation_needs_a_reason(newsroom, editor, reviewer):
    pair = newsroom["pair"]
    with pytest.raises(Forbidden):
        dependence_confirm(pair=pair, reason="Looks so.", by=editor)
    with pytest.raises(InvalidInput):
        dependence_confirm(pair=pair, reason="  ", by=reviewer)
    dependence_dismiss(pair=pair, by=reviewer)
    with pytest.raises(NotAllowed):
        dependence_dismiss(pair=pair, by=reviewer)
