"""How each capture ends: an appearance, or a job that failed with a reason a person can act on,
and nothing half-written (SPEC §13, docs/capture.md)."""

import hashlib
import io
from datetime import date, timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone
from warcio.archiveiterator import ArchiveIterator

from claims.choices import CaptureState, CaptureStatus, JobState
from claims.models import Appearance, Capture, Job, Outlet, Snapshot
from claims.services.captures import capture_request
from claims.services.outlets import outlet_update
from tests.capture.pages import SITES, news_page
from tests.factories import make_appearance, make_claim
from tests.outbound.server import Page

pytestmark = pytest.mark.django_db

INSTITUTE = SITES[1]


@pytest.fixture
def claim():
    return make_claim("The Allies of Syria Operations Room was behind the drone attack on al-Tanf")


def run(url, claim, editor, committed) -> Capture:
    with committed():
        made = capture_request(url=url, claim=claim, by=editor)
    return Capture.objects.select_related("job", "snapshot").get(pk=made.pk)


def failed_with(capture: Capture, words: str) -> None:
    assert (capture.status, capture.state, capture.job.state) == (CaptureStatus.FAILED, "", JobState.FAILED)
    assert words in capture.message and capture.message == capture.job.failure
    assert capture.appearance is None


def test_a_redirect_chain_ends_at_the_article_which_is_recorded_once(sites, claim, editor, committed):
    article = sites.url(INSTITUTE)
    second = sites.odd("/go/2", Page(302, headers={"Location": article + "?fbclid=abc"}))
    first = sites.odd("/go/1", Page(301, headers={"Location": second}))

    done = run(first, claim, editor, committed)
    again = run(article, claim, editor, committed)

    assert done.state == again.state == CaptureState.RECORDED
    assert done.appearance == again.appearance and done.appearance.url == article
    assert Appearance.objects.filter(claim=claim).count() == 1
    assert (done.appearance_created, again.appearance_created) == (True, False)
    assert done.snapshot.final_url == article + "?fbclid=abc" and done.snapshot.url == first


def test_a_second_capture_keeps_both_snapshots_and_says_whether_the_page_changed(sites, claim, editor, committed):
    url = sites.url(INSTITUTE)
    first = run(url, claim, editor, committed)
    same = run(url, claim, editor, committed)
    sites.servers[INSTITUTE.host].add(INSTITUTE.path, Page(body=news_page(INSTITUTE) + b"<!-- corrected -->"))
    changed = run(url, claim, editor, committed)

    assert Snapshot.objects.filter(normalized_url=url).count() == 3
    assert (first.snapshot.content_changed, same.snapshot.content_changed, changed.snapshot.content_changed) == (
        None,
        False,
        True,
    )
    assert same.snapshot.previous == first.snapshot and same.snapshot.sha256 == first.snapshot.sha256


def test_the_snapshot_is_the_response_as_fetched_in_a_warc_record(sites, claim, editor, committed):
    done = run(sites.url(INSTITUTE), claim, editor, committed)

    with default_storage.open(done.snapshot.warc.name, "rb") as stored:
        records = [(r, r.content_stream().read()) for r in ArchiveIterator(io.BytesIO(stored.read()))]
    ((record, body),) = records
    assert record.rec_type == "response" and record.rec_headers.get_header("WARC-Target-URI") == sites.url(INSTITUTE)
    assert record.http_headers.get_statuscode() == "200"
    assert body == news_page(INSTITUTE)
    assert done.snapshot.sha256 == hashlib.sha256(body).hexdigest() and done.snapshot.size == len(body)


def test_a_redirect_to_a_private_address_is_refused_and_nothing_is_kept(sites, claim, editor, committed):
    url = sites.odd("/internal", Page(302, headers={"Location": "http://10.20.30.40/admin"}))

    done = run(url, claim, editor, committed)

    failed_with(done, "10.20.30.40")
    assert not Snapshot.objects.exists() and not Appearance.objects.exists()


def test_an_oversize_page_is_refused(sites, claim, editor, committed, settings):
    settings.OUTBOUND_MAX_BYTES = 10_000
    url = sites.odd("/huge", Page(body=b"<html><body>" + b"<p>words</p>" * 5000 + b"</body></html>"))

    failed_with(run(url, claim, editor, committed), "larger than 10,000 bytes")
    assert not Snapshot.objects.exists()


def test_a_slow_page_is_tried_again_then_given_up_with_the_reason(sites, claim, editor, committed, settings):
    settings.OUTBOUND_DEADLINE_SECONDS = 0.3
    settings.JOB_MAX_RETRIES = 1
    url = sites.odd("/slow", Page(body=news_page(INSTITUTE), head_delay=2))

    done = run(url, claim, editor, committed)

    failed_with(done, "127.0.0.8 did not answer within the deadline of 0.3 s")
    assert done.job.attempts == 2  # tried again once, then failed
    assert not Appearance.objects.exists()


def test_a_page_that_drips_is_cut_off_at_the_deadline(sites, claim, editor, committed, settings):
    """A byte every 0.1 s: no read waits long, and the page would take a minute to arrive whole."""
    settings.OUTBOUND_DEADLINE_SECONDS = 0.5
    settings.JOB_MAX_RETRIES = 0
    page = news_page(INSTITUTE)
    url = sites.odd("/drip", Page(body=page, chunks=600, delay=0.1))

    done = run(url, claim, editor, committed)

    failed_with(done, "127.0.0.8 did not send the whole response within the deadline of 0.5 s")
    assert not Snapshot.objects.exists() and not Appearance.objects.exists()


def test_a_pdf_is_kept_as_a_snapshot_but_not_read(sites, claim, editor, committed):
    url = sites.odd("/report.pdf", Page(body=b"%PDF-1.7 ...", headers={"Content-Type": "application/pdf"}))

    done = run(url, claim, editor, committed)

    failed_with(done, "not an HTML page (application/pdf)")
    assert done.snapshot.content_type == "application/pdf" and done.snapshot.metadata == {}


def test_a_page_not_found_fails_at_once(sites, claim, editor, committed):
    done = run(sites.odd("/nowhere", Page(404, b"<h1>Not found</h1>")), claim, editor, committed)

    failed_with(done, "The page answered 404")
    assert done.job.attempts == 1 and not Snapshot.objects.exists()


def test_a_server_error_is_tried_again_then_fails(sites, claim, editor, committed, settings):
    settings.JOB_MAX_RETRIES = 2
    hits = []

    def broken(request):
        hits.append(request)
        return Page(500, b"<h1>Internal Server Error</h1>")

    done = run(sites.odd("/broken", broken), claim, editor, committed)

    failed_with(done, "answered 500")
    assert len(hits) == 3 and done.job.attempts == 3


def test_a_page_dated_in_the_future_is_refused_by_the_appearance_rules(sites, claim, editor, committed):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    future = INSTITUTE.__class__(**{**INSTITUTE.__dict__, "published": tomorrow, "path": "/future"})
    sites.servers[INSTITUTE.host].add("/future", Page(body=news_page(future)))

    done = run(sites.servers[INSTITUTE.host].url("/future"), claim, editor, committed)

    failed_with(done, "is in the future")
    assert done.snapshot is not None  # what was fetched is kept; no appearance is half-written
    assert not Appearance.objects.exists()


def test_a_page_with_no_date_says_so(sites, claim, editor, committed):
    undated = INSTITUTE.__class__(**{**INSTITUTE.__dict__, "published": "", "dating": "none", "path": "/undated"})
    sites.servers[INSTITUTE.host].add("/undated", Page(body=news_page(undated)))

    failed_with(run(sites.servers[INSTITUTE.host].url("/undated"), claim, editor, committed), "no publication date")


def test_an_unknown_site_waits_for_its_outlet_proposed_from_the_page(sites, claim, editor, committed, client_for):
    from tests.capture.pages import MIRROR

    done = run(sites.url(MIRROR), claim, editor, committed)

    assert done.state == CaptureState.NEEDS_OUTLET and done.job.state == JobState.DONE
    assert done.proposed_outlet["name"] == "Levant Mirror Media"  # the JSON-LD publisher
    assert done.proposed_outlet["domain"] == MIRROR.host
    assert not Outlet.objects.filter(domain=MIRROR.host).exists()

    response = client_for(editor).post(f"/api/v1/captures/{done.pk}/outlet/", {"name": "Levant Mirror"})

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["state"] == "recorded" and body["appearance"]
    outlet = Outlet.objects.get(domain=MIRROR.host)
    assert outlet.name == "Levant Mirror" and Appearance.objects.get(pk=body["appearance"]).outlet == outlet


def test_resume_jobs_takes_up_a_capture_whose_task_was_lost_with_the_other_jobs(
    sites, claim, editor, reviewer, committed
):
    capture = capture_request(url=sites.url(INSTITUTE), claim=claim, by=editor)  # its task never runs: lost
    outlet = sites.outlets[INSTITUTE.key]
    make_appearance(make_claim("The tanks were moved at night"), outlet, published_on=date(2021, 10, 28))
    rescoring = outlet_update(outlet=outlet, reliability="A", by=reviewer).rescoring

    out = io.StringIO()
    with committed():
        call_command("resume_jobs", stdout=out)

    capture.refresh_from_db()
    assert (capture.state, capture.job.state) == (CaptureState.RECORDED, JobState.DONE)
    assert capture.appearance.claim == claim and capture.appearance.outlet == outlet
    assert Job.objects.get(pk=rescoring.pk).state == JobState.DONE
    assert "2 job(s) enqueued again." in out.getvalue()


def test_a_failed_capture_asked_for_again_is_fetched_anew_and_recorded(
    sites, claim, editor, committed, django_capture_on_commit_callbacks
):
    institute = sites.servers[INSTITUTE.host]
    url = institute.add("/late-article", Page(404, b"<h1>Not found</h1>"))
    failed_with(run(url, claim, editor, committed), "The page answered 404")
    institute.add("/late-article", Page(body=news_page(INSTITUTE)))  # the site has published it since

    with django_capture_on_commit_callbacks() as queued:
        call_command("resume_jobs", "--failed", stdout=io.StringIO())
    waiting = Capture.objects.select_related("job").get()
    assert (waiting.status, waiting.message, waiting.job.state) == (CaptureStatus.QUEUED, "", JobState.QUEUED)

    with committed():
        for task in queued:
            task()
    done = Capture.objects.select_related("job").get()
    assert (done.state, done.message, done.job.state) == (CaptureState.RECORDED, "", JobState.DONE)
    assert done.appearance.claim == claim
