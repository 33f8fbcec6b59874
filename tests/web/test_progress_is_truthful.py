"""What a page says of background work is what happened (issue 23, items 3 and 5): with no broker a job
may be done before the page that asked for it is drawn, and then the page says so; a capture's job
shows its steps, never "0 of ?"."""

from datetime import date

import orjson
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from claims.choices import CaptureState, JobKind, JobState
from claims.models import Capture, Claim, Job
from tests.factories import make_appearance, make_claim, make_outlet

OUTLETS = [{"slug": "al-akhbar", "name": "Al-Akhbar", "kind": "newspaper"}]


def browser(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def record(ref: str) -> str:
    return orjson.dumps(
        {
            "external_ref": ref,
            "text": f"The Operations Room claimed attack {ref}",
            "outlets": OUTLETS,
            "appearances": [{"ref": "a", "outlet": "al-akhbar", "published_on": "2021-10-21"}],
        }
    ).decode()


def followed(client: Client, response) -> str:
    return client.get(response["Location"]).text


# These requests commit for real, as a request does: with no broker the job runs at the commit,
# before the page that answers is drawn.
real_commits = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@real_commits
def test_an_import_done_before_its_page_is_drawn_says_what_it_imported(editor):
    client = browser(editor)
    cut = '{"external_ref": "cut", "text": "The Operations Room claimed'
    body = "\n".join([record("one"), cut, record("three")]).encode() + b"\n"

    response = client.post(reverse("web:import"), {"file": SimpleUploadedFile("claims.jsonl", body)})

    page = followed(client, response)
    assert "File imported: 2 of 3 records imported." in page
    assert "1 record could not be imported" in page and "being imported" not in page
    assert "the line is cut off" in page and "unexpected control character" not in page
    for claim in Claim.objects.all():
        assert reverse("web:claim-detail", args=[claim.pk]) in page  # links to what it created
    assert "Claims created (2)" in page


@real_commits
def test_a_regrade_done_at_once_says_the_claims_were_rescored(reviewer):
    outlet = make_outlet("Al-Akhbar", reliability="E")
    for n in range(3):
        make_appearance(make_claim(f"Claim {n}"), outlet, published_on=date(2021, 10, 21))
    client = browser(reviewer)

    response = client.post(reverse("web:outlet-grade", args=[outlet.slug]), {"grade-reliability": "B"}, follow=True)

    assert "The claims it reaches were rescored: 3 claims rescored, 3 changed." in response.text
    assert "in the background" not in response.text


@pytest.mark.django_db
def test_a_regrade_whose_job_has_not_run_says_it_runs_in_the_background(reviewer):
    outlet = make_outlet("Al-Akhbar", reliability="E")
    make_appearance(make_claim("Claim"), outlet, published_on=date(2021, 10, 21))

    response = browser(reviewer).post(
        reverse("web:outlet-grade", args=[outlet.slug]), {"grade-reliability": "B"}, follow=True
    )

    assert "are being rescored in the background" in response.text
    assert Job.objects.get().state == JobState.QUEUED


@pytest.mark.django_db
def test_the_jobs_list_says_what_each_job_came_to(editor, reviewer):
    now = timezone.now()
    capture_job = Job.objects.create(
        kind=JobKind.CAPTURE, description="Capture of https://x.example/a", created_by=editor, state=JobState.DONE,
        done=3, total=5, finished_at=now,
    )  # fmt: skip
    Capture.objects.create(job=capture_job, url="https://x.example/a", normalized_url="https://x.example/a",
                           state=CaptureState.NEEDS_OUTLET)  # fmt: skip
    Job.objects.create(kind=JobKind.IMPORT, description="Import of a.jsonl", created_by=editor, state=JobState.RUNNING,
                       done=40, total=100)  # fmt: skip
    Job.objects.create(kind=JobKind.RESCORE, description="Rescoring", created_by=editor, state=JobState.DONE,
                       done=7, total=7, result={"claims": 7, "changed": 2}, finished_at=now)  # fmt: skip
    Job.objects.create(kind=JobKind.IMPORT, description="Import of b.jsonl", created_by=editor)

    page = browser(editor).get(reverse("web:job-list")).text

    assert "0 of ?" not in page
    assert "Needs an outlet" in page  # the capture, by what it came to
    assert "40 of 100 records" in page and "7 claims rescored, 2 changed" in page and "Waiting to start" in page


@pytest.mark.django_db
def test_a_capture_job_page_shows_the_steps_and_links_the_capture(editor):
    job = Job.objects.create(kind=JobKind.CAPTURE, description="Capture", created_by=editor, state=JobState.FAILED,
                             done=2, total=5, failure="Not an HTML page")  # fmt: skip
    capture = Capture.objects.create(job=job, url="https://x.example/r.pdf", normalized_url="https://x.example/r.pdf")

    page = browser(editor).get(reverse("web:job-detail", args=[job.pk])).text

    assert reverse("web:capture-detail", args=[capture.pk]) in page
    assert page.count("capture-step--done") == 2 and page.count("capture-step--failed") == 1
    assert "0 of" not in page


@pytest.mark.django_db
def test_the_import_page_is_in_the_navigation_of_those_who_may_import_and_describes_the_format(
    editor, reviewer, consumer
):
    import_url = reverse("web:import")
    for user, offered in ((editor, True), (reviewer, False), (consumer, False)):
        page = browser(user).get(reverse("web:claim-list")).text
        assert (f'href="{import_url}"' in page) is offered, user
    page = browser(editor).get(import_url).text
    assert "api-exports-import" not in page and "docs/api.md" in page
    assert "external_ref" in page and 'id="format"' in page
