"""The data migrations of issue 23 move the rows that were there: outlet domains normalised (0014),
capture states that copied their job's given back to the job (0015), suggested passages read again
in both pages' words (0017)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BEFORE = ("claims", "0013_score_refresh_names_changed")
PAGE = (
    "Sources told the paper that the Allies of Syria Operations Room launched five drones at the al-Tanf base "
    "on October 20, 2021, and that the attack answered Israeli strikes near Palmyra. Nobody was hurt."
)


def migrate(target: list[tuple[str, str]]):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def latest() -> list[tuple[str, str]]:
    executor = MigrationExecutor(connection)
    return [key for key in executor.loader.graph.leaf_nodes() if key[0] == "claims"]


def test_outlet_domains_capture_states_and_passages_are_moved():
    old = migrate([BEFORE])
    Outlet, Job, Capture = (old.get_model("claims", name) for name in ("Outlet", "Job", "Capture"))
    Claim, Appearance, Snapshot = (old.get_model("claims", name) for name in ("Claim", "Appearance", "Snapshot"))
    Suggestion = old.get_model("claims", "SuggestedCitation")
    bare = Outlet.objects.create(name="A", slug="a", url="https://www.a.example:8443/", domain="")
    spelled = Outlet.objects.create(name="B", slug="b", domain="WWW.B.example")
    broken = Outlet.objects.create(name="C", slug="c", domain="not a host")
    queued_job = Job.objects.create(kind="capture", description="q", state="queued")
    stale_job = Job.objects.create(kind="capture", description="f", state="done")
    waiting_job = Job.objects.create(kind="capture", description="w", state="done")
    queued = Capture.objects.create(job=queued_job, url="https://x/1", normalized_url="https://x/1", state="queued")
    stale = Capture.objects.create(job=stale_job, url="https://x/2", normalized_url="https://x/2", state="failed",
                                   message="The page answered 404.")  # fmt: skip
    waiting = Capture.objects.create(job=waiting_job, url="https://x/3", normalized_url="https://x/3",
                                     state="needs_outlet", message="No outlet has this page's domain.")  # fmt: skip
    claim = Claim.objects.create(text="A claim", kind="attribution")
    earlier = Appearance.objects.create(claim=claim, outlet=bare, published_on="2021-10-21")
    later = Appearance.objects.create(claim=claim, outlet=spelled, published_on="2021-10-22")
    for appearance, text in ((earlier, PAGE), (later, "Elsewhere: " + PAGE.upper() + " More words here.")):
        Snapshot.objects.create(url="https://x/", final_url="https://x/", normalized_url="https://x/", status=200,
                                size=1, sha256="0" * 64, fetched_at=timezone.now(), warc="x", main_text=text,
                                appearance=appearance)  # fmt: skip
    folded = " ".join(PAGE.lower().replace(",", "").replace(".", "").replace("-", " ").split()[:20])
    suggestion = Suggestion.objects.create(claim=claim, citing=later, cited=earlier, kind="paraphrased", score=0.5,
                                           evidence={"share": 0.5, "passages": [folded]})  # fmt: skip

    new = migrate(latest())
    Outlet, Job, Capture = (new.get_model("claims", name) for name in ("Outlet", "Job", "Capture"))
    Suggestion = new.get_model("claims", "SuggestedCitation")

    assert [Outlet.objects.get(pk=o.pk).domain for o in (bare, spelled, broken)] == [
        "a.example",
        "b.example",
        "not a host",
    ]
    assert Outlet.objects.get(pk=bare.pk).url == "https://www.a.example:8443/"
    assert [Capture.objects.get(pk=c.pk).state for c in (queued, stale, waiting)] == ["", "", "needs_outlet"]
    assert (Job.objects.get(pk=stale_job.pk).state, Job.objects.get(pk=stale_job.pk).failure) == (
        "failed",
        "The page answered 404.",
    )
    [passage] = Suggestion.objects.get(pk=suggestion.pk).evidence["passages"]
    assert passage["cited"].startswith("Sources told the paper that the Allies")
    assert passage["citing"].startswith("SOURCES TOLD THE PAPER")
