"""An upload is the uploader's own writes (issue 22): every record of a file sent to
POST /api/v1/imports/ or the import page is judged by the same services, permissions and four
eyes as the API would judge that user. A record the uploader may not write is a bad line with its
number and the reason, and nothing of it is written; the rest land, in the uploader's name.

The job runs in-process once the upload commits (`committed()`), as on the embedded default.
"""

import orjson
import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from claims.choices import JobKind, JobState, ReviewState
from claims.models import Claim, Job, Outlet, ReviewTransition, WebhookEvent
from claims.roles import EDITOR
from claims.services.webhooks import subscription_create

pytestmark = pytest.mark.django_db

URL = "/api/v1/imports/"
WIRE = {"slug": "levant-wire", "name": "Levant Wire", "kind": "wire"}
GRADED = {"slug": "graded-daily", "name": "Graded Daily", "kind": "newspaper", "reliability": "A"}
NEEDS_REVIEWER = "You do not have permission to do this (claims.review_claim)."
FOUR_EYES = "Four eyes: you cannot approve a claim you created; another reviewer must."


def record(ref: str, state: str = "", outlets: list[dict] | None = None, outlet: str = "levant-wire") -> dict:
    found = {
        "external_ref": ref,
        "text": f"The Operations Room was behind attack {ref}.",
        "outlets": outlets if outlets is not None else [WIRE],
        "appearances": [{"ref": "a", "outlet": outlet, "published_on": "2021-10-21"}],
    }
    if state:
        found |= {"review_state": state, "review_comment": f"Why {ref} is {state}."}
    return found


# Line 1 defines the outlet (one by one); lines 2-6 are new claims of known names (the bulk path).
FILE = [
    record("draft"),
    record("in-review", "in_review"),
    record("published", "published"),
    record("rejected", "rejected"),
    record("retracted", "retracted"),
    record("draft-2", "draft"),
    record("graded", outlets=[GRADED], outlet="graded-daily"),  # line 7: a new outlet graded A
]


def jsonl(records: list[dict]) -> bytes:
    return b"".join(orjson.dumps(r) + b"\n" for r in records)


def upload(client, records: list[dict] = FILE):
    return client.post(URL, {"file": SimpleUploadedFile("claims.jsonl", jsonl(records))}, format="multipart")


@pytest.fixture
def subscribed(superuser):
    """Someone listens for publications and retractions, so that any would be an outbox row."""
    return subscription_create(
        url="https://93.184.215.14/hook", events=["claim.published", "claim.retracted"], by=superuser
    )


def errors_of(job: Job) -> dict[int, str]:
    return {error["line"]: error["message"] for error in job.errors}


def test_an_editors_upload_cannot_publish_reject_retract_or_grade(client_for, editor, committed, subscribed):
    with committed():
        response = upload(client_for(editor))

    assert response.status_code == 202
    job = Job.objects.get(pk=response.json()["id"])
    assert job.state == JobState.DONE and job.result["imported"] == 3
    errors = errors_of(job)
    assert sorted(errors) == [3, 4, 5, 7]
    assert errors[3] == f'review_state "published": {NEEDS_REVIEWER}'
    assert errors[4] == f'review_state "rejected": {NEEDS_REVIEWER}'
    assert errors[5] == f'review_state "retracted": {NEEDS_REVIEWER}'
    assert "graded-daily" in errors[7] and "claims.set_outlet_reliability" in errors[7]
    # The API's view of the same: the job lists the lines as they are stored.
    shown = client_for(editor).get(response["Location"]).json()
    assert [(e["line"], e["ref"]) for e in shown["errors"]] == [(3, "published"), (4, "rejected"), (5, "retracted"),
                                                               (7, "graded")]  # fmt: skip

    stored = dict(Claim.objects.values_list("external_ref", "review_state"))
    assert stored == {"draft": ReviewState.DRAFT, "in-review": ReviewState.IN_REVIEW, "draft-2": ReviewState.DRAFT}
    assert not Outlet.objects.filter(slug="graded-daily").exists()
    assert not WebhookEvent.objects.exists()


def test_the_uploaders_writes_are_in_their_name(client_for, editor, committed):
    with committed():
        response = upload(client_for(editor))
    job_id = response.json()["id"]

    for claim in Claim.objects.all():
        assert claim.created_by == editor
        assert {h.history_user_id for h in claim.history.all()} == {editor.pk}
        assert {h.history_user_id for a in claim.appearances.all() for h in a.history.all()} == {editor.pk}
        assert {h.history_change_reason for h in claim.history.filter(history_type="+")} == {
            f"Imported from claims.jsonl by upload (job {job_id})"
        }
    step = ReviewTransition.objects.get(claim__external_ref="in-review")
    assert (step.by, step.to_state) == (editor, ReviewState.IN_REVIEW)
    assert step.comment == f"Imported from claims.jsonl by upload (job {job_id}), line 2."
    outlet = Outlet.objects.get(slug="levant-wire")
    assert outlet.history.get().history_user == editor


def test_a_reviewer_may_not_upload_at_all(client_for, reviewer):
    response = upload(client_for(reviewer))

    assert response.status_code == 403
    assert not Job.objects.exists() and not Claim.objects.exists()


def test_an_editor_reviewers_own_claims_cannot_come_out_published_or_retracted(
    client_for, editor_reviewer, committed, subscribed
):
    with committed():
        response = upload(client_for(editor_reviewer))

    job = Job.objects.get(pk=response.json()["id"])
    errors = errors_of(job)
    assert sorted(errors) == [3, 5]
    assert errors[3] == f'review_state "published": {FOUR_EYES}'
    assert errors[5] == f'review_state "retracted": {FOUR_EYES}'
    stored = dict(Claim.objects.values_list("external_ref", "review_state"))
    assert stored == {
        "draft": ReviewState.DRAFT,
        "in-review": ReviewState.IN_REVIEW,
        "rejected": ReviewState.REJECTED,  # holding one's own claim back needs no second pair of eyes
        "draft-2": ReviewState.DRAFT,
        "graded": ReviewState.DRAFT,
    }
    rejected = ReviewTransition.objects.get(claim__external_ref="rejected", to_state=ReviewState.REJECTED)
    assert (rejected.by, rejected.comment) == (editor_reviewer, "Why rejected is rejected.")
    # Grading is a reviewer's: their file may grade the outlet it defines, in their name.
    graded = Outlet.objects.get(slug="graded-daily")
    assert graded.reliability == "A" and graded.history.get().history_user == editor_reviewer
    assert not WebhookEvent.objects.exists()


@pytest.mark.parametrize("state", ["published", "retracted"])
def test_a_refused_review_state_leaves_nothing_of_its_record_behind(client_for, editor_reviewer, committed, state):
    lone = [record("lone", state, outlets=[{"slug": "lone-outlet", "name": "Lone Outlet"}], outlet="lone-outlet")]

    with committed():
        upload(client_for(editor_reviewer), lone)

    assert not Claim.objects.exists()
    assert not Outlet.objects.filter(slug="lone-outlet").exists()  # created by the record, undone with it
    assert not ReviewTransition.objects.exists()
    assert not Claim.history.exists()


def test_many_records_of_an_editor_take_the_same_rules_on_the_bulk_path(client_for, editor, committed):
    states = ["draft", "published", "in_review", "rejected", "retracted"]
    records = [record("first")] + [record(f"r{n}", states[n % 5]) for n in range(1, 60)]

    with committed():
        response = upload(client_for(editor), records)

    job = Job.objects.get(pk=response.json()["id"])
    refused = {n + 1 for n in range(1, 60) if states[n % 5] not in ("draft", "in_review")}
    assert set(errors_of(job)) == refused
    assert set(Claim.objects.values_list("review_state", flat=True)) == {ReviewState.DRAFT, ReviewState.IN_REVIEW}
    assert Claim.objects.count() == 60 - len(refused)
    assert set(Claim.history.values_list("history_user_id", flat=True)) == {editor.pk}
    assert set(ReviewTransition.objects.values_list("by_id", flat=True)) == {editor.pk}


def test_the_import_page_goes_the_same_way(editor, committed, subscribed):
    browser = Client()
    browser.force_login(editor)

    with committed():
        response = browser.post(reverse("web:import"), {"file": SimpleUploadedFile("claims.jsonl", jsonl(FILE))})

    job = Job.objects.get(kind=JobKind.IMPORT)  # the import; a dependence run follows it
    assert response["Location"] == reverse("web:job-detail", args=[job.pk])
    assert sorted(errors_of(job)) == [3, 4, 5, 7]
    page = browser.get(response["Location"]).text
    assert "claims.review_claim" in page and "claims.set_outlet_reliability" in page
    assert not Claim.objects.filter(review_state=ReviewState.PUBLISHED).exists()
    assert not WebhookEvent.objects.exists()


def test_an_uploader_who_lost_the_right_to_import_before_the_run_gets_a_failed_job(
    client_for, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as run_later:
        response = upload(client_for(editor))
    editor.groups.remove(Group.objects.get(name=EDITOR))  # between the upload and the run

    for callback in run_later:
        callback()

    job = Job.objects.get(pk=response.json()["id"])
    assert job.state == JobState.FAILED
    assert job.failure == (
        "Nothing was imported: edna may no longer import claims (it takes an active account with the "
        "permission claims.add_claim)."
    )
    assert not Claim.objects.exists() and not Outlet.objects.exists()


def test_an_upload_whose_account_was_deactivated_or_deleted_is_never_imported_as_the_system(
    client_for, editor, other_editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as run_later:
        deactivated = upload(client_for(editor)).json()["id"]
        deleted = upload(client_for(other_editor)).json()["id"]
    editor.is_active = False
    editor.save()
    other_editor.delete()

    for callback in run_later:
        callback()

    assert Job.objects.get(pk=deactivated).state == JobState.FAILED
    gone = Job.objects.get(pk=deleted)
    assert gone.state == JobState.FAILED and "no longer exists" in gone.failure
    assert not Claim.objects.exists()


def test_a_job_resumed_by_resume_jobs_imports_as_its_uploader_still(
    client_for, editor, committed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks():  # the task is lost: the broker forgot it
        response = upload(client_for(editor))
    assert Job.objects.get(pk=response.json()["id"]).state == JobState.QUEUED

    with committed():
        call_command("resume_jobs", stdout=open("/dev/null", "w"))  # noqa: SIM115

    job = Job.objects.get(pk=response.json()["id"])
    assert job.state == JobState.DONE and sorted(errors_of(job)) == [3, 4, 5, 7]
    assert set(Claim.history.values_list("history_user_id", flat=True)) == {editor.pk}


def test_manage_py_import_claims_is_the_systems_and_its_history_says_so(tmp_path, subscribed):
    path = tmp_path / "claims.jsonl"
    path.write_bytes(jsonl(FILE))

    call_command("import_claims", str(path), verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert Claim.objects.get(external_ref="published").review_state == ReviewState.PUBLISHED
    assert Outlet.objects.get(slug="graded-daily").reliability == "A"
    said = "Loaded by manage.py import_claims from claims.jsonl"
    assert set(Claim.history.values_list("history_user_id", flat=True)) == {None}
    assert set(Claim.history.filter(history_type="+").values_list("history_change_reason", flat=True)) == {said}
    assert Outlet.objects.get(slug="graded-daily").history.get().history_change_reason == said
    steps = ReviewTransition.objects.filter(claim__external_ref="published").order_by("id")
    assert [(t.by, t.comment) for t in steps] == [(None, f"{said}, line 3."), (None, f"{said}, line 3.")]
    # A publication by the operator's load is news to subscribers, as before.
    assert WebhookEvent.objects.filter(kind="claim.published").count() == 1
