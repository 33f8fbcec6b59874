"""The web inbox through Django's test client: the newsroom's only, filtered as the API filters,
constant in queries whatever its length; triage by its forms; feeds on the outlet page."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from claims.choices import InboxState
from claims.models import Feed, InboxItem
from claims.services.feed_polls import feed_poll
from tests.factories import make_claim
from tests.feeds.documents import day, rss
from tests.outbound.server import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def browse():
    def as_user(user):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return as_user


@pytest.fixture
def polled(add_feed, web_server):
    make_claim("Drone attack on the al-Tanf base by the Allies of Syria")
    stories = [(web_server.url(f"/s/{n}"), f"Drone attack on the al-Tanf base, report {n}", day(20)) for n in range(3)]
    feed = add_feed("/feed", Page(body=rss(stories)))
    feed_poll(feed_id=feed.pk)
    return feed


def test_the_inbox_lists_new_items_with_their_suggestions(browse, editor, polled):
    response = browse(editor).get("/inbox/")

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('class="card inbox-item') == 3
    assert page.count("data-attach-top") == 3
    assert "Drone attack on the al-Tanf base by the Allies of Syria" in page  # the suggestion
    assert 'class="count-badge"' in page


def test_the_inbox_is_the_newsrooms(browse, consumer, polled):
    assert browse(None).get("/inbox/").status_code == 302
    assert browse(consumer).get("/inbox/").status_code == 404
    assert "data-inbox-nav" not in browse(consumer).get("/").content.decode()


def test_a_bad_filter_is_a_400_with_the_form(browse, editor, polled):
    response = browse(editor).get("/inbox/?state=maybe")

    assert response.status_code == 400
    assert "Some filters could not be read" in response.content.decode()


def test_the_page_costs_the_same_queries_for_few_items_or_many(browse, editor, polled, add_feed, web_server):
    client = browse(editor)
    with CaptureQueriesContext(connection) as few:
        client.get("/inbox/")
    more = [(web_server.url(f"/m/{n}"), f"Drone attack on the al-Tanf base, more {n}", day(21)) for n in range(20)]
    feed_poll(feed_id=add_feed("/more", Page(body=rss(more))).pk)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/inbox/")

    assert response.content.decode().count('class="card inbox-item') == 23
    assert len(many) == len(few)


def test_dismiss_and_attach_by_their_forms(browse, editor, polled):
    client = browse(editor)
    first, second = InboxItem.objects.order_by("id")[:2]
    claim = make_claim("Another claim")

    dismissed = client.post(f"/inbox/{first.pk}/dismiss/", {"reason": "Wire copy", "next": "/inbox/?state=new"})
    attached = client.post(f"/inbox/{second.pk}/attach/", {"claim": claim.pk})
    again = client.post(f"/inbox/{second.pk}/dismiss/", {}, follow=True)

    assert (dismissed.status_code, dismissed["Location"]) == (302, "/inbox/?state=new")
    assert attached.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, first.dismiss_reason) == (InboxState.DISMISSED, "Wire copy")
    assert (second.state, second.claim) == (InboxState.ATTACHED, claim)
    assert "decided already" in again.content.decode()
    assert client.post(f"/inbox/{second.pk}/promote/").status_code == 404
    # Any page of the inbox opens on the new items; `state=` (every state) shows the decided too.
    assert client.get("/inbox/?page=1").content.decode().count('class="card inbox-item') == 1
    assert client.get("/inbox/?state=").content.decode().count('class="card inbox-item') == 3


def test_a_claim_from_an_item_is_prefilled_and_made(browse, editor, polled):
    client = browse(editor)
    item = InboxItem.objects.order_by("id").first()

    form = client.get(f"/claims/new/?item={item.pk}").content.decode()
    made = client.post("/claims/new/", {"item": item.pk, "text": "Drones hit al-Tanf", "kind": "attribution"})

    assert item.title in form and 'name="item"' in form
    assert made.status_code == 302
    item.refresh_from_db()
    assert item.state == InboxState.CLAIMED and item.claim.text == "Drones hit al-Tanf"


def test_the_outlet_page_shows_its_feeds_and_adds_one(browse, editor, outlet, polled, web_server):
    client = browse(editor)

    page = client.get(f"/outlets/{outlet.slug}/").content.decode()
    refused = client.post(f"/outlets/{outlet.slug}/feeds/", {"url": "http://10.0.0.1/rss"}, follow=True)
    added = client.post(f"/outlets/{outlet.slug}/feeds/", {"url": web_server.url("/other.xml")})

    assert polled.url in page and "Add the feed" in page
    assert "an address this server does not reach" in refused.content.decode()
    assert added.status_code == 302
    assert Feed.objects.filter(outlet=outlet).count() == 2


def test_a_poll_job_says_what_it_found_on_the_job_page(browse, editor, add_feed, web_server, committed):
    from claims.services.feed_polls import feed_poll_request

    feed = add_feed("/two", Page(body=rss([(web_server.url(f"/t/{n}"), f"Story {n}", day(20)) for n in range(2)])))
    with committed():
        job = feed_poll_request(feed=feed, by=editor)

    page = browse(editor).get(f"/jobs/{job.pk}/").content.decode()

    assert "2 new items, 0 seen before" in page
