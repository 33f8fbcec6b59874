"""Who may do what is read from permissions, never from group names: a user given a permission
directly, or a role whose permissions change, is offered by the web UI and the admin exactly
what the services (and so the API) let through."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from claims.models import Claim, Job, Outlet
from claims.roles import EDITOR, REVIEWER
from claims.services.workflow import claim_submit
from tests.factories import make_claim, make_outlet

pytestmark = pytest.mark.django_db


def permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="claims", codename=codename)


def user_with(username: str, *codenames: str) -> User:
    """A staff user in no group, holding these claims permissions directly."""
    user = User.objects.create_user(username=username, password="x", is_staff=True)
    user.user_permissions.add(*(permission(codename) for codename in codenames))
    return user


def without(group: str, codename: str) -> None:
    Group.objects.get(name=group).permissions.remove(permission(codename))


def api_for(user: User) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def web_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def offers_grading(user: User, outlet: Outlet) -> tuple[bool, bool]:
    """(the web outlet page shows the grade form, the admin lets the grade be edited)."""
    web = web_for(user).get(reverse("web:outlet-detail", args=[outlet.slug])).text
    admin = web_for(user).get(f"/admin/claims/outlet/{outlet.pk}/change/")
    admin_fields = set(admin.context["adminform"].form.fields) if admin.status_code == 200 else set()
    return 'name="grade-reliability"' in web, "reliability" in admin_fields


def test_a_grader_in_no_group_is_offered_grading_everywhere_the_api_allows_it():
    grader = user_with("gina", "set_outlet_reliability", "view_outlet")
    outlet = make_outlet("Al-Akhbar")

    assert offers_grading(grader, outlet) == (True, True)
    response = api_for(grader).patch(f"/api/v1/outlets/{outlet.pk}/", {"reliability": "D"})
    assert response.status_code == 200
    assert Outlet.objects.get(pk=outlet.pk).reliability == "D"


def test_a_reviewer_whose_role_loses_grading_is_offered_it_nowhere_and_refused_by_the_api(reviewer):
    without(REVIEWER, "set_outlet_reliability")
    outlet = make_outlet("Al-Akhbar")

    assert offers_grading(reviewer, outlet) == (False, False)
    response = api_for(reviewer).patch(f"/api/v1/outlets/{outlet.pk}/", {"reliability": "D"})
    assert response.status_code == 403
    assert Outlet.objects.get(pk=outlet.pk).reliability == "F"


def test_a_user_who_may_add_appearances_only_is_offered_that_form_alone():
    recorder = user_with("rhea", "view_claim", "add_appearance")
    claim = make_claim("The Operations Room claimed the attack")
    outlet = make_outlet("Al-Akhbar")

    page = web_for(recorder).get(reverse("web:claim-detail", args=[claim.pk])).text
    api = api_for(recorder)
    appearance = api.post(
        "/api/v1/appearances/", {"claim": claim.pk, "outlet": outlet.pk, "published_on": "2021-10-21"}
    )
    evidence = api.post(
        "/api/v1/evidence/", {"claim": claim.pk, "stance": "confirms", "date": "2021-10-22", "url": "https://x.org/"}
    )

    assert ('id="add-appearance"' in page, 'id="add-evidence"' in page, 'id="add-citation"' in page) == (
        True,
        False,
        False,
    )
    assert (appearance.status_code, evidence.status_code) == (201, 403)
    assert claim.appearances.count() == 1 and claim.evidence.count() == 0


def test_an_editor_whose_role_loses_adding_claims_is_not_offered_a_new_claim(editor):
    without(EDITOR, "add_claim")

    listing = web_for(editor).get(reverse("web:claim-list")).text
    response = api_for(editor).post("/api/v1/claims/", {"text": "A claim nobody may add"})

    assert "New claim" not in listing
    assert response.status_code == 403
    assert not Claim.objects.filter(text="A claim nobody may add").exists()


def test_a_user_who_may_review_in_no_group_gets_the_queue_and_the_api_approves():
    lone_reviewer = user_with("ravi", "view_claim", "review_claim")
    claim = make_claim("The Operations Room claimed the attack")
    claim_submit(claim=claim)
    queue = web_for(lone_reviewer).get(reverse("web:review-queue"))
    response = api_for(lone_reviewer).post(f"/api/v1/claims/{claim.pk}/approve/", {})

    assert queue.status_code == 200 and 'data-step="approve"' in queue.text
    assert response.status_code == 200
    claim.refresh_from_db()
    assert claim.review_state == "published"


def test_seeing_drafts_follows_the_view_permission_on_every_surface(editor):
    draft = make_claim("A draft only the newsroom sees")
    watcher = user_with("wendy", "view_claim")
    without(EDITOR, "view_claim")

    for user, sees in ((watcher, True), (editor, False)):
        api = api_for(user).get(f"/api/v1/claims/{draft.pk}/")
        web = web_for(user).get(reverse("web:claim-detail", args=[draft.pk]))
        assert (api.status_code, web.status_code) == ((200, 200) if sees else (404, 404)), user.username


def test_the_import_page_and_the_imports_api_agree_on_who_may_import(editor):
    importer = user_with("ines", "add_claim")
    without(EDITOR, "add_claim")
    for user, allowed in ((importer, True), (editor, False)):
        web = web_for(user)
        jobs = web.get(reverse("web:job-list")).text
        assert (reverse("web:import") in jobs, web.get(reverse("web:import")).status_code) == (
            (True, 200) if allowed else (False, 403)
        )
        line = b'{"external_ref": "x", "text": "The Operations Room claimed the attack"}\n'
        upload = SimpleUploadedFile("claims.jsonl", line)
        response = api_for(user).post("/api/v1/imports/", {"file": upload}, format="multipart")
        assert response.status_code == (202 if allowed else 403)
    assert Job.objects.get().created_by == importer
