"""A write that reaches many claims commits at once and rescores them in the background (SPEC §6.6, §12).

These run on the embedded default: with no broker, the tasks run in-process once the write's
transaction commits (`committed()` lets a test's writes commit).
"""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.choices import JobKind, JobState
from claims.models import Claim, Job, ScoreBatch
from claims.selectors.pending import pending_reasons, with_scores_pending
from claims.services.actors import actor_update
from claims.services.affiliations import affiliation_update, affiliation_withdraw
from claims.services.outlets import outlet_update
from claims.services.rescoring import claims_rescore_all, rescoring_deferred
from claims.services.score_refresh import refresh_batch, refresh_plan
from tests.factories import (
    make_actor,
    make_affiliation,
    make_appearance,
    make_citation,
    make_claim,
    make_evidence,
    make_outlet,
)

pytestmark = pytest.mark.django_db


def pending(claim: Claim) -> bool:
    return with_scores_pending(Claim.objects.filter(pk=claim.pk)).get().scores_pending


def stored(claim: Claim) -> Claim:
    return Claim.objects.get(pk=claim.pk)


@pytest.fixture
def carried(settings):
    """An outlet graded E carrying five claims, and a claim it does not carry."""
    settings.CONFIDENCE_BATCH_SIZE = 2
    outlet = make_outlet("Al-Akhbar", reliability="E")
    claims = [make_claim(f"Claim {n} carried by Al-Akhbar") for n in range(5)]
    for claim in claims:
        make_appearance(claim, outlet, published_on=date(2021, 10, 21))
    other = make_claim("A claim Al-Akhbar never carried")
    make_appearance(other, make_outlet("Reuters", reliability="A"), published_on=date(2021, 10, 21))
    return outlet, claims, other


def test_a_regrade_commits_at_once_and_its_claims_say_they_are_pending(carried, reviewer):
    outlet, claims, other = carried
    before = [stored(c).confidence for c in claims]

    outlet = outlet_update(outlet=outlet, reliability="A", by=reviewer)

    job = outlet.rescoring
    assert (job.kind, job.state, job.created_by) == (JobKind.RESCORE, JobState.QUEUED, reviewer)
    assert [stored(c).confidence for c in claims] == before  # nothing rescored in the request
    assert all(pending(c) for c in claims)
    assert not pending(other)
    assert pending_reasons(claims[0]) == ["outlet Al-Akhbar was regraded from E to A"]


def test_when_the_job_has_run_every_claim_is_current_and_the_job_is_done(carried, reviewer, committed):
    outlet, claims, other = carried
    before = {c.pk: stored(c) for c in [*claims, other]}

    with committed():
        job = outlet_update(outlet=outlet, reliability="A", by=reviewer).rescoring

    job.refresh_from_db()
    assert (job.state, job.done, job.total) == (JobState.DONE, 5, 5)
    assert job.result == {"claims": 5, "changed": 5}
    assert job.started_at and job.finished_at
    assert not ScoreBatch.objects.exists()
    for claim in claims:
        now = stored(claim)
        assert now.confidence > before[claim.pk].confidence
        assert now.updated_at > before[claim.pk].updated_at
        assert not pending(claim)
    assert stored(other).updated_at == before[other.pk].updated_at  # not reached: not moved
    assert claims_rescore_all() == 0  # what a full rescore would give


def test_updated_at_moves_only_for_claims_whose_scores_changed(carried, reviewer, committed):
    outlet, claims, _ = carried
    extra = make_claim("Only republished by Al-Akhbar, from an A-graded wire")
    wire = make_appearance(extra, make_outlet("AP", reliability="A"), published_on=date(2021, 10, 20))
    make_citation(make_appearance(extra, outlet, published_on=date(2021, 10, 21)), wire, kind="republished")
    before = stored(extra).updated_at

    with committed():
        job = outlet_update(outlet=outlet, reliability="D", by=reviewer).rescoring

    job.refresh_from_db()
    assert job.result == {"claims": 6, "changed": 5}
    assert stored(extra).updated_at == before


def test_two_regrades_in_quick_succession_end_with_the_second_grade(carried, reviewer, committed):
    outlet, claims, _ = carried

    first = outlet_update(outlet=outlet, reliability="A", by=reviewer).rescoring
    with committed():
        second = outlet_update(outlet=outlet, reliability="C", by=reviewer).rescoring
    # The first job's tasks arrive late, after the second's: they read the rows as they are now.
    refresh_plan(job_id=first.pk)
    for batch in ScoreBatch.objects.filter(refresh__job=first):
        refresh_batch(batch_id=batch.pk, job_id=first.pk)

    assert claims_rescore_all() == 0
    assert {stored(c).admiralty_code[0] for c in claims} == {"C"}
    assert Job.objects.get(pk=second.pk).state == JobState.DONE


def test_a_repeated_task_does_no_harm(carried, reviewer, committed):
    outlet, claims, _ = carried
    job = outlet_update(outlet=outlet, reliability="B", by=reviewer).rescoring
    refresh_plan(job_id=job.pk)
    batches = list(ScoreBatch.objects.filter(refresh__job=job).values_list("pk", flat=True))
    assert len(batches) == 3  # five claims, two a batch

    refresh_plan(job_id=job.pk)  # planned already: the same batches, enqueued again
    for batch_id in batches + batches:
        refresh_batch(batch_id=batch_id, job_id=job.pk)

    job.refresh_from_db()
    assert (job.state, job.done, job.result) == (JobState.DONE, 5, {"claims": 5, "changed": 5})
    assert claims_rescore_all() == 0


def test_a_regrade_rewrites_the_scores_and_leaves_the_search_columns_alone(carried, reviewer, committed):
    outlet, claims, _ = carried
    with CaptureQueriesContext(connection) as queries, committed():
        outlet_update(outlet=outlet, reliability="A", by=reviewer)

    writes = [q["sql"] for q in queries if 'UPDATE "claims_claim" SET' in q["sql"]]
    assert writes and all('"confidence"' in sql for sql in writes)
    assert not any('"search_text"' in sql or '"text_key"' in sql for sql in writes)
    assert claims_rescore_all() == 0


def test_a_regrade_with_a_new_name_refreshes_both(carried, editor_reviewer, committed):
    outlet, claims, _ = carried
    with committed():
        outlet_update(outlet=outlet, reliability="A", name="Al-Akhbar al-Jadida", by=editor_reviewer)

    assert all("jadida" in stored(c).search_text for c in claims)
    assert claims_rescore_all() == 0


@pytest.mark.parametrize("change", ["name", "aliases"])
def test_renaming_an_outlet_refreshes_the_search_text_of_its_claims(carried, editor, committed, change):
    outlet, claims, _ = carried
    values = {"name": "Al-Akhbar al-Jadida"} if change == "name" else {"aliases": ["Akhbar Beirut"]}

    with committed():
        job = outlet_update(outlet=outlet, by=editor, **values).rescoring

    assert Job.objects.get(pk=job.pk).state == JobState.DONE
    word = "jadida" if change == "name" else "beirut"
    assert all(word in stored(c).search_text for c in claims)


def test_renaming_an_actor_refreshes_the_claims_about_it(editor, committed):
    actor = make_actor("Hezbollah")
    about = make_claim("Hezbollah fired rockets", subject=actor)
    make_appearance(about, published_on=date(2021, 10, 21))

    with committed():
        job = actor_update(actor=actor, name="Hizbullah", by=editor).rescoring

    assert Job.objects.get(pk=job.pk).state == JobState.DONE
    assert "hizbullah" in stored(about).search_text


def test_every_change_to_an_affiliation_rescores_the_tied_outlets_claims(editor, committed):
    actor = make_actor("Hezbollah")
    akhbar, manar = make_outlet("Al-Akhbar", reliability="C"), make_outlet("Al-Manar", reliability="C")
    claim = make_claim("The drone attack was the Operations Room's")
    make_appearance(claim, akhbar, published_on=date(2021, 10, 21))
    make_appearance(claim, manar, published_on=date(2021, 10, 21))
    make_affiliation(manar, actor)
    alone = stored(claim).independent_origin_count

    with committed():
        tie = make_affiliation(akhbar, actor)
    tied = stored(claim).independent_origin_count
    with committed():
        affiliation_update(affiliation=tie, valid_to=date(2020, 1, 1), by=editor)
    lapsed = stored(claim).independent_origin_count
    with committed():
        affiliation_withdraw(affiliation=tie, reason="Misattributed", by=editor)

    assert (alone, tied, lapsed, stored(claim).independent_origin_count) == (2, 1, 2, 2)
    assert tie.rescoring is not None and Job.objects.filter(kind=JobKind.RESCORE, state=JobState.DONE).count() == 3


def test_a_change_that_reaches_no_claim_starts_no_job(reviewer):
    outlet = make_outlet("A new outlet")

    assert outlet_update(outlet=outlet, reliability="B", by=reviewer).rescoring is None
    assert not Job.objects.exists()


def test_a_bulk_load_rescores_what_its_fan_out_writes_reach_itself(carried, reviewer):
    outlet, claims, _ = carried

    with rescoring_deferred():
        outlet_update(outlet=outlet, reliability="A", by=reviewer)

    assert not Job.objects.exists()
    assert claims_rescore_all() == 0
    assert not any(pending(c) for c in claims)


def test_the_request_side_costs_the_same_few_queries_however_many_claims_it_reaches(reviewer, settings):
    outlet = make_outlet("Al-Akhbar", reliability="E")

    def regrade_queries(grade: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            outlet_update(outlet=outlet, reliability=grade, by=reviewer)
        return len(captured)

    make_appearance(make_claim("One claim"), outlet, published_on=date(2021, 10, 21))
    reviewer.get_all_permissions()  # read once per request, whatever it does
    few = regrade_queries("D")
    for n in range(40):
        make_appearance(make_claim(f"Claim {n}"), outlet, published_on=date(2021, 10, 21))

    assert regrade_queries("C") == few


def test_the_claims_list_filters_and_shows_the_claims_waiting_for_their_rescoring(carried, reviewer, client_for):
    outlet, claims, other = carried
    api = client_for(reviewer)
    assert api.get("/api/v1/claims/", {"scores_pending": "true"}).json()["results"] == []

    outlet_update(outlet=outlet, reliability="A", by=reviewer)

    waiting = api.get("/api/v1/claims/", {"scores_pending": "true"}).json()["results"]
    current = api.get("/api/v1/claims/", {"scores_pending": "false"}).json()["results"]
    assert sorted(c["id"] for c in waiting) == sorted(c.pk for c in claims)
    assert all(c["scores_pending"] for c in waiting)
    assert [c["id"] for c in current] == [other.pk]
    exported = b"".join(api.get("/api/v1/claims/export.csv").streaming_content).decode()
    assert exported.count(",true,") == 5


def test_an_actors_claims_wait_whether_about_it_stated_by_it_or_carried_by_a_tied_outlet(editor):
    actor = make_actor("Hezbollah")
    about = make_claim("Hezbollah fired the rockets", subject=actor)
    stated = make_claim("The Operations Room claimed the attack")
    make_evidence(stated, actor=actor)
    tied_outlet = make_outlet("Al-Manar")
    make_affiliation(tied_outlet, actor)
    carried_by_tie = make_claim("Al-Manar reported the strike")
    make_appearance(carried_by_tie, tied_outlet, published_on=date(2021, 10, 21))
    unrelated = make_claim("Something else entirely")

    actor_update(actor=actor, name="Hizbullah", by=editor)

    assert [pending(c) for c in (about, stated, carried_by_tie, unrelated)] == [True, True, True, False]
    assert pending_reasons(stated) == ["actor Hizbullah was renamed from Hezbollah"]
