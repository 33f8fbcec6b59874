"""Bad feeds fail safely: the feed is `failing` with the reason, nothing is read through an entity,
nothing else stops, and the API never answers 5xx."""

import pytest

from claims.choices import FeedState, JobState
from claims.models import Feed, InboxItem, Job
from claims.services.feed_polls import backoff_seconds, feed_poll
from tests.feeds.documents import BILLION_LAUGHS, HTML_PAGE, MALFORMED, XXE_FILE, day, external_dtd, rss, xxe_url
from tests.outbound.server import Page

pytestmark = pytest.mark.django_db

GOOD = rss([("http://example.org/good", "A good article", day(20))])


def failing(feed: Feed) -> str:
    feed.refresh_from_db()
    assert feed.state == FeedState.FAILING
    assert InboxItem.objects.filter(feed=feed).count() == 0
    return feed.last_error


def test_an_external_entity_reading_a_file_is_refused(add_feed):
    feed = add_feed("/xxe", Page(body=XXE_FILE, headers={"Content-Type": "application/rss+xml"}))

    outcome = feed_poll(feed_id=feed.pk)

    assert "declares entities" in outcome.error
    assert "declares entities" in failing(feed)
    assert "root:" not in str(list(InboxItem.objects.values_list("title", flat=True)))


def test_an_external_entity_naming_a_url_is_refused_and_the_url_never_fetched(add_feed, web_server):
    web_server.add("/secret", Page(body=b"internal"))
    feed = add_feed("/xxe", Page(body=xxe_url(web_server.url("/secret")), headers={"Content-Type": "text/xml"}))

    feed_poll(feed_id=feed.pk)

    assert "declares entities" in failing(feed)
    assert [r.path for r in web_server.received] == ["/xxe"]


def test_an_external_dtd_is_never_fetched(add_feed, web_server):
    web_server.add("/rss.dtd", Page(body=b'<!ENTITY x "y">'))
    feed = add_feed("/dtd", Page(body=external_dtd(web_server.url("/rss.dtd")), headers={"Content-Type": "text/xml"}))

    outcome = feed_poll(feed_id=feed.pk)

    assert outcome.error == "" and outcome.new == 1  # a DOCTYPE alone is allowed (RSS 0.91 has one) …
    assert [r.path for r in web_server.received] == ["/dtd"]  # … and never fetched


def test_entity_expansion_is_refused_before_it_expands(add_feed):
    feed = add_feed("/lol", Page(body=BILLION_LAUGHS, headers={"Content-Type": "application/xml"}))

    feed_poll(feed_id=feed.pk)

    assert "declares entities" in failing(feed)


def test_malformed_xml_says_where(add_feed):
    feed = add_feed("/broken", Page(body=MALFORMED, headers={"Content-Type": "application/rss+xml"}))

    feed_poll(feed_id=feed.pk)

    assert failing(feed).startswith("The feed is not well-formed XML: mismatched tag: line 1")


def test_an_html_page_is_not_a_feed(add_feed):
    feed = add_feed("/home", Page(body=HTML_PAGE))

    feed_poll(feed_id=feed.pk)

    assert "web page (HTML), not a feed" in failing(feed)


def test_an_enormous_response_is_refused_at_the_size_cap(add_feed, settings):
    settings.FEED_MAX_BYTES = 10_000
    feed = add_feed("/big", Page(body=b"<rss>" + b" " * 50_000 + b"</rss>", declare_length=False))

    feed_poll(feed_id=feed.pk)

    assert failing(feed) == "The response is larger than 10,000 bytes."


def test_a_never_ending_response_is_cut_off_at_the_deadline(add_feed, settings):
    settings.OUTBOUND_DEADLINE_SECONDS = 1
    feed = add_feed("/endless", Page(body=b"<" * 400, chunks=400, delay=0.05, declare_length=False))

    feed_poll(feed_id=feed.pk)

    assert "did not send the whole response within the deadline of 1 s" in failing(feed)


def test_a_redirect_to_a_forbidden_address_is_refused(add_feed, settings, web_server):
    feed = add_feed("/moved", Page(302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}))

    feed_poll(feed_id=feed.pk)

    assert "169.254.169.254" in failing(feed)
    assert [r.path for r in web_server.received] == ["/moved"]


def test_an_error_status_fails_and_each_failure_waits_twice_as_long(add_feed):
    feed = add_feed("/gone", Page(503, body=b"down"))

    feed_poll(feed_id=feed.pk)
    assert failing(feed) == "The feed's address answered 503."
    first_wait = (feed.next_poll_at - feed.last_polled_at).total_seconds()
    feed_poll(feed_id=feed.pk)
    feed.refresh_from_db()
    second_wait = (feed.next_poll_at - feed.last_polled_at).total_seconds()

    assert feed.consecutive_failures == 2
    assert round(first_wait) == feed.interval and round(second_wait) == 2 * feed.interval
    assert backoff_seconds(feed, 30) == 24 * 3600  # capped


def test_a_failing_feed_recovers_on_its_next_good_poll(add_feed, web_server):
    feed = add_feed("/flaky", Page(body=MALFORMED))
    feed_poll(feed_id=feed.pk)
    web_server.add("/flaky", Page(body=GOOD))

    feed_poll(feed_id=feed.pk)

    feed.refresh_from_db()
    assert (feed.state, feed.last_error, feed.consecutive_failures) == (FeedState.ACTIVE, "", 0)
    assert InboxItem.objects.count() == 1


def test_one_bad_feed_stops_no_other(add_feed):
    bad = add_feed("/bad", Page(body=BILLION_LAUGHS))
    good = add_feed("/good", Page(body=GOOD))

    feed_poll(feed_id=bad.pk)
    feed_poll(feed_id=good.pk)

    assert InboxItem.objects.get().feed_id == good.pk


@pytest.mark.parametrize("body", [XXE_FILE, BILLION_LAUGHS, MALFORMED, HTML_PAGE, b"", b"{not json", b'{"items": 3}'])
def test_polling_a_bad_feed_by_the_api_fails_its_job_with_the_reason_never_a_5xx(add_feed, as_editor, committed, body):
    feed = add_feed("/bad", Page(body=body))

    with committed():
        response = as_editor.post(f"/api/v1/feeds/{feed.pk}/poll/")

    assert response.status_code == 202
    job = Job.objects.get(pk=response.json()["id"])
    assert job.state == JobState.FAILED
    assert job.failure == failing(feed)
    assert as_editor.get(f"/api/v1/feeds/{feed.pk}/").json()["state"] == "failing"
