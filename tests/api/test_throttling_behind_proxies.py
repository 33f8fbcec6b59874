"""API throttles count a client by the one address rule: X-Forwarded-For only behind NUM_PROXIES proxies (issue 16)."""

import pytest

from tests.api.conftest import publish
from tests.factories import make_claim

pytestmark = pytest.mark.django_db

URL = "/api/v1/claims/"
PROXY, OUTER_PROXY = "10.0.0.2", "10.0.0.1"


@pytest.fixture(autouse=True)
def two_per_minute(settings) -> None:
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "2/minute", "user": None}}
    publish(make_claim())


def statuses(client, headers: list[dict]) -> list[int]:
    return [client.get(URL, **extra).status_code for extra in headers]


def test_without_proxies_a_new_forwarded_for_on_each_request_is_still_one_client(settings, anonymous):
    settings.NUM_PROXIES = 0
    spoofed = [{"HTTP_X_FORWARDED_FOR": f"198.51.100.{n}", "REMOTE_ADDR": "203.0.113.7"} for n in range(4)]

    assert statuses(anonymous, spoofed) == [200, 200, 429, 429]


def test_behind_one_proxy_the_client_is_the_address_the_proxy_appended(settings, anonymous):
    settings.NUM_PROXIES = 1
    one = [{"HTTP_X_FORWARDED_FOR": f"198.51.100.{n}, 203.0.113.7", "REMOTE_ADDR": PROXY} for n in range(3)]
    other = {"HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.8", "REMOTE_ADDR": PROXY}

    assert statuses(anonymous, one) == [200, 200, 429]
    assert statuses(anonymous, [other]) == [200]


def test_behind_a_chain_of_two_proxies_the_client_is_second_from_the_right(settings, anonymous):
    settings.NUM_PROXIES = 2

    def through_both(client: str, spoofed: str) -> dict:
        # The outer proxy appended the client; the inner one appended the outer proxy.
        return {"HTTP_X_FORWARDED_FOR": f"{spoofed}, {client}, {OUTER_PROXY}", "REMOTE_ADDR": PROXY}

    same_client = [through_both("203.0.113.7", f"198.51.100.{n}") for n in range(3)]
    assert statuses(anonymous, same_client) == [200, 200, 429]
    assert statuses(anonymous, [through_both("203.0.113.8", "198.51.100.1")]) == [200]


def test_behind_two_proxies_a_request_that_skipped_the_outer_one_counts_its_left_most_address(settings, anonymous):
    settings.NUM_PROXIES = 2
    direct = [{"HTTP_X_FORWARDED_FOR": "203.0.113.9", "REMOTE_ADDR": PROXY} for _ in range(3)]

    assert statuses(anonymous, direct) == [200, 200, 429]
    assert statuses(anonymous, [{"HTTP_X_FORWARDED_FOR": "203.0.113.10", "REMOTE_ADDR": PROXY}]) == [200]


def test_without_a_forwarded_for_the_connection_address_counts(settings, anonymous):
    settings.NUM_PROXIES = 1
    assert statuses(anonymous, [{"REMOTE_ADDR": "203.0.113.7"}] * 3) == [200, 200, 429]
    assert statuses(anonymous, [{"REMOTE_ADDR": "203.0.113.8"}]) == [200]


def test_an_ipv4_address_written_as_ipv6_is_the_same_client(settings, anonymous):
    settings.NUM_PROXIES = 1
    spellings = ["203.0.113.7", "::ffff:203.0.113.7", "::ffff:cb00:7107"]
    headers = [{"HTTP_X_FORWARDED_FOR": spelling, "REMOTE_ADDR": PROXY} for spelling in spellings]

    assert statuses(anonymous, headers) == [200, 200, 429]
