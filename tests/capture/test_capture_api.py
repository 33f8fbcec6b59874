"""The capture API (SPEC §13): bad input is a clear 4xx and writes nothing; a capture from the
new-claim form waits for its claim; snapshots are downloads, for those who may see their capture."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.choices import CaptureState, ReviewState
from claims.models import Appearance, Capture, Job, Snapshot
from claims.services.claims import claim_create
from tests.capture.pages import SITES
from tests.factories import make_claim
from tests.workflow.states import claim_in

pytestmark = pytest.mark.django_db

INSTITUTE = SITES[1]


def nothing_written() -> None:
    assert not Job.objects.exists() and not Capture.objects.exists() and not Snapshot.objects.exists()


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("", "blank"),
        ("not a url", "http"),
        ("http://[::1", "not a URL"),
        ("ftp://127.0.0.3/report.html", "http and https"),
        ("javascript:alert(1)", "http and https"),
        ("http://127.0.0.3/" + "a" * 2000, "2000 characters"),
        ("http://user:secret@127.0.0.3/", "user name"),
        ("http://10.0.0.1/report", "does not reach"),
        ("http://169.254.169.254/latest/meta-data/", "does not reach"),
        ("http://no-such-host.invalid/report", "could not be found"),
    ],
)
def test_a_url_that_cannot_be_captured_is_refused_at_once(sites, editor, client_for, url, words):
    claim = make_claim()

    response = client_for(editor).post("/api/v1/captures/", {"url": url, "claim": claim.pk}, format="json")

    assert response.status_code == 400, response.content
    assert words.lower() in response.content.decode().lower()
    nothing_written()


def test_loopback_is_refused_unless_the_setting_names_it(editor, client_for, settings):
    settings.OUTBOUND_ALLOWED_NETWORKS = []

    response = client_for(editor).post("/api/v1/captures/", {"url": "http://127.0.0.1:9/"}, format="json")

    assert response.status_code == 400 and "does not reach" in response.content.decode()
    nothing_written()


@pytest.mark.parametrize(
    ("who", "status"),
    [("reviewer", 403), ("consumer", 403), (None, 401)],
)
def test_only_editors_capture(sites, request, client_for, api, who, status):
    client = client_for(request.getfixturevalue(who)) if who else api

    response = client.post("/api/v1/captures/", {"url": sites.url(INSTITUTE)}, format="json")

    assert response.status_code in (status, 403 if status == 401 else status), response.content
    nothing_written()


def test_a_retracted_claim_takes_no_capture(sites, editor, client_for):
    retracted = claim_in(ReviewState.RETRACTED)

    response = client_for(editor).post(
        "/api/v1/captures/", {"url": sites.url(INSTITUTE), "claim": retracted.pk}, format="json"
    )

    assert response.status_code == 409 and "retracted" in response.content.decode()
    nothing_written()


def test_a_claim_that_does_not_exist_is_a_400(sites, editor, client_for):
    response = client_for(editor).post(
        "/api/v1/captures/", {"url": sites.url(INSTITUTE), "claim": 999999}, format="json"
    )

    assert response.status_code == 400 and "claim" in response.json().get("errors", response.json())
    nothing_written()


def test_a_capture_answers_202_with_the_job_to_follow(sites, editor, client_for, committed):
    claim = make_claim()
    client = client_for(editor)

    with committed():
        response = client.post("/api/v1/captures/", {"url": sites.url(INSTITUTE), "claim": claim.pk}, format="json")

    assert response.status_code == 202, response.content
    job_url = response["Location"]
    assert job_url.endswith(f"/api/v1/jobs/{response.json()['job']['id']}/")
    job = client.get(job_url).json()
    assert job["state"] == "done" and job["result"]["appearance"]
    capture = client.get(f"/api/v1/captures/{response.json()['id']}/").json()
    assert capture["state"] == "recorded" and capture["snapshot"]["sha256"]


def test_a_capture_from_the_new_claim_form_waits_for_its_claim(sites, editor, other_editor, client_for, committed):
    client = client_for(editor)
    with committed():
        response = client.post("/api/v1/captures/", {"url": sites.url(INSTITUTE)}, format="json")
    capture_id = response.json()["id"]
    waiting = client.get(f"/api/v1/captures/{capture_id}/").json()
    assert waiting["state"] == CaptureState.NEEDS_CLAIM and not Appearance.objects.exists()
    assert waiting["snapshot"]["metadata"]["headline"]["value"] == INSTITUTE.headline  # to prefill the claim

    claim = claim_create(text="The Allies of Syria Operations Room claimed the al-Tanf drone attack", by=editor)
    hidden = client_for(other_editor).post(f"/api/v1/captures/{capture_id}/claim/", {"claim": claim.pk}, format="json")
    attached = client.post(f"/api/v1/captures/{capture_id}/claim/", {"claim": claim.pk}, format="json")
    twice = client.post(f"/api/v1/captures/{capture_id}/claim/", {"claim": claim.pk}, format="json")

    assert hidden.status_code == 404, hidden.content  # another editor's capture is not theirs to follow
    assert attached.status_code == 200, attached.content
    assert attached.json()["state"] == "recorded"
    assert Appearance.objects.get(pk=attached.json()["appearance"]).claim == claim
    assert twice.status_code == 409 and Appearance.objects.count() == 1


def test_a_snapshot_is_a_download_never_shown_inline(sites, editor, reviewer, consumer, client_for, committed):
    claim = make_claim()
    with committed():
        response = client_for(editor).post(
            "/api/v1/captures/", {"url": sites.url(INSTITUTE), "claim": claim.pk}, format="json"
        )
    download = client_for(editor).get(f"/api/v1/captures/{response.json()['id']}/").json()["snapshot"]["download"]

    got = client_for(reviewer).get(download)
    body = b"".join(got.streaming_content)

    assert got.status_code == 200 and got["Content-Type"] == "application/warc"
    assert got["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in got["Content-Security-Policy"] and got["X-Content-Type-Options"] == "nosniff"
    assert body[:2] == b"\x1f\x8b"  # gzipped WARC, never HTML served as ours
    assert client_for(consumer).get(download).status_code == 404


def test_unknown_query_parameters_are_refused(editor, client_for):
    response = client_for(editor).get("/api/v1/captures/", {"stat": "recorded"})

    assert response.status_code == 400 and "stat" in response.content.decode()


def test_the_captures_list_is_a_constant_number_of_queries(sites, editor, client_for, committed):
    client = client_for(editor)
    claim = make_claim()

    def listed() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/captures/").status_code == 200
        return len(queries.captured_queries)

    with committed():
        client.post("/api/v1/captures/", {"url": sites.url(INSTITUTE), "claim": claim.pk}, format="json")
    one = listed()
    for site in SITES[2:]:
        with committed():
            client.post("/api/v1/captures/", {"url": sites.url(site), "claim": claim.pk}, format="json")

    assert listed() == one
