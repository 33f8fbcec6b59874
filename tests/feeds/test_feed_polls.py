"""Polling feeds served on loopback: every format's entries become inbox items, once each."""

import pytest

from claims.choices import FeedState, InboxState
from claims.models import Feed, FeedSighting, InboxItem
from claims.services.feed_polls import feed_poll
from tests.factories import make_claim, make_outlet
from tests.feeds.documents import atom, day, json_feed, rss, rss1
from tests.outbound.server import Page

pytestmark = pytest.mark.django_db

ARTICLES = [
    ("http://example.org/2021/10/tanf?utm_source=rss&utm_medium=feed", "Drone attack on the al-Tanf base", day(20)),
    ("http://example.org/2021/10/denial", "Militia denies role in the attack", day(21)),
]


@pytest.mark.parametrize(
    ("document", "content_type"),
    [
        (rss, "application/rss+xml"),
        (rss1, "application/rdf+xml"),
        (atom, "application/atom+xml"),
        (json_feed, "application/feed+json"),
    ],
    ids=["rss2", "rss1", "atom", "jsonfeed"],
)
def test_each_format_brings_its_entries_into_the_inbox(add_feed, outlet, document, content_type):
    feed = add_feed("/feed", Page(body=document(ARTICLES), headers={"Content-Type": content_type}))

    outcome = feed_poll(feed_id=feed.pk)

    assert (outcome.error, outcome.entries, outcome.new) == ("", 2, 2)
    items = {item.title: item for item in InboxItem.objects.all()}
    tanf = items["Drone attack on the al-Tanf base"]
    assert tanf.normalized_url == "http://example.org/2021/10/tanf"  # the tracking parameters dropped
    assert (tanf.feed_id, tanf.outlet_id, tanf.state) == (feed.pk, outlet.pk, InboxState.NEW)
    assert tanf.published_at == day(20)
    assert tanf.language == "en"
    feed.refresh_from_db()
    assert (feed.state, feed.last_error, feed.items_found) == (FeedState.ACTIVE, "", 2)
    assert feed.last_polled_at is not None


def test_an_entry_seen_again_in_another_feed_is_the_same_item_with_the_earliest_date(add_feed):
    first = add_feed("/a", Page(body=rss([(ARTICLES[0][0], "Drone attack", day(20))])))
    other = make_outlet("Tasnim")
    second = add_feed(
        "/b", Page(body=rss([("http://EXAMPLE.org/2021/10/tanf#top", "Drone attack", day(19))])), of=other
    )

    feed_poll(feed_id=first.pk)
    outcome = feed_poll(feed_id=second.pk)

    assert (outcome.new, outcome.seen) == (0, 1)
    item = InboxItem.objects.get()
    assert item.published_at == item.listed_at == day(19)
    assert item.feed_id == first.pk  # the first feed that carried it
    assert set(FeedSighting.objects.values_list("feed_id", flat=True)) == {first.pk, second.pk}


def test_a_later_date_does_not_move_an_item_and_a_poll_again_adds_nothing(add_feed):
    feed = add_feed("/a", Page(body=rss(ARTICLES)))
    feed_poll(feed_id=feed.pk)
    Feed.objects.filter(pk=feed.pk).update(etag="", last_modified="")

    outcome = feed_poll(feed_id=feed.pk)

    assert (outcome.new, outcome.seen) == (0, 2)
    assert InboxItem.objects.count() == 2
    assert FeedSighting.objects.count() == 2
    assert InboxItem.objects.get(title=ARTICLES[0][1]).published_at == day(20)


def test_the_same_link_twice_in_one_feed_is_one_item_dated_by_the_earliest(add_feed):
    feed = add_feed("/a", Page(body=rss([(ARTICLES[0][0], "Later", day(22)), (ARTICLES[0][0], "Earlier", day(18))])))

    outcome = feed_poll(feed_id=feed.pk)

    assert outcome.new == 1
    assert InboxItem.objects.get().published_at == day(18)


def test_the_poll_asks_conditionally_and_a_304_is_a_poll_with_nothing_new(add_feed, web_server):
    def answer(received):
        if received.headers.get("If-None-Match") == '"v1"':
            return Page(304, headers={"ETag": '"v1"'})
        return Page(body=rss(ARTICLES), headers={"ETag": '"v1"', "Last-Modified": "Thu, 21 Oct 2021 10:00:00 GMT"})

    feed = add_feed("/a", answer)
    feed_poll(feed_id=feed.pk)

    outcome = feed_poll(feed_id=feed.pk)

    assert outcome.not_modified and outcome.status == 304
    second = web_server.received[-1].headers
    assert second["If-None-Match"] == '"v1"'
    assert second["If-Modified-Since"] == "Thu, 21 Oct 2021 10:00:00 GMT"
    feed.refresh_from_db()
    assert (feed.etag, feed.state, feed.items_found) == ('"v1"', FeedState.ACTIVE, 2)


def test_languages_are_detected_per_item(add_feed):
    feed = add_feed(
        "/a",
        Page(
            body=rss(
                [
                    ("http://example.org/ar", "هجوم بطائرة مسيرة على قاعدة التنف الأمريكية في سوريا", day(20)),
                    ("http://example.org/fa", "حمله پهپادی به پایگاه آمریکایی التنف در سوریه", day(20)),
                    ("http://example.org/en", "Drone attack on the American base at al-Tanf in Syria", day(20)),
                ]
            )
        ),
    )

    feed_poll(feed_id=feed.pk)

    found = dict(InboxItem.objects.values_list("normalized_url", "language"))
    assert found == {"http://example.org/ar": "ar", "http://example.org/fa": "fa", "http://example.org/en": "en"}


def test_each_new_item_suggests_the_claims_it_may_belong_to_by_the_similar_claims_ranking(add_feed):
    tanf = make_claim("The Allies of Syria Operations Room was behind the drone attack on the al-Tanf base")
    make_claim("Parliament passed the budget for next year")
    feed = add_feed(
        "/a",
        Page(
            body=rss(
                [
                    (
                        "http://example.org/x",
                        "Allies of Syria Operations Room behind drone attack on al-Tanf base",
                        day(20),
                    )
                ]
            )
        ),
    )

    feed_poll(feed_id=feed.pk)

    suggestions = list(InboxItem.objects.get().suggestions.all())
    assert [s.claim_id for s in suggestions] == [tanf.pk]
    assert suggestions[0].match == "wording" and 0.6 <= suggestions[0].score <= 1


def test_entries_without_a_usable_link_are_left_out_and_a_future_date_is_when_it_was_seen(add_feed):
    feed = add_feed(
        "/a",
        Page(
            body=rss(
                [("javascript:alert(1)", "Bad", day(20)), ("http://example.org/n", "Soon", day(20).replace(year=2999))]
            )
        ),
    )

    outcome = feed_poll(feed_id=feed.pk)

    assert outcome.new == 1
    item = InboxItem.objects.get()
    assert item.published_at.year < 2999


def test_a_feed_in_an_encoding_expat_does_not_read_is_read_in_it(add_feed):
    body = (
        '<?xml version="1.0" encoding="windows-1256"?><rss version="2.0"><channel><title>الأخبار</title>'
        "<item><title>هجوم بطائرة مسيرة على قاعدة التنف الأمريكية في سوريا</title>"
        "<link>http://example.org/ar/1</link></item></channel></rss>"
    ).encode("cp1256")
    feed = add_feed("/ar", Page(body=body, headers={"Content-Type": "application/rss+xml; charset=windows-1256"}))

    outcome = feed_poll(feed_id=feed.pk)

    assert (outcome.error, outcome.new) == ("", 1)
    item = InboxItem.objects.get()
    assert (item.title, item.language) == ("هجوم بطائرة مسيرة على قاعدة التنف الأمريكية في سوريا", "ar")
