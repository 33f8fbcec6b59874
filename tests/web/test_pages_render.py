"""Every page renders for every role, and shows each role what it may see and do."""

import pytest
from django.urls import reverse

from tests.web.newsroom import ROLES

pytestmark = pytest.mark.django_db

NEWSROOM = {"editor", "reviewer", "superuser"}


def pages(newsroom) -> list[str]:
    return [
        reverse("web:claim-list"),
        reverse("web:claim-detail", args=[newsroom.published.pk]),
        reverse("web:claim-detail", args=[newsroom.published.pk]) + "?as_of=2021-10-22",
        reverse("web:outlet-list"),
        reverse("web:outlet-detail", args=["al-akhbar"]),
        reverse("web:event-list"),
        reverse("web:event-detail", args=["al-tanf-2021"]),
        reverse("web:login"),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_every_page_renders_for_every_role(role, newsroom, client_as, user_for_role):
    client = client_as(user_for_role(role))

    for url in pages(newsroom):
        response = client.get(url)
        assert response.status_code == (302 if url == reverse("web:login") and role != "anonymous" else 200), url


@pytest.mark.parametrize("role", ROLES)
def test_drafts_are_listed_for_the_newsroom_only(role, newsroom, client_as, user_for_role):
    response = client_as(user_for_role(role)).get(reverse("web:claim-list"))

    assert newsroom.published.text in response.text
    assert (newsroom.draft.text in response.text) == (role in NEWSROOM)


@pytest.mark.parametrize("role", ["anonymous", "consumer"])
def test_consumers_get_404_for_a_draft(role, newsroom, client_as, user_for_role):
    response = client_as(user_for_role(role)).get(reverse("web:claim-detail", args=[newsroom.draft.pk]))

    assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_edit_forms_are_offered_to_editors_only(role, newsroom, client_as, user_for_role):
    response = client_as(user_for_role(role)).get(reverse("web:claim-detail", args=[newsroom.published.pk]))

    has_forms = 'id="add-appearance"' in response.text
    assert has_forms == (role in {"editor", "superuser"})


@pytest.mark.parametrize("role", ROLES)
def test_review_queue_is_for_reviewers(role, newsroom, client_as, user_for_role):
    response = client_as(user_for_role(role)).get(reverse("web:review-queue"))

    expected = {"anonymous": 302, "consumer": 403, "editor": 403, "reviewer": 200, "superuser": 200}[role]
    assert response.status_code == expected
    if role == "anonymous":
        assert response.url.startswith(reverse("web:login"))


def test_header_names_the_role_and_links_the_queue_for_reviewers(newsroom, client_as, reviewer, editor):
    as_reviewer = client_as(reviewer).get(reverse("web:claim-list")).text
    as_editor = client_as(editor).get(reverse("web:claim-list")).text

    assert "rita" in as_reviewer and "reviewer" in as_reviewer
    assert reverse("web:review-queue") in as_reviewer
    assert reverse("web:review-queue") not in as_editor


def test_unknown_pages_answer_404(newsroom, client_as, editor):
    client = client_as(editor)

    assert client.get(reverse("web:claim-detail", args=[999999])).status_code == 404
    assert client.get(reverse("web:outlet-detail", args=["nobody"])).status_code == 404
    assert client.get(reverse("web:event-detail", args=["nothing"])).status_code == 404


def test_arabic_text_is_marked_for_right_to_left(newsroom, client_as):
    response = client_as(None).get(reverse("web:claim-detail", args=[newsroom.published.pk]))

    assert 'dir="auto" lang="ar"' in response.text
    assert "غرفة عمليات حلفاء سوريا" in response.text


def test_ids_too_long_for_the_database_are_404_not_500(newsroom, client_as, editor, reviewer):
    huge = "9" * 30

    assert client_as(editor).get(f"/claims/{huge}/").status_code == 404
    assert client_as(editor).post(f"/claims/{huge}/appearance/", {}).status_code == 404
    response = client_as(reviewer).post(reverse("web:review-queue"), {"claim": huge, "step": "approve"})
    assert response.status_code == 404
