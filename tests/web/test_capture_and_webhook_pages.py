"""The captures list (issue 23, item 4) and the webhook pages (item 7): who sees which rows, the
filters, the writes through the services, and a constant number of queries whatever the page holds."""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from claims.choices import CaptureState, DeliveryState, JobKind, JobState, WebhookEventKind
from claims.models import Capture, Delivery, DeliveryAttempt, Job, Outlet, Snapshot, Subscription, WebhookEvent
from claims.services.webhooks import subscription_create
from tests.factories import make_appearance, make_claim, make_outlet

pytestmark = pytest.mark.django_db


def browser(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


def make_capture(user, *, state: str = "", job_state: str = JobState.DONE, outlet=None, claim=None) -> Capture:
    job = Job.objects.create(kind=JobKind.CAPTURE, description="Capture", created_by=user, state=job_state, total=5)
    n = Capture.objects.count()
    snapshot = Snapshot.objects.create(
        url=f"https://x.example/{n}", final_url=f"https://x.example/{n}", normalized_url=f"https://x.example/{n}",
        status=200, size=1234, sha256="a" * 64, fetched_at=timezone.now(), warc="snapshots/x.warc.gz",
        metadata={"headline": {"value": "A headline", "source": "json-ld"}},
    )  # fmt: skip
    return Capture.objects.create(
        job=job, url=f"https://x.example/{n}", normalized_url=f"https://x.example/{n}", state=state,
        snapshot=snapshot, outlet=outlet, claim=claim, proposed_outlet={"name": "X Daily", "domain": "x.example"},
    )  # fmt: skip


def test_each_editor_lists_their_own_captures_and_a_reviewer_lists_everyones(editor, other_editor, reviewer):
    mine = make_capture(editor, state=CaptureState.RECORDED, outlet=make_outlet("Al-Akhbar"), claim=make_claim())
    theirs = make_capture(other_editor, state=CaptureState.NEEDS_OUTLET)

    page = browser(editor).get(reverse("web:capture-list")).text
    everyone = browser(reviewer).get(reverse("web:capture-list")).text

    assert f'data-capture="{mine.pk}"' in page and f'data-capture="{theirs.pk}"' not in page
    assert "Appearance recorded" in page and "Al-Akhbar" in page and mine.claim.text[:30] in page
    assert f'data-capture="{mine.pk}"' in everyone and f'data-capture="{theirs.pk}"' in everyone
    assert 'name="by"' in everyone and 'name="by"' not in page  # whose: for those who see everyone's


def test_the_captures_list_filters_as_the_api_does_and_names_a_bad_filter(editor):
    recorded = make_capture(editor, state=CaptureState.RECORDED)
    failed = make_capture(editor, job_state=JobState.FAILED)
    client = browser(editor)

    only_failed = client.get(reverse("web:capture-list"), {"state": "failed"}).text
    bad = client.get(reverse("web:capture-list"), {"state": "nonsense"})
    unknown = client.get(reverse("web:capture-list"), {"stat": "failed"})

    assert f'data-capture="{failed.pk}"' in only_failed and f'data-capture="{recorded.pk}"' not in only_failed
    assert bad.status_code == 400 and "nonsense" in bad.text and "data-capture=" not in bad.text
    assert unknown.status_code == 400 and "did you mean state" in unknown.text


def test_the_captures_page_is_for_those_who_capture_or_oversee(consumer, client):
    assert client.get(reverse("web:capture-list")).status_code == 302  # to the login page
    page = browser(consumer).get(reverse("web:capture-list"))
    assert page.status_code == 200 and "No captures match." in page.text
    assert f'href="{reverse("web:capture-list")}"' not in browser(consumer).get("/").text  # not offered in the nav


def test_the_captures_list_costs_the_same_for_2_and_20_captures(editor):
    client = browser(editor)
    for _ in range(2):
        make_capture(editor, state=CaptureState.RECORDED, outlet=make_outlet(), claim=make_claim())
    few = queries(client, reverse("web:capture-list"))
    for _ in range(18):
        make_capture(editor, state=CaptureState.RECORDED, outlet=make_outlet(), claim=make_claim())

    assert queries(client, reverse("web:capture-list")) == few


def test_the_capture_page_labels_what_was_read_in_words(editor):
    capture = make_capture(editor, state=CaptureState.NEEDS_OUTLET)
    capture.snapshot.metadata = {
        "published_on": {"value": "2021-10-28", "source": "htmldate"},
        "author": {"value": "Hamdi Malik", "source": "json-ld"},
    }
    capture.snapshot.save()
    make_outlet("X-Daily", domain="x.example")  # alike: same site and a name like it
    Job.objects.filter(pk=capture.job_id).update(done=3)

    page = browser(editor).get(reverse("web:capture-detail", args=[capture.pk])).text

    assert "Published on" in page and "PUBLISHED_ON" not in page and "published_on</th>" not in page
    assert "Byline" in page and "a date in the page (htmldate)" in page
    assert "Use <bdi>X-Daily</bdi>" in page and "same name and site" in page  # the name isolated (docs/i18n.md)
    assert page.count("capture-step--done") == 3 and page.count("capture-step--waiting") == 1


def subscribed(user, **fields) -> Subscription:
    return subscription_create(url="https://receiver.example/hooks", events=[WebhookEventKind.PUBLISHED], by=user,
                               **fields)  # fmt: skip


def deliveries(subscription: Subscription, count: int) -> None:
    claim = make_claim()
    now = timezone.now()
    for n in range(count):
        event = WebhookEvent.objects.create(claim=claim, kind=WebhookEventKind.PUBLISHED, changes={})
        delivery = Delivery.objects.create(subscription=subscription, event=event, state=DeliveryState.FAILED,
                                           attempts=1, last_error=f"HTTP 500 number {n}")  # fmt: skip
        DeliveryAttempt.objects.create(delivery=delivery, number=1, at=now, status_code=500, error="HTTP 500",
                                       outcome=DeliveryState.FAILED)  # fmt: skip


def test_a_user_subscribes_on_the_page_and_sees_the_secret_once(consumer, monkeypatch):
    monkeypatch.setattr("claims.services.webhooks.resolve", lambda host, port: None)  # a public receiver
    client = browser(consumer)

    made = client.post(reverse("web:webhook-list"), {"url": "https://receiver.example/hooks",
                                                     "events": ["claim.published", "claim.retracted"],
                                                     "min_change": "10"})  # fmt: skip

    subscription = Subscription.objects.get()
    assert made.status_code == 201 and subscription.secret in made.text
    assert subscription.owner == consumer and subscription.events == ["claim.published", "claim.retracted"]
    assert subscription.secret not in client.get(reverse("web:webhook-detail", args=[subscription.pk])).text


def test_a_subscription_the_guard_refuses_is_shown_with_the_reason_and_nothing_is_made(consumer):
    response = browser(consumer).post(
        reverse("web:webhook-list"), {"url": "http://10.0.0.1/hook", "events": ["claim.published"], "min_change": "10"}
    )

    assert response.status_code == 400 and "does not reach" in response.text
    assert not Subscription.objects.exists()


def test_pause_resume_and_redeliver_go_through_the_services(consumer, monkeypatch):
    monkeypatch.setattr("claims.services.webhooks.resolve", lambda host, port: None)
    subscription = subscribed(consumer)
    deliveries(subscription, 1)
    client = browser(consumer)
    action = lambda name, **data: client.post(reverse("web:webhook-action", args=[subscription.pk, name]), data)  # noqa: E731

    assert action("pause", reason="moving the receiver").status_code == 302
    assert Subscription.objects.get().pause_reason == "moving the receiver"
    again = action("pause")
    assert again.status_code == 409 and "paused already" in again.text
    delivery = Delivery.objects.get()
    assert action("redeliver", delivery=delivery.pk).status_code == 409  # paused: resume first
    assert action("resume").status_code == 302 and not Subscription.objects.get().is_paused
    sent = []
    monkeypatch.setattr("claims.services.webhooks.enqueue", lambda task, *args: sent.append(args))
    assert action("redeliver", delivery=delivery.pk).status_code == 302
    assert Delivery.objects.get().state == DeliveryState.PENDING and sent == [(delivery.pk,)]
    assert action("redeliver", delivery="99999").status_code == 404


def test_anothers_subscription_is_not_found_but_a_reviewer_sees_it(consumer, editor, reviewer, monkeypatch):
    monkeypatch.setattr("claims.services.webhooks.resolve", lambda host, port: None)
    subscription = subscribed(consumer)
    url = reverse("web:webhook-detail", args=[subscription.pk])

    assert browser(editor).get(url).status_code == 404
    assert browser(editor).post(reverse("web:webhook-action", args=[subscription.pk, "pause"])).status_code == 404
    assert browser(reviewer).get(url).status_code == 200


def test_the_webhook_pages_cost_the_same_for_2_and_20_rows(consumer, monkeypatch):
    monkeypatch.setattr("claims.services.webhooks.resolve", lambda host, port: None)
    first = subscribed(consumer)
    subscribed(consumer)
    deliveries(first, 2)
    client = browser(consumer)
    pages = [reverse("web:webhook-list"), reverse("web:webhook-detail", args=[first.pk])]
    few = [queries(client, url) for url in pages]

    for _ in range(18):
        subscribed(consumer)
    deliveries(first, 18)

    assert [queries(client, url) for url in pages] == few
    assert "HTTP 500" in client.get(pages[1]).text


def test_the_jobs_list_costs_the_same_for_2_and_20_jobs(editor):
    client = browser(editor)
    for _ in range(2):
        make_capture(editor, state=CaptureState.RECORDED)
    make_appearance(make_claim(), make_outlet(), published_on=date(2021, 10, 21))
    few = queries(client, reverse("web:job-list"))
    for _ in range(18):
        make_capture(editor, state=CaptureState.RECORDED)

    assert queries(client, reverse("web:job-list")) == few


def test_confirming_a_proposed_outlet_under_a_name_we_hold_is_a_400_naming_it_and_the_capture_waits(editor):
    held = make_outlet("X Daily")
    capture = make_capture(editor, state=CaptureState.NEEDS_OUTLET)

    response = browser(editor).post(reverse("web:capture-answer", args=[capture.pk, "outlet"]), {"name": ""})

    assert response.status_code == 400 and f"id {held.pk}" in response.text
    assert Capture.objects.get(pk=capture.pk).state == CaptureState.NEEDS_OUTLET
    assert list(Outlet.objects.values_list("name", flat=True)) == ["X Daily"]
