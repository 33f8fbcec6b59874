"""SPEC §6 properties 1-6 on the pure scoring functions, over generated origins."""

import dataclasses
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from claims.choices import Reliability, ResponsibilityStatus, Stance
from claims.scoring.confidence import LABEL_BANDS, ClaimInputs, Evidence, confidence_label, score
from claims.scoring.independence import RELIABILITY_WEIGHT, Origin, independent_groups
from tests.scoring.strategies import DAYS, GRADES, origins

CONFIRMS = Evidence(stance=Stance.CONFIRMS, date=date(2022, 1, 1), actor_name="Group")
DENIES = Evidence(stance=Stance.DENIES, date=date(2022, 1, 1), actor_name="Group")
EVIDENCE = st.sampled_from([None, CONFIRMS, DENIES])


def inputs(origin_list: list[Origin], evidence: Evidence | None = None, republications: int = 0) -> ClaimInputs:
    return ClaimInputs(
        claim_id=1,
        origins=tuple(origin_list),
        appearance_count=len(origin_list) + republications,
        latest_evidence=evidence,
    )


def fresh_origin(origin_list: list[Origin], **fields) -> Origin:
    next_id = max((o.appearance_id for o in origin_list), default=0) + 1
    values = {
        "appearance_id": next_id,
        "outlet_id": 1000 + next_id,
        "outlet_name": "New outlet",
        "reliability": Reliability.C,
        "published_on": date(2021, 6, 1),
        "actor_ids": frozenset(),
    }
    values.update(fields)
    return Origin(**values)


@given(origins(), EVIDENCE, st.integers(min_value=1, max_value=50))
def test_republications_never_change_confidence(origin_list, evidence, republications):
    before = score(inputs(origin_list, evidence))
    after = score(inputs(origin_list, evidence, republications))
    assert after.confidence == before.confidence
    assert after.admiralty_code == before.admiralty_code


@given(origins(max_size=8).filter(bool), EVIDENCE, st.data())
def test_a_dependent_origin_no_better_than_its_group_never_changes_confidence(origin_list, evidence, data):
    group = data.draw(st.sampled_from(independent_groups(origin_list)))
    member = data.draw(st.sampled_from(group))
    group_actors = sorted(frozenset().union(*(o.actor_ids for o in group)))
    # Dependent on this group only: its outlet, or an actor the group already holds.
    if group_actors and data.draw(st.booleans()):
        no_better = [g for g in Reliability.values if RELIABILITY_WEIGHT[g] <= group[0].weight]
        extra = fresh_origin(
            origin_list,
            outlet_id=5000,
            reliability=data.draw(st.sampled_from(no_better)),
            actor_ids=frozenset({data.draw(st.sampled_from(group_actors))}),
        )
    else:
        extra = fresh_origin(
            origin_list,
            outlet_id=member.outlet_id,
            reliability=member.reliability,
            actor_ids=data.draw(st.frozensets(st.sampled_from(group_actors), max_size=2))
            if group_actors
            else frozenset(),
            published_on=data.draw(DAYS),
        )
    before = score(inputs(origin_list, evidence))
    after = score(inputs([*origin_list, extra], evidence))
    assert after.independent_origin_count == before.independent_origin_count
    assert after.confidence == before.confidence


@given(origins(), EVIDENCE, GRADES)
def test_an_independent_origin_never_lowers_confidence(origin_list, evidence, grade):
    extra = fresh_origin(origin_list, reliability=grade, actor_ids=frozenset({999}))
    before = score(inputs(origin_list, evidence))
    after = score(inputs([*origin_list, extra], evidence))
    assert after.independent_origin_count == before.independent_origin_count + 1
    assert after.confidence >= before.confidence


@given(origins().filter(bool), EVIDENCE, st.data())
def test_a_better_grade_never_lowers_confidence(origin_list, evidence, data):
    outlet_id = data.draw(st.sampled_from(sorted({o.outlet_id for o in origin_list})))
    current = next(o.reliability for o in origin_list if o.outlet_id == outlet_id)
    better = [g for g in Reliability.values if RELIABILITY_WEIGHT[g] > RELIABILITY_WEIGHT[current]]
    if not better:
        return
    grade = data.draw(st.sampled_from(better))
    regraded = [dataclasses.replace(o, reliability=grade) if o.outlet_id == outlet_id else o for o in origin_list]
    assert score(inputs(regraded, evidence)).confidence >= score(inputs(origin_list, evidence)).confidence


@given(origins())
def test_confirmed_beats_unclaimed_which_is_at_least_denied(origin_list):
    confirmed = score(inputs(origin_list, CONFIRMS))
    unclaimed = score(inputs(origin_list, None))
    denied = score(inputs(origin_list, DENIES))
    assert confirmed.confidence > unclaimed.confidence >= denied.confidence
    assert (confirmed.status, unclaimed.status, denied.status) == (
        ResponsibilityStatus.CONFIRMED,
        ResponsibilityStatus.UNCLAIMED,
        ResponsibilityStatus.DENIED,
    )


@given(origins(), EVIDENCE, st.randoms(use_true_random=False))
def test_score_is_deterministic_whatever_the_order_of_origins(origin_list, evidence, rng):
    shuffled = list(origin_list)
    rng.shuffle(shuffled)
    assert score(inputs(shuffled, evidence)) == score(inputs(origin_list, evidence))


@given(origins(), EVIDENCE, st.integers(min_value=0, max_value=5))
def test_factors_explain_the_whole_number(origin_list, evidence, republications):
    result = score(inputs(origin_list, evidence, republications))
    assert 0 <= result.confidence <= 100
    assert sum(f["effect"] for f in result.confidence_factors) == result.confidence
    assert all(set(f) == {"factor", "effect", "detail"} and f["detail"] for f in result.confidence_factors)
    assert result.confidence_label == confidence_label(result.confidence)
    assert result.admiralty_code[0] in Reliability.values and result.admiralty_code[1] in "123456"


@given(origins())
def test_without_a_confirmation_confidence_stays_below_almost_certain(origin_list):
    assert score(inputs(origin_list, None)).confidence <= 89
    assert score(inputs(origin_list, DENIES)).confidence <= 89


def test_labels_follow_the_stix_bands():
    expected = {
        0: "almost no chance",
        9: "almost no chance",
        10: "very unlikely",
        19: "very unlikely",
        20: "unlikely",
        39: "unlikely",
        40: "roughly even chance",
        59: "roughly even chance",
        60: "likely",
        79: "likely",
        80: "very likely",
        89: "very likely",
        90: "almost certain",
        100: "almost certain",
    }
    assert {n: confidence_label(n) for n in expected} == expected
    assert [lower for lower, _ in LABEL_BANDS] == [90, 80, 60, 40, 20, 10, 0]


def test_one_hezbollah_affiliated_origin_and_its_republisher_are_one_voice():
    hezbollah = frozenset({1})
    akhbar = Origin(1, 10, "Al-Akhbar", Reliability.D, date(2021, 10, 21), hezbollah)
    central_media = Origin(2, 11, "Central Media", Reliability.F, date(2021, 10, 21), hezbollah)

    result = score(inputs([akhbar, central_media]))

    assert result.independent_origin_count == 1
    assert result.confidence == 31
    assert result.admiralty_code == "D3"
    assert result.confidence_label == "unlikely"


def test_no_origins_cannot_be_judged():
    result = score(inputs([]))
    assert (result.confidence, result.admiralty_code, result.independent_origin_count) == (0, "F6", 0)
