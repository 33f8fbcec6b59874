"""A snapshot is visible exactly to those who may see its capture (Snapshot.objects.visible_to):
the editor who asked for the capture and those who see everyone's work; to anyone else, its
sequential id is a 404 before any file is read, on the API and on the web pages alike."""

import pytest
from django.db.models.fields.files import FieldFile
from django.test import Client
from django.urls import reverse

from claims.choices import CaptureState
from claims.models import Snapshot
from tests.factories import make_appearance, make_capture, make_claim, make_snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_passwords(settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def download(snapshot: Snapshot) -> str:
    return reverse("api:snapshot-download", args=[snapshot.pk])


@pytest.fixture
def recorded(editor):
    """Edna's capture, recorded as an appearance of a claim, with its snapshot."""
    claim = make_claim()
    appearance = make_appearance(claim, url="https://levant.example/story")
    capture = make_capture(by=editor, claim=claim, state=CaptureState.RECORDED)
    Snapshot.objects.filter(pk=capture.snapshot_id).update(appearance=appearance)
    capture.appearance = appearance
    capture.save(update_fields=["appearance"])
    return capture


def test_the_editor_who_captured_and_the_reviewers_download_the_snapshot(recorded, editor, reviewer, client_for):
    for seer in (editor, reviewer):
        got = client_for(seer).get(download(recorded.snapshot))
        assert got.status_code == 200 and got["Content-Type"] == "application/warc"
        b"".join(got.streaming_content)


def test_another_editor_gets_404_for_the_snapshot_as_for_its_capture(recorded, other_editor, client_for):
    client = client_for(other_editor)

    assert client.get(f"/api/v1/captures/{recorded.pk}/").status_code == 404
    got = client.get(download(recorded.snapshot))

    assert got.status_code == 404
    assert got.json()["detail"].startswith("Not found")


@pytest.mark.parametrize("who", ["consumer", "anonymous"])
def test_consumers_and_anonymous_clients_get_404(recorded, who, consumer, client_for, api):
    client = client_for(consumer) if who == "consumer" else api

    assert client.get(download(recorded.snapshot)).status_code == 404


def test_a_snapshot_no_capture_holds_is_nobodys(editor, reviewer, client_for):
    orphan = make_snapshot()

    for seer in (editor, reviewer):
        assert client_for(seer).get(download(orphan)).status_code == 404


def test_the_refusal_comes_before_the_file_is_read(recorded, other_editor, client_for, monkeypatch):
    opened = []
    monkeypatch.setattr(FieldFile, "open", lambda file, mode="rb": opened.append(file.name))

    assert client_for(other_editor).get(download(recorded.snapshot)).status_code == 404
    assert opened == []


def test_ids_around_ones_own_are_404_too(editor, other_editor, client_for):
    """Walking the sequence from one's own snapshot finds only one's own."""
    mine = make_capture(by=editor)
    theirs = [make_capture(by=other_editor) for _ in range(3)]
    client = client_for(editor)

    assert client.get(download(mine.snapshot)).status_code == 200
    assert [client.get(download(c.snapshot)).status_code for c in theirs] == [404, 404, 404]


def test_the_capture_list_and_page_follow_the_same_rule(recorded, editor, other_editor, client_for):
    assert [c["id"] for c in client_for(editor).get("/api/v1/captures/").json()["results"]] == [recorded.pk]
    assert client_for(other_editor).get("/api/v1/captures/").json()["results"] == []
    page = reverse("web:capture-detail", args=[recorded.pk])
    for user, status in ((editor, 200), (other_editor, 404)):
        browser = Client()
        browser.force_login(user)
        assert browser.get(page).status_code == status


def test_the_claim_page_links_the_snapshot_only_for_those_who_may_download_it(recorded, editor, other_editor, reviewer):
    page = reverse("web:claim-detail", args=[recorded.claim_id])
    link = download(recorded.snapshot)
    shown = {}
    for user in (editor, other_editor, reviewer):
        browser = Client()
        browser.force_login(user)
        response = browser.get(page)
        assert response.status_code == 200
        shown[user.username] = link in response.text

    assert shown == {editor.username: True, other_editor.username: False, reviewer.username: True}
