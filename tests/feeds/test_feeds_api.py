"""POST /api/v1/feeds/ and the feed's actions: editors add feeds; a URL the guard refuses, the same
feed twice and bad input are 400s that write nothing."""

import pytest

from claims.models import Feed
from tests.outbound.server import Page

pytestmark = pytest.mark.django_db


def test_an_editor_adds_a_feed_to_an_outlet(as_editor, outlet, web_server):
    url = web_server.add("/feed", Page(body=b""))

    response = as_editor.post("/api/v1/feeds/", {"outlet": outlet.pk, "url": url, "interval": 600})

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["outlet"], body["url"], body["state"], body["interval"]) == (outlet.pk, url, "active", 600)
    feed = Feed.objects.get()
    assert (feed.outlet, feed.created_by.username) == (outlet, "edna")
    assert feed.history.count() == 1


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/feed",
        "http://10.0.0.1/rss",
        "http://169.254.169.254/latest",
        "file:///etc/passwd",
        "ftp://x/",
    ],
)
def test_a_url_the_guard_refuses_is_refused_when_the_feed_is_added(as_editor, outlet, url):
    response = as_editor.post("/api/v1/feeds/", {"outlet": outlet.pk, "url": url})

    assert response.status_code == 400
    assert "url" in response.json()["errors"]
    assert not Feed.objects.exists()


def test_the_same_feed_twice_is_refused_whatever_its_tracking_parameters(as_editor, outlet, web_server):
    url = web_server.add("/feed", Page(body=b""))
    assert as_editor.post("/api/v1/feeds/", {"outlet": outlet.pk, "url": url}).status_code == 201

    response = as_editor.post("/api/v1/feeds/", {"outlet": outlet.pk, "url": url + "?utm_source=x#top"})

    assert response.status_code == 400
    assert "held already" in response.json()["detail"]
    assert Feed.objects.count() == 1


@pytest.mark.parametrize(
    "body",
    [{}, {"outlet": 999999, "url": "http://example.org/"}, {"outlet": "x"}, {"interval": 5}, {"interval": 10**9}],
)
def test_bad_input_is_a_400(as_editor, outlet, web_server, body):
    full = {"outlet": outlet.pk, "url": web_server.add("/f", Page()), **body}
    if not body:
        full = {}

    response = as_editor.post("/api/v1/feeds/", full)

    assert response.status_code == 400
    assert not Feed.objects.exists()


def test_only_editors_add_feeds(client_for, consumer, reviewer, outlet, web_server):
    url = web_server.add("/feed", Page())
    for user in (consumer, reviewer):
        assert client_for(user).post("/api/v1/feeds/", {"outlet": outlet.pk, "url": url}).status_code == 403
    assert not Feed.objects.exists()


def test_pause_resume_and_change(as_editor, add_feed, web_server):
    feed = add_feed("/feed", Page())

    assert as_editor.post(f"/api/v1/feeds/{feed.pk}/pause/").json()["state"] == "paused"
    assert as_editor.post(f"/api/v1/feeds/{feed.pk}/pause/").status_code == 409
    assert as_editor.post(f"/api/v1/feeds/{feed.pk}/resume/").json()["state"] == "active"
    assert as_editor.post(f"/api/v1/feeds/{feed.pk}/resume/").status_code == 409
    changed = as_editor.patch(f"/api/v1/feeds/{feed.pk}/", {"interval": 3600})
    assert changed.status_code == 200 and changed.json()["interval"] == 3600
    assert as_editor.patch(f"/api/v1/feeds/{feed.pk}/", {"url": "http://10.1.1.1/"}).status_code == 400
    assert Feed.objects.get().url == web_server.url("/feed")


def test_a_paused_feed_is_not_due(add_feed):
    from claims.services.feed_polls import feeds_due
    from claims.services.feeds import feed_pause

    feed = add_feed("/feed", Page())
    assert feeds_due() == [feed.pk]
    feed_pause(feed=feed, by=feed.created_by)
    assert feeds_due() == []
