"""Watches: an editor's words, actors and outlets flag the new items that match, and the editor's
webhook subscriptions are told of each as `inbox.matched`, signed like every event."""

import json

import pytest
from django.test import Client
from standardwebhooks import Webhook

from claims.models import Delivery, InboxItem, Watch, WatchMatch, WebhookEvent
from claims.services.feed_polls import feed_poll
from claims.services.watches import watch_create
from claims.services.webhooks import subscription_create
from tests.factories import make_actor, make_outlet
from tests.feeds.documents import day, rss
from tests.outbound.server import Page

pytestmark = pytest.mark.django_db

STORIES = [
    ("http://example.org/1", "Hizbullah fighters seen near al-Tanf", day(20)),
    ("http://example.org/2", "Budget passed by parliament", day(20)),
    ("http://example.org/3", "Drone strike reported at the base", day(20)),
]


def matched(user) -> set[str]:
    return set(WatchMatch.objects.filter(watch__owner=user).values_list("item__normalized_url", flat=True))


def test_words_match_every_word_across_transliterations(add_feed, editor):
    watch_create(kind="words", words="Hezbollah Tanf", by=editor)
    feed_poll(feed_id=add_feed("/a", Page(body=rss(STORIES))).pk)

    assert matched(editor) == {"http://example.org/1"}


def test_an_actor_matches_by_any_of_its_names(add_feed, editor):
    watch_create(kind="actor", actor=make_actor("Allies of Syria", aliases=["Hezbollah"]), by=editor)
    feed_poll(feed_id=add_feed("/a", Page(body=rss(STORIES))).pk)

    assert matched(editor) == {"http://example.org/1"}


def test_an_outlet_matches_every_item_of_its_feeds(add_feed, editor, outlet):
    watch_create(kind="outlet", outlet=outlet, by=editor)
    feed_poll(feed_id=add_feed("/a", Page(body=rss(STORIES[:2]))).pk)
    feed_poll(feed_id=add_feed("/b", Page(body=rss(STORIES[2:])), of=make_outlet("Other")).pk)

    assert matched(editor) == {"http://example.org/1", "http://example.org/2"}


def test_the_inbox_flags_only_the_readers_own_matches(add_feed, editor, other_editor, client_for):
    watch_create(kind="words", words="budget", by=editor)
    feed_poll(feed_id=add_feed("/a", Page(body=rss(STORIES))).pk)

    mine = client_for(editor).get("/api/v1/inbox/?watched=true").json()["results"]
    theirs = client_for(other_editor).get("/api/v1/inbox/?watched=true").json()["results"]

    assert [item["title"] for item in mine] == ["Budget passed by parliament"]
    assert mine[0]["watched"] is True
    assert theirs == []


def test_a_match_is_told_to_the_watchers_subscriptions_signed(
    add_feed, editor, other_editor, committed, web_server, client_for
):
    web_server.add("/hook", Page(204))
    mine = subscription_create(url=web_server.url("/hook"), events=["inbox.matched"], by=editor)
    subscription_create(url=web_server.url("/hook"), events=["inbox.matched", "claim.published"], by=other_editor)
    watch = watch_create(kind="words", words="drone strike", by=editor)
    feed = add_feed("/a", Page(body=rss(STORIES)))

    with committed():
        feed_poll(feed_id=feed.pk)

    [delivery] = Delivery.objects.all()
    assert (delivery.subscription, delivery.state) == (mine, "delivered")
    [post] = [r for r in web_server.received if r.method == "POST"]
    body = Webhook(mine.secret).verify(post.body.decode(), post.headers)
    assert body["type"] == "inbox.matched"
    assert body["data"]["watch"]["id"] == watch.pk
    assert body["data"]["item"]["url"] == "http://example.org/3"
    assert body["data"]["item"]["title"] == "Drone strike reported at the base"
    assert json.loads(post.body)["data"]["item"]["state"] == "new"
    log = client_for(editor).get(f"/api/v1/webhooks/{mine.pk}/deliveries/").json()["results"]
    assert (log[0]["event"], log[0]["claim"], log[0]["item"]) == ("inbox.matched", None, delivery.event.item_id)
    page = Client()
    page.force_login(editor)
    assert f"inbox item {delivery.event.item_id}" in page.get(f"/webhooks/{mine.pk}/").content.decode()


def test_no_event_is_written_when_nobody_listens(add_feed, editor):
    watch_create(kind="words", words="budget", by=editor)
    feed_poll(feed_id=add_feed("/a", Page(body=rss(STORIES))).pk)

    assert WatchMatch.objects.count() == 1
    assert not WebhookEvent.objects.exists()


def test_an_item_seen_again_matches_no_second_time(add_feed, editor, web_server):
    subscription_create(url=web_server.add("/hook", Page(204)), events=["inbox.matched"], by=editor)
    watch_create(kind="words", words="budget", by=editor)
    feed_poll(feed_id=add_feed("/a", Page(body=rss(STORIES))).pk)
    feed_poll(feed_id=add_feed("/b", Page(body=rss(STORIES)), of=make_outlet("Other")).pk)

    assert WatchMatch.objects.count() == 1
    assert WebhookEvent.objects.count() == 1


@pytest.mark.parametrize(
    "body",
    [
        {"kind": "words"},
        {"kind": "words", "words": "  ..  "},
        {"kind": "words", "words": "x" * 201},
        {"kind": "actor"},
        {"kind": "outlet", "outlet": 999999},
        {"kind": "mood"},
    ],
)
def test_bad_watches_are_400s(client_for, editor, body):
    response = client_for(editor).post("/api/v1/watches/", body)

    assert response.status_code == 400
    assert not Watch.objects.exists()


def test_watches_are_each_editors_own(client_for, editor, other_editor, consumer):
    created = client_for(editor).post("/api/v1/watches/", {"kind": "words", "words": "al-Tanf"})
    assert created.status_code == 201
    watch_id = created.json()["id"]

    assert client_for(other_editor).get("/api/v1/watches/").json()["results"] == []
    assert client_for(other_editor).delete(f"/api/v1/watches/{watch_id}/").status_code == 404
    assert client_for(consumer).post("/api/v1/watches/", {"kind": "words", "words": "x"}).status_code == 403
    assert client_for(editor).delete(f"/api/v1/watches/{watch_id}/").status_code == 204
    assert not Watch.objects.exists()
    assert not InboxItem.objects.exists()
