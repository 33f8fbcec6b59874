"""The job through its entry points: the command, the schedule, an import; what it reads besides
shared claims (reused passages, recorded ties)."""

import pytest
from django.core.management import call_command

from claims.choices import JobKind, JobState
from claims.models import Job, OutletDependence, SuggestedCitation
from claims.services.dependence_runs import dependence_recompute, dependence_schedule
from tests.dependence.conftest import copying_newsroom
from tests.factories import make_actor, make_affiliation


@pytest.fixture
def newsroom(db, committed) -> dict:
    with committed():
        return copying_newsroom()


def test_the_command_recomputes_now(newsroom, committed, capsys):
    with committed():
        call_command("outlet_dependence")
    assert capsys.readouterr().out.startswith("Job ")
    job = Job.objects.filter(kind=JobKind.DEPENDENCE).get()
    assert job.state == JobState.DONE and job.result["suggested"] == 1 and job.result["full"]
    assert OutletDependence.objects.get().outlet_id == newsroom["copier"].pk


def test_the_schedule_runs_incrementally_unless_a_run_is_open(newsroom, committed):
    with committed():
        dependence_recompute(full=True)
    with committed():
        job = dependence_schedule()
    assert job is not None and not job.dependence_run.full
    Job.objects.filter(pk=job.pk).update(state=JobState.RUNNING, finished_at=None)
    assert dependence_schedule() is None


def test_passages_reused_between_the_two_pages_count_for_the_copy(newsroom, committed):
    for claim in newsroom["shared"][:4]:
        copy, original = claim.appearances.order_by("published_on")[1], claim.appearances.order_by("published_on")[0]
        SuggestedCitation.objects.create(
            claim=claim, citing=copy, cited=original, kind="paraphrased", score=0.8,
            evidence={"share": 0.8, "passages": [{"citing": "the same words", "cited": "the same words"}]},
        )  # fmt: skip
    with committed():
        dependence_recompute(full=True)
    assert OutletDependence.objects.get().evidence["text_reuse"] == 4


def test_a_shared_patron_records_the_dependence_so_nothing_is_discounted(newsroom, committed):
    with committed():
        patron = make_actor("A patron")
        make_affiliation(newsroom["source"], patron)
        make_affiliation(newsroom["copier"], patron)
    with committed():
        dependence_recompute(full=True)
    pair = OutletDependence.objects.get()
    assert pair.recorded and pair.discount == 0
    assert pair.evidence["shared_patrons"] == ["A patron"]


def test_an_import_asks_for_a_run_over_what_it_carried(newsroom, committed, tmp_path):
    source = tmp_path / "claims.jsonl"
    source.write_text(
        '{"text": "Imported claim", "appearances": [{"outlet": "wire-a", "published_on": "2021-09-01"}]}\n'
    )
    with committed():
        call_command("import_claims", str(source), verbosity=0)
    run = Job.objects.filter(kind=JobKind.DEPENDENCE).latest("id").dependence_run
    assert run.claim_ids
