"""Pages cost the same number of queries whatever the page size or the chain size."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.services.workflow import claim_publish_imported, claim_submit
from tests.factories import (
    make_actor,
    make_affiliation,
    make_appearance,
    make_citation,
    make_claim,
    make_event,
    make_evidence,
    make_outlet,
)

pytestmark = pytest.mark.django_db
START = date(2021, 10, 20)


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def chain_of(size: int, *, by) -> object:
    """A claim with `size` appearances from `size` outlets: a few origins, the rest citing
    earlier ones, two pieces of evidence, and an affiliation between two origins."""
    claim = make_claim(f"A claim with a chain of {size}", subject=make_actor(), event=make_event(), by=by)
    patron = make_actor()
    appearances = []
    for n in range(size):
        outlet = make_outlet(reliability="BCDEF"[n % 5])
        if n < 2:
            make_affiliation(outlet, patron)
        appearance = make_appearance(claim, outlet, published_on=START + timedelta(days=n))
        if n >= 3:
            make_citation(appearance, appearances[n // 2], kind="republished")
        appearances.append(appearance)
    make_evidence(claim, stance="denies", date=START + timedelta(days=1), appearance=appearances[0])
    make_evidence(claim, stance="confirms", date=START + timedelta(days=2), url="https://example.org/c")
    claim_submit(claim=claim, by=by)
    return claim


@pytest.mark.parametrize("role", ["anonymous", "editor", "reviewer"])
def test_claim_page_is_constant_in_chain_size(role, client_as, user_for_role, editor, django_assert_num_queries):
    client = client_as(user_for_role(role))
    small, large = chain_of(4, by=editor), chain_of(30, by=editor)
    for claim in (small, large):
        claim_publish_imported(claim=claim, comment="test")

    # "As of" recomputes the score from its inputs: a few more queries, as constant.
    for suffix in ("", "?as_of=2021-11-05"):
        expected = count_queries(client, reverse("web:claim-detail", args=[small.pk]) + suffix)

        with django_assert_num_queries(expected):
            client.get(reverse("web:claim-detail", args=[large.pk]) + suffix)


def publish_claims(count: int, outlet) -> None:
    for n in range(count):
        claim = make_claim(f"Listed claim {n}", subject=make_actor(), event=make_event())
        make_appearance(claim, outlet)
        claim_publish_imported(claim=claim, comment="test")


@pytest.mark.parametrize("role", ["anonymous", "editor"])
def test_claims_list_is_constant_in_page_size(role, client_as, user_for_role, django_assert_num_queries):
    client = client_as(user_for_role(role))
    outlet = make_outlet()
    url = reverse("web:claim-list") + "?ordering=-confidence&q=listed"
    publish_claims(3, outlet)
    expected = count_queries(client, url)
    publish_claims(20, outlet)

    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.text.count('class="claim-row"') == 23


def test_review_queue_is_constant_in_page_size(client_as, editor, reviewer, django_assert_num_queries):
    client = client_as(reviewer)

    def submit(count: int) -> None:
        for n in range(count):
            claim_submit(claim=make_claim(f"Waiting {n}", by=editor), by=editor)

    submit(2)
    expected = count_queries(client, reverse("web:review-queue"))
    submit(12)

    with django_assert_num_queries(expected):
        response = client.get(reverse("web:review-queue"))
    assert response.text.count('class="card queue-item"') == 14


def test_outlet_page_is_constant_in_its_record(client_as, django_assert_num_queries):
    client = client_as(None)
    outlet = make_outlet("Busy outlet", slug="busy")

    def grow(count: int) -> None:
        for n in range(count):
            claim = make_claim(f"Reported {n}")
            make_appearance(claim, outlet)
            make_affiliation(outlet, make_actor(), stated_by_outlet=make_outlet())
            claim_publish_imported(claim=claim, comment="test")

    grow(2)
    expected = count_queries(client, reverse("web:outlet-detail", args=["busy"]))
    grow(10)

    with django_assert_num_queries(expected):
        client.get(reverse("web:outlet-detail", args=["busy"]))


def test_event_page_and_lists_are_constant_in_size(client_as, django_assert_num_queries):
    client = client_as(None)
    event = make_event("Contested attack", slug="contested")
    outlet = make_outlet()

    def grow(count: int) -> None:
        for n in range(count):
            claim = make_claim(f"Group {n} did it", subject=make_actor(), event=event)
            make_appearance(claim, outlet)
            claim_publish_imported(claim=claim, comment="test")
            make_event()

    grow(2)
    urls = [reverse("web:event-detail", args=["contested"]), reverse("web:event-list"), reverse("web:outlet-list")]
    expected = [count_queries(client, url) for url in urls]
    grow(10)

    for url, queries in zip(urls, expected, strict=True):
        with django_assert_num_queries(queries):
            client.get(url)
