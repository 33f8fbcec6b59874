"""The number of queries of every endpoint is constant in page size and chain size (SPEC §8)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from claims.models import Actor, Claim, Event, Outlet
from tests.api.builders import RESOURCES, build_rows
from tests.api.conftest import publish
from tests.factories import (
    make_actor,
    make_affiliation,
    make_appearance,
    make_citation,
    make_claim,
    make_event,
    make_outlet,
)

pytestmark = pytest.mark.django_db


def filtered_claims() -> str:
    """The claim list with every kind of filter at once: each adds a condition, and one naming an
    outlet, actor or event one lookup of its id (a value naming nothing is a 400), never more."""
    outlet, actor, event = Outlet.objects.first(), Actor.objects.first(), Event.objects.first()
    return (
        "/api/v1/claims/?limit=100&q=claim&status=confirmed&ordering=-confidence&reported_after=2021-01-01"
        f"&min_confidence=0&outlet={outlet.pk}&affiliated_with={actor.slug}&actor={actor.pk}&event={event.pk}"
    )


def queries(client: APIClient, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.json()
    return len(captured)


@pytest.fixture
def readers(client_for, editor, consumer) -> list[APIClient]:
    """An editor and a consumer, warmed up: a user's first request also reads its groups, once."""
    clients = [client_for(editor), client_for(consumer)]
    for client in clients:
        client.get("/api/v1/claims/?limit=1")
    return clients


def assert_constant(readers: list[APIClient], urls: list[str], grow, django_assert_num_queries) -> None:
    """Count each URL's queries per reader, let the data grow, and count again: the same."""
    counts = {(n, url): queries(reader, url) for n, reader in enumerate(readers) for url in urls}
    grow()
    for (n, url), count in counts.items():
        with django_assert_num_queries(count):
            readers[n].get(url)


@pytest.mark.parametrize("resource", RESOURCES)
def test_a_list_costs_the_same_for_3_and_30_rows(readers, resource, django_assert_num_queries):
    urls = [f"/api/v1/{resource}/?limit=100"]
    build_rows(resource, 3)

    assert_constant(readers, urls, lambda: build_rows(resource, 27), django_assert_num_queries)

    assert len(readers[1].get(urls[0]).json()["results"]) >= 30
    assert queries(readers[1], urls[0]) <= 2


def test_the_filtered_claim_list_and_its_next_page_cost_the_same_for_3_and_30_rows(readers, django_assert_num_queries):
    build_rows("claims", 3)
    next_page = readers[0].get("/api/v1/claims/?limit=2").json()["next"]

    assert_constant(
        readers, [filtered_claims(), next_page], lambda: build_rows("claims", 27), django_assert_num_queries
    )


def chain_of(size: int) -> Claim:
    """A claim whose chain has `size` origins (half tied to one actor) and `size` republications."""
    actor, claim = make_actor(), make_claim()
    for n in range(size):
        outlet = make_outlet(reliability="C")
        if n % 2:
            make_affiliation(outlet, actor)
        origin = make_appearance(claim, outlet, published_on=date(2021, 10, 1))
        make_citation(make_appearance(claim, published_on=date(2021, 10, 2)), origin)
    return publish(claim)


def test_a_claim_its_chain_and_its_history_cost_the_same_for_4_and_24_appearances(readers, django_assert_num_queries):
    small, large = chain_of(2), chain_of(12)
    suffixes = ["chain/", "chain/?as_of=2021-10-01", "", "?as_of=2021-10-01", "history/"]

    for suffix in suffixes:
        for reader in readers:
            with django_assert_num_queries(queries(reader, f"/api/v1/claims/{small.pk}/{suffix}")):
                reader.get(f"/api/v1/claims/{large.pk}/{suffix}")


def test_an_outlet_costs_the_same_with_3_and_30_ties(readers, django_assert_num_queries):
    small, large = make_outlet(), make_outlet()
    for outlet, count in ((small, 3), (large, 30)):
        for _ in range(count):
            make_affiliation(outlet, make_actor(), stated_by_outlet=make_outlet())
            make_appearance(publish(make_claim()), outlet)

    for reader in readers:
        with django_assert_num_queries(queries(reader, f"/api/v1/outlets/{small.pk}/")):
            reader.get(f"/api/v1/outlets/{large.pk}/")


def test_an_event_costs_the_same_with_3_and_30_attributions(readers, django_assert_num_queries):
    small, large = make_event(), make_event()
    for event, count in ((small, 3), (large, 30)):
        for _ in range(count):
            make_appearance(publish(make_claim(subject=make_actor(), event=event)))

    for reader in readers:
        with django_assert_num_queries(queries(reader, f"/api/v1/events/{small.pk}/")):
            response = reader.get(f"/api/v1/events/{large.pk}/")
        assert len(response.json()["attributions"]) == 30
