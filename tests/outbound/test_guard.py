"""claims/outbound.py: what the server fetches, and what it refuses to (SSRF)."""

import ipaddress

import pytest

from claims.outbound import MAX_REDIRECTS, OutboundRefused, address_allowed, check_url, fetch
from claims.outbound_deadline import Deadline
from tests.outbound.server import Page


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "A URL is required"),
        ("ftp://example.org/file", "Only http and https"),
        ("file:///etc/passwd", "Only http and https"),
        ("javascript:alert(1)", "Only http and https"),
        ("http:///no-host", "no host"),
        ("https://user:secret@example.org/", "user name or password"),
        ("https://example.org:99999/", "not a URL"),
        ("https://example.org/" + "a" * 2000, "longer than 2,000 characters"),
    ],
)
def test_a_url_that_cannot_be_fetched_is_refused_with_the_reason(url, message):
    with pytest.raises(OutboundRefused, match=message):
        check_url(url)


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "224.0.0.1",
     "240.0.0.1", "100.64.0.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "ff02::1"],
)  # fmt: skip
def test_loopback_private_link_local_multicast_and_reserved_addresses_are_not_reached(settings, address):
    settings.OUTBOUND_ALLOWED_NETWORKS = []

    assert not address_allowed(ipaddress.ip_address(address))


def test_public_addresses_are_reached_and_a_network_the_setting_names_too(settings):
    settings.OUTBOUND_ALLOWED_NETWORKS = ["127.0.0.0/8"]

    assert address_allowed(ipaddress.ip_address("93.184.216.34"))
    assert address_allowed(ipaddress.ip_address("127.0.0.1"))
    assert not address_allowed(ipaddress.ip_address("10.0.0.1"))


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]"])
def test_a_loopback_host_is_refused_by_default(settings, host):
    settings.OUTBOUND_ALLOWED_NETWORKS = []

    with pytest.raises(OutboundRefused, match="an address this server does not reach"):
        fetch(f"http://{host}:9/")


def test_a_page_is_fetched_from_the_address_that_was_checked(web_server):
    url = web_server.add("/article", Page(body=b"<html><title>Report</title></html>"))

    fetched = fetch(url)

    assert (fetched.status, fetched.body, fetched.content_type) == (
        200,
        b"<html><title>Report</title></html>",
        "text/html",
    )
    assert fetched.address == "127.0.0.1"
    assert web_server.received[0].headers["Host"] == web_server.base.removeprefix("http://")


def test_redirects_are_followed_and_each_is_checked(web_server, settings):
    web_server.add("/final", Page(body=b"here"))
    web_server.add("/second", Page(302, headers={"Location": "/final"}))
    first = web_server.add("/first", Page(301, headers={"Location": web_server.url("/second")}))

    fetched = fetch(first)

    assert (fetched.url, fetched.body) == (web_server.url("/final"), b"here")
    assert fetched.redirects == [first, web_server.url("/second")]


def test_a_redirect_to_a_private_address_is_refused(web_server):
    url = web_server.add("/away", Page(302, headers={"Location": "http://10.0.0.7/admin"}))

    with pytest.raises(OutboundRefused, match=r"10\.0\.0\.7"):
        fetch(url)


def test_more_than_five_redirects_are_refused(web_server):
    for n in range(MAX_REDIRECTS + 1):
        web_server.add(f"/hop{n}", Page(302, headers={"Location": f"/hop{n + 1}"}))
    web_server.add(f"/hop{MAX_REDIRECTS + 1}", Page(body=b"too far"))

    with pytest.raises(OutboundRefused, match="More than 5 redirects"):
        fetch(web_server.url("/hop0"))


def test_a_response_over_the_size_cap_is_refused(web_server):
    url = web_server.add("/big", Page(body=b"x" * 5000))

    with pytest.raises(OutboundRefused, match="larger than 1,000 bytes"):
        fetch(url, max_bytes=1000)


def test_a_response_without_a_length_over_the_cap_is_cut_off(web_server):
    url = web_server.add("/stream", Page(body=b"y" * 5000, chunks=5, declare_length=False))

    with pytest.raises(OutboundRefused, match="larger than 1,000 bytes"):
        fetch(url, max_bytes=1000)


def test_a_slow_server_is_given_up_on(web_server):
    url = web_server.add("/slow", Page(body=b"late", delay=3))

    with pytest.raises(OutboundRefused, match="did not"):
        fetch(url, deadline=Deadline(0.5))


def test_each_refusal_says_where_it_is_raised_whether_trying_again_may_help(web_server, settings):
    """The fact the capture task decides on (issue 23): set at the raise site, never read from the words."""
    settings.OUTBOUND_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    web_server.add("/big", Page(body=b"x" * 5000))
    web_server.add("/slow", Page(body=b"late", delay=3))
    web_server.add("/away", Page(302, headers={"Location": "http://10.0.0.7/admin"}))
    for n in range(MAX_REDIRECTS + 1):
        web_server.add(f"/loop{n}", Page(302, headers={"Location": f"/loop{n + 1}"}))
    closed = web_server.url("/").replace(str(web_server.httpd.server_address[1]), "1")  # nothing listens there

    cases = {
        "a refused address": (lambda: fetch(web_server.url("/away")), False),
        "too large": (lambda: fetch(web_server.url("/big"), max_bytes=1000), False),
        "too many redirects": (lambda: fetch(web_server.url("/loop0")), False),
        "a URL that cannot be fetched": (lambda: fetch("ftp://example.org/"), False),
        "a timeout": (lambda: fetch(web_server.url("/slow"), deadline=Deadline(0.3)), True),
        "a connection refused": (lambda: fetch(closed), True),
    }
    for case, (request, retryable) in cases.items():
        with pytest.raises(OutboundRefused) as refused:
            request()
        assert refused.value.retryable is retryable, case
