"""The capture lifecycle (issue 23): a capture keeps only its own states; queued, running and failed are
its job's, read from it; whether a failure is tried again is the guard's `retryable`, never its words;
one outlet per site, offered when the page names one we hold."""

import pytest

from claims.choices import CaptureState, CaptureStatus, JobState
from claims.models import Appearance, Capture, Job, Outlet
from claims.outbound import OutboundRefused
from claims.services import captures as capture_services
from claims.services.captures import capture_request
from tests.capture.pages import MIRROR, SITES
from tests.factories import make_claim, make_outlet

pytestmark = pytest.mark.django_db

INSTITUTE = SITES[1]


@pytest.fixture
def claim():
    return make_claim("The Allies of Syria Operations Room was behind the drone attack on al-Tanf")


def run(url, claim, editor, committed) -> Capture:
    with committed():
        made = capture_request(url=url, claim=claim, by=editor)
    return Capture.objects.select_related("job").get(pk=made.pk)


def refusing(monkeypatch, refusal: OutboundRefused) -> list[str]:
    tries = []

    def fetch(url: str) -> None:
        tries.append(url)
        raise refusal

    monkeypatch.setattr(capture_services, "fetch", fetch)
    return tries


@pytest.mark.parametrize(
    ("words", "retryable", "tries"),
    [
        # The words once matched to decide ("did not", "could not be reached") decide nothing now.
        ("example.org did not answer within 15 s.", False, 1),
        ("Something the guard never said before.", True, 3),
    ],
)
def test_the_task_retries_by_the_refusals_retryable_flag_not_its_words(
    sites, claim, editor, committed, settings, monkeypatch, words, retryable, tries
):
    settings.JOB_MAX_RETRIES = 2
    made = refusing(monkeypatch, OutboundRefused(words, retryable=retryable))

    done = run(sites.url(INSTITUTE), claim, editor, committed)

    assert len(made) == tries and done.job.attempts == tries
    assert (done.status, done.state, done.job.state) == (CaptureStatus.FAILED, "", JobState.FAILED)
    assert words in done.message and done.message == done.job.failure


def test_a_capture_says_its_jobs_state_until_it_has_one_of_its_own(sites, claim, editor, client_for):
    capture = capture_request(url=sites.url(INSTITUTE), claim=claim, by=editor)  # its task has not run
    api = client_for(editor)

    assert (capture.state, capture.status) == ("", CaptureStatus.QUEUED)
    Job.objects.filter(pk=capture.job_id).update(state=JobState.RUNNING, done=2)
    body = api.get(f"/api/v1/captures/{capture.pk}/").json()
    assert (body["state"], body["message"], body["job"]["state"]) == ("running", "", "running")

    Job.objects.filter(pk=capture.job_id).update(state=JobState.FAILED, failure="The site answered 503.")
    body = api.get(f"/api/v1/captures/{capture.pk}/").json()
    assert (body["state"], body["message"]) == ("failed", "The site answered 503.")
    assert Capture.objects.get(pk=capture.pk).state == ""  # nothing copied from the job


def test_a_capture_jobs_steps_count_what_it_did(sites, claim, editor, committed):
    done = run(sites.url(INSTITUTE), claim, editor, committed)
    waiting = run(sites.url(MIRROR), claim, editor, committed)  # no outlet has the mirror's domain

    assert (done.status, done.job.done, done.job.total) == (CaptureState.RECORDED, 5, 5)
    assert (waiting.status, waiting.job.done, waiting.job.state) == (CaptureState.NEEDS_OUTLET, 3, JobState.DONE)


def test_an_outlet_made_through_the_api_with_only_its_url_is_found_by_the_next_capture(
    sites, claim, editor, committed, client_for
):
    home = sites.servers[MIRROR.host].url("/")
    made = client_for(editor).post("/api/v1/outlets/", {"name": "Levant Mirror Media", "url": home}, format="json")
    assert made.status_code == 201 and made.json()["domain"] == MIRROR.host

    done = run(sites.url(MIRROR), claim, editor, committed)

    assert done.status == CaptureState.RECORDED and done.outlet_id == made.json()["id"]


def test_the_proposed_outlet_keeps_the_sites_port(sites, claim, editor, committed):
    waiting = run(sites.url(MIRROR), claim, editor, committed)

    assert waiting.proposed_outlet["url"] == sites.servers[MIRROR.host].url("/")
    assert waiting.proposed_outlet["url"].rsplit(":", 1)[-1].rstrip("/").isdecimal()


def test_a_proposed_outlet_we_hold_by_name_is_offered_and_not_made_twice(sites, claim, editor, committed, client_for):
    held = make_outlet("Levant Mirror Media")  # no URL, no domain: the page's domain finds nothing
    waiting = run(sites.url(MIRROR), claim, editor, committed)
    api = client_for(editor)
    outlets = Outlet.objects.count()

    body = api.get(f"/api/v1/captures/{waiting.pk}/").json()
    assert body["state"] == "needs_outlet"
    assert [(o["id"], o["by_name"]) for o in body["alike_outlets"]] == [(held.pk, True)]

    confirmed = api.post(f"/api/v1/captures/{waiting.pk}/outlet/", {}, format="json")  # the proposed one, as named
    assert confirmed.status_code == 400 and f"id {held.pk}" in confirmed.json()["detail"]
    assert Outlet.objects.count() == outlets and Capture.objects.get(pk=waiting.pk).state == CaptureState.NEEDS_OUTLET

    chosen = api.post(f"/api/v1/captures/{waiting.pk}/outlet/", {"outlet": held.pk}, format="json")
    assert chosen.status_code == 200 and chosen.json()["state"] == "recorded"
    assert Appearance.objects.get().outlet == held
    assert Job.objects.get(pk=waiting.job_id).done == 5  # the steps the person took count too


def test_the_byline_is_kept_on_the_appearance_and_shown_in_the_api_and_exports(
    sites, claim, editor, committed, client_for
):
    done = run(sites.url(INSTITUTE), claim, editor, committed)
    api = client_for(editor)

    assert done.appearance.author == INSTITUTE.author == "Hamdi Malik"
    assert api.get(f"/api/v1/appearances/{done.appearance_id}/").json()["author"] == "Hamdi Malik"
    review = api.get(f"/api/v1/claims/{claim.pk}/claimreview/").json()
    assert review["itemReviewed"]["appearance"][0]["author"] == {"@type": "Person", "name": "Hamdi Malik"}
    prov = api.get(f"/api/v1/claims/{claim.pk}/prov/").json()
    assert any(entity.get("schema:author") == "Hamdi Malik" for entity in prov["entity"].values())


def test_captures_are_filtered_by_state_claim_and_outlet(sites, claim, editor, committed, client_for):
    done = run(sites.url(INSTITUTE), claim, editor, committed)
    waiting = run(sites.url(MIRROR), claim, editor, committed)
    queued = capture_request(url=sites.url(SITES[2]), claim=make_claim("Another"), by=editor)
    api = client_for(editor)

    def ids(query: str) -> list[int]:
        response = api.get(f"/api/v1/captures/?{query}")
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    assert ids("state=recorded") == [done.pk]
    assert ids("state=needs_outlet") == [waiting.pk]
    assert ids("state=queued") == [queued.pk]
    assert ids(f"claim={claim.pk}") == [done.pk, waiting.pk]
    assert ids(f"outlet={done.outlet.slug}") == [done.pk]
    assert api.get("/api/v1/captures/?state=done").status_code == 400
    assert api.get("/api/v1/captures/?claim=999999").status_code == 400
