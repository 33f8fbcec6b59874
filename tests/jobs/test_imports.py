"""POST /api/v1/imports/ and the import page: a file imported by a job, its bad records on the job.

On the embedded default the job runs in-process once the upload's transaction commits
(`committed()`); tests/jobs/test_worker.py runs the same through a real worker and Redis.
"""

import orjson
import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from claims.choices import JobKind, JobState
from claims.models import Claim, Job

pytestmark = pytest.mark.django_db

URL = "/api/v1/imports/"
OUTLETS = [{"slug": "al-akhbar", "name": "Al-Akhbar", "kind": "newspaper"}]


def record(ref: str, **fields) -> dict:
    base = {
        "external_ref": ref,
        "text": f"The Operations Room claimed attack {ref}",
        "outlets": OUTLETS,
        "appearances": [{"ref": "first", "outlet": "al-akhbar", "published_on": "2021-10-21"}],
    }
    return base | fields


def jsonl(*records: dict | str) -> bytes:
    return b"".join((r if isinstance(r, str) else orjson.dumps(r).decode()).encode() + b"\n" for r in records)


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


LONG = jsonl(*(record(f"r{n}") for n in range(400)))  # past the 64 KB the format is told from
assert len(LONG) > 70_000

GOOD_AND_BAD = jsonl(
    record("one"),
    "this line is not JSON",
    record("three", appearances=[{"ref": "first", "outlet": "nowhere-daily", "published_on": "2021-10-21"}]),
    record("four"),
)


def test_an_editor_uploads_a_file_and_gets_the_job_at_once(as_editor, editor):
    response = as_editor.post(URL, {"file": upload("claims.jsonl", GOOD_AND_BAD)}, format="multipart")

    assert response.status_code == 202
    body = response.json()
    assert response["Location"] == body["url"] and body["url"].endswith(f"/api/v1/jobs/{body['id']}/")
    # Counted by the job, not by the request: a file at the upload limit takes seconds to parse.
    assert (body["kind"], body["state"], body["total"], body["done"]) == ("import", "queued", None, 0)
    job = Job.objects.get(pk=body["id"])
    assert (job.created_by, job.params) == (editor, {"format": "jsonl", "name": "claims.jsonl"})
    assert default_storage.exists(job.upload.name)
    assert not Claim.objects.exists()  # imported by the job, after the upload commits


def test_the_job_imports_the_good_records_and_lists_each_bad_one_with_its_line(as_editor, committed):
    with committed():
        response = as_editor.post(URL, {"file": upload("claims.jsonl", GOOD_AND_BAD)}, format="multipart")

    job = as_editor.get(response["Location"]).json()
    assert (job["state"], job["done"], job["total"], job["progress"]) == ("done", 4, 4, 100.0)
    assert job["result"]["imported"] == 2 and job["result"]["claims created"] == 2
    assert [(e["line"], e["ref"]) for e in job["errors"]] == [(2, ""), (3, "three")]
    assert job["errors"][0]["message"].startswith("not valid JSON")
    assert "nowhere-daily" in job["errors"][1]["message"]
    assert set(Claim.objects.values_list("external_ref", flat=True)) == {"one", "four"}


def test_a_csv_file_is_imported_the_same_way(as_editor, committed):
    csv = (
        b"external_ref,text,kind,appearance_ref,outlet,published_on\n"
        b"csv-1,The Operations Room claimed the attack,attribution,a,al-akhbar,2021-10-21\n"
    )
    as_editor.post("/api/v1/outlets/", {"name": "Al-Akhbar", "slug": "al-akhbar", "kind": "newspaper"})

    with committed():
        response = as_editor.post(URL, {"file": upload("claims.csv", csv)}, format="multipart")

    assert response.status_code == 202
    job = Job.objects.get(pk=response.json()["id"])
    assert (job.state, job.params["format"], job.errors) == (JobState.DONE, "csv", [])
    assert Claim.objects.filter(external_ref="csv-1").exists()


def test_importing_the_same_file_again_changes_nothing(as_editor, committed):
    for _ in range(2):
        with committed():
            response = as_editor.post(URL, {"file": upload("claims.jsonl", GOOD_AND_BAD)}, format="multipart")

    second = Job.objects.get(pk=response.json()["id"])
    assert second.result["claims unchanged"] == 2 and "claims created" not in second.result
    assert Claim.objects.count() == 2


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("claims.jsonl", b"", "empty"),
        ("claims.jsonl", b"\n\n  \n", "empty"),
        ("claims.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not UTF-8"),
        ("claims.txt", b"Some notes about the attack, not claims.\n", "neither JSON Lines"),
        ("claims.jsonl", b"[1, 2, 3]\n", "not JSONL"),
        ("claims.csv", b"title,date\nAttack,2021-10-20\n", "not CSV"),
        ("claims.jsonl", LONG + b"caf\xe9\n" + LONG, f"not UTF-8 text (byte {len(LONG) + 4:,} cannot"),
        ("claims.jsonl", LONG + "\N{ARABIC LETTER ALEF}".encode()[:1], "ends in the middle of a character"),
    ],
)
def test_a_file_that_is_not_an_import_is_refused_and_nothing_is_kept(as_editor, name, content, message):
    response = as_editor.post(URL, {"file": upload(name, content)}, format="multipart")

    assert response.status_code == 400
    assert message in response.json()["detail"]
    assert not Job.objects.exists()
    assert not default_storage.exists("imports") or not default_storage.listdir("imports")[1]


def test_an_upload_without_a_file_or_with_an_unknown_format_is_refused(as_editor):
    assert as_editor.post(URL, {}, format="multipart").status_code == 400
    response = as_editor.post(URL, {"file": upload("c.jsonl", jsonl(record("x"))), "format": "xml"}, format="multipart")
    assert response.status_code == 400
    assert "format" in response.json()["errors"]
    assert not Job.objects.exists()


def test_only_editors_may_import(as_reviewer, as_consumer, api):
    for client, status in ((as_reviewer, 403), (as_consumer, 403), (api, 401)):
        response = client.post(URL, {"file": upload("c.jsonl", jsonl(record("x")))}, format="multipart")
        assert response.status_code == status
    assert not Job.objects.exists()


def test_a_job_whose_file_is_gone_is_retried_then_fails_with_the_reason(as_editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as on_commit:
        response = as_editor.post(URL, {"file": upload("claims.jsonl", GOOD_AND_BAD)}, format="multipart")
    job = Job.objects.get(pk=response.json()["id"])
    default_storage.delete(job.upload.name)

    for callback in on_commit:  # the upload's transaction commits: the job runs, and cannot read its file
        callback()

    job.refresh_from_db()
    assert job.state == JobState.FAILED
    assert "FileNotFoundError" in job.failure and "tries" in job.failure
    assert job.attempts > 1  # tried again before failing
    assert not Claim.objects.exists()


def test_each_user_sees_their_own_jobs_and_reviewers_and_superusers_see_all(
    client_for, editor, other_editor, reviewer, django_user_model
):
    mine = Job.objects.create(kind=JobKind.IMPORT, description="Import of mine.jsonl", created_by=editor)
    theirs = Job.objects.create(kind=JobKind.IMPORT, description="Import of theirs.jsonl", created_by=other_editor)

    as_editor = client_for(editor)
    listed = [job["id"] for job in as_editor.get("/api/v1/jobs/").json()["results"]]
    assert listed == [mine.pk]
    assert as_editor.get(f"/api/v1/jobs/{theirs.pk}/").status_code == 404
    superuser = django_user_model.objects.create_superuser("sam", password="x")
    for seer in (reviewer, superuser):
        everyone = [job["id"] for job in client_for(seer).get("/api/v1/jobs/").json()["results"]]
        assert sorted(everyone) == sorted([mine.pk, theirs.pk])
        assert client_for(seer).get(f"/api/v1/jobs/{theirs.pk}/").status_code == 200


def test_jobs_need_a_login(api):
    assert api.get("/api/v1/jobs/").status_code == 401


def test_the_import_page_uploads_and_shows_the_job_with_its_bad_lines(editor, committed):
    browser = Client()
    browser.force_login(editor)

    with committed():
        response = browser.post(reverse("web:import"), {"file": upload("claims.jsonl", GOOD_AND_BAD)})

    job = Job.objects.get(kind=JobKind.IMPORT)  # the import; a dependence run follows it
    assert response.status_code == 302 and response["Location"] == reverse("web:job-detail", args=[job.pk])
    page = browser.get(response["Location"]).text
    assert "Done" in page
    assert "nowhere-daily" in page and "<td>3</td>" in page
    assert 'data-job-url="/api/v1/jobs/' in page


def test_the_import_page_shows_why_a_file_is_refused(editor):
    browser = Client()
    browser.force_login(editor)

    response = browser.post(reverse("web:import"), {"file": upload("notes.txt", b"Just some notes\n")})

    assert response.status_code == 400
    assert "neither JSON Lines" in response.text
    assert not Job.objects.exists()


def test_the_import_page_is_for_editors_only(consumer, reviewer, client):
    assert client.get(reverse("web:import")).status_code == 302  # to the login page
    for user in (consumer, reviewer):
        browser = Client()
        browser.force_login(user)
        assert browser.get(reverse("web:import")).status_code == 403
        assert browser.post(reverse("web:import"), {"file": upload("c.jsonl", jsonl(record("x")))}).status_code == 403
    assert not Job.objects.exists()


def test_a_job_page_of_someone_elses_job_is_not_found(other_editor, editor):
    job = Job.objects.create(kind=JobKind.IMPORT, description="Import of theirs.jsonl", created_by=other_editor)
    browser = Client()
    browser.force_login(editor)

    assert browser.get(reverse("web:job-detail", args=[job.pk])).status_code == 404
