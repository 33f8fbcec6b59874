"""The web UI's pages and searches are rate-limited per client address, with a 429 page (issue 16)."""

import pytest
from django.test import Client

from claims.services.workflow import claim_publish_imported
from tests.factories import make_claim

pytestmark = pytest.mark.django_db


@pytest.fixture
def few_pages(settings) -> None:
    settings.WEB_RATE_PAGES = "3/minute"
    settings.WEB_RATE_SEARCH = "2/minute"


def statuses(client: Client, urls: list[str], address: str = "203.0.113.7", **headers) -> list[int]:
    return [client.get(url, REMOTE_ADDR=address, **headers).status_code for url in urls]


def test_pages_past_the_rate_answer_429_with_a_message_and_retry_after(few_pages):
    client = Client()
    assert statuses(client, ["/", "/outlets/", "/events/"]) == [200, 200, 200]

    response = client.get("/login/", REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 429
    assert "Too many requests" in response.text
    assert "Please wait" in response.text
    assert 0 < int(response["Retry-After"]) <= 60


def test_another_address_has_its_own_count(few_pages):
    statuses(Client(), ["/"] * 4)

    assert statuses(Client(), ["/"], address="198.51.100.1") == [200]


def test_searches_have_a_lower_rate_of_their_own(few_pages, settings):
    settings.WEB_RATE_PAGES = "100/minute"
    claim_publish_imported(claim=make_claim("Hezbollah fired rockets"), comment="test")
    client = Client()

    searches = statuses(client, ["/?q=rockets", "/?status=confirmed", "/?q=hezbollah"])
    browsing = statuses(client, ["/", "/?page=1", "/outlets/"])

    assert searches == [200, 200, 429]
    assert browsing == [200, 200, 200]
    assert "searches" in client.get("/?q=again", REMOTE_ADDR="203.0.113.7").text


def test_a_new_forwarded_for_does_not_make_a_new_client(few_pages):
    spoofed = [{"HTTP_X_FORWARDED_FOR": f"198.51.100.{n}"} for n in range(4)]
    client = Client()

    assert [client.get("/", REMOTE_ADDR="203.0.113.7", **h).status_code for h in spoofed] == [200, 200, 200, 429]


def test_behind_two_proxies_clients_are_told_apart_by_the_address_the_outer_proxy_saw(few_pages, settings):
    settings.NUM_PROXIES = 2

    def through_both(client_address: str, n: int) -> dict:
        return {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": f"198.51.100.{n}, {client_address}, 10.0.0.1"}

    client = Client()
    first = [client.get("/", **through_both("203.0.113.7", n)).status_code for n in range(4)]
    second = client.get("/", **through_both("203.0.113.8", 0)).status_code

    assert first == [200, 200, 200, 429]
    assert second == 200


def test_the_api_and_the_admin_do_not_count_against_the_web_rate(few_pages, superuser):
    client = Client()
    client.force_login(superuser)
    assert statuses(client, ["/api/v1/claims/"] * 5 + ["/admin/"] * 2) == [200] * 7

    assert statuses(client, ["/", "/", "/", "/"]) == [200, 200, 200, 429]


def test_off_removes_the_limit(settings):
    settings.WEB_RATE_PAGES = None
    settings.WEB_RATE_SEARCH = None

    assert set(statuses(Client(), ["/?q=x"] * 70)) == {200}
