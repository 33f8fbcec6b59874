"""GET /api/v1/inbox/: the newsroom's items, newest first, filtered and paged by cursor."""

import pytest
from django.utils import timezone

from claims.models import Feed, InboxItem, Watch
from claims.services.feed_polls import feed_poll
from claims.services.inbox_triage import inbox_dismiss
from tests.factories import make_claim, make_outlet
from tests.feeds.documents import day, rss
from tests.outbound.server import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def polled(add_feed, editor):
    make_claim("Drone attack on the al-Tanf base by the Allies of Syria")
    first = add_feed(
        "/a",
        Page(
            body=rss(
                [
                    ("http://example.org/1", "Drone attack on the al-Tanf base by the Allies of Syria", day(20)),
                    ("http://example.org/2", "هجوم على قاعدة التنف في سوريا اليوم", day(21)),
                    ("http://example.org/3", "Budget passed by parliament after a long night", day(22)),
                ]
            )
        ),
    )
    second = add_feed(
        "/b", Page(body=rss([("http://example.org/1", "Drone attack", day(19))])), of=make_outlet("Tasnim")
    )
    feed_poll(feed_id=first.pk)
    feed_poll(feed_id=second.pk)
    return first, second


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"][:12] for item in response.json()["results"]]


def test_items_are_listed_newest_first_with_their_suggestions(as_editor, polled):
    response = as_editor.get("/api/v1/inbox/")

    assert titles(response) == ["Budget passe", "هجوم على قاع", "Drone attack"]
    tanf = response.json()["results"][2]
    assert tanf["published_at"] == "2021-10-19T12:00:00Z"
    assert tanf["state"] == "new" and tanf["language"] == "en" and tanf["watched"] is False
    assert tanf["outlet_name"] == "Al-Akhbar"
    [suggested] = tanf["suggested_claims"]
    assert suggested["match"] == "wording" and suggested["score"] > 0.9
    assert suggested["text"].startswith("Drone attack")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("language=ar", ["هجوم على قاع"]),
        ("q=parliament", ["Budget passe"]),
        ("q=drone+tanf", ["Drone attack"]),
        ("since=2021-10-21T00:00:00Z", ["Budget passe", "هجوم على قاع"]),
        ("state=dismissed", []),
    ],
)
def test_each_filter(as_editor, polled, query, expected):
    assert titles(as_editor.get(f"/api/v1/inbox/?{query}")) == expected


def test_feed_and_outlet_filters_find_an_item_under_each_feed_that_carried_it(as_editor, polled):
    first, second = polled

    assert titles(as_editor.get(f"/api/v1/inbox/?feed={second.pk}")) == ["Drone attack"]
    assert len(titles(as_editor.get(f"/api/v1/inbox/?feed={first.pk}"))) == 3
    assert titles(as_editor.get(f"/api/v1/inbox/?outlet={second.outlet_id}")) == []  # the item is the first feed's


def test_state_filter_follows_triage(as_editor, polled, editor):
    inbox_dismiss(item=InboxItem.objects.get(title__startswith="Budget"), reason="Not ours", by=editor)

    assert titles(as_editor.get("/api/v1/inbox/?state=dismissed")) == ["Budget passe"]
    assert len(titles(as_editor.get("/api/v1/inbox/?state=new"))) == 2


@pytest.mark.parametrize(
    "query",
    ["state=maybe", "feed=abc", "feed=999999", "outlet=nobody", "since=yesterday", "q=" + "x" * 201, "colour=red"],
)
def test_a_bad_filter_is_a_400_naming_it(as_editor, polled, query):
    response = as_editor.get(f"/api/v1/inbox/?{query}")

    assert response.status_code == 400
    assert query.split("=")[0] in str(response.json())


def test_cursor_paging_sees_every_item_once(as_editor, polled):
    seen, url = [], "/api/v1/inbox/?limit=1"
    while url:
        body = as_editor.get(url).json()
        seen += [item["id"] for item in body["results"]]
        url = body["next"]
    assert sorted(seen) == sorted(InboxItem.objects.values_list("pk", flat=True))
    assert len(seen) == 3


def test_the_inbox_is_the_newsrooms(api, client_for, consumer, reviewer, polled):
    assert api.get("/api/v1/inbox/").status_code in (401, 403)
    assert client_for(consumer).get("/api/v1/inbox/").json()["results"] == []
    item = InboxItem.objects.first()
    assert client_for(consumer).get(f"/api/v1/inbox/{item.pk}/").status_code == 404
    assert client_for(consumer).get("/api/v1/feeds/").json()["results"] == []
    assert len(titles(client_for(reviewer).get("/api/v1/inbox/"))) == 3


def test_the_list_costs_the_same_queries_for_one_item_or_many(
    as_editor, editor, polled, add_feed, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        assert len(titles(as_editor.get("/api/v1/inbox/?limit=1"))) == 1
    many = [(f"http://example.org/more/{n}", f"Story number {n}", day(10)) for n in range(40)]
    feed_poll(feed_id=add_feed("/more", Page(body=rss(many))).pk)
    for item in InboxItem.objects.all()[:5]:
        Watch.objects.create(owner=editor, kind="outlet", outlet=item.outlet)
    with django_assert_max_num_queries(8):
        assert len(titles(as_editor.get("/api/v1/inbox/?limit=43&watched=false"))) == 43
    with django_assert_max_num_queries(6):
        assert len(as_editor.get("/api/v1/feeds/").json()["results"]) == 3


def test_the_item_history_says_who_did_what(as_editor, polled, editor):
    item = InboxItem.objects.get(title__startswith="Budget")
    inbox_dismiss(item=item, reason="Not ours", by=editor)

    history = as_editor.get(f"/api/v1/inbox/{item.pk}/history/").json()["entries"]

    assert [(h["state"], h["by"], h["reason"]) for h in history] == [
        ("new", None, f"Announced by feed {item.feed_id}"),
        ("dismissed", "edna", "Not ours"),
    ]


def test_feeds_show_when_they_were_polled(as_editor, polled):
    first, _ = polled
    body = as_editor.get(f"/api/v1/feeds/{first.pk}/").json()

    assert body["state"] == "active" and body["items_found"] == 3
    assert body["last_polled_at"] is not None
    assert Feed.objects.get(pk=first.pk).next_poll_at > timezone.now()
