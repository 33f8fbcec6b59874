"""No packet to a refused address, ever: with socket.connect and getaddrinfo patched to record,
every way of naming such an address (a host that resolves to it, a literal, a redirect to
either) ends before a connection is tried."""

import ipaddress
import socket

import pytest

from claims import outbound
from claims.outbound import OutboundRefused, fetch
from tests.outbound.server import Page
from tests.outbound.test_addresses import (
    CARRIED,
    IPV4_SPECIAL,
    IPV6_NOT_UNICAST,
    IPV6_SPECIAL,
    compatible,
    first_middle_last,
    mapped,
    nat64,
    nat64_local,
    sixtofour,
    teredo,
)

REFUSED = sorted(
    (
        {address for cidr in IPV4_SPECIAL + IPV6_SPECIAL + IPV6_NOT_UNICAST for address in first_middle_last(cidr)}
        | {form(ipv4) for ipv4 in CARRIED for form in (sixtofour, nat64, nat64_local, mapped, compatible)}
        | {teredo(ipv4, "8.8.8.8") for ipv4 in CARRIED}
    )
    - {str(address) for address in ipaddress.ip_network("127.0.0.0/8")}  # the test server's, named by the setting
)


class Recorder:
    """getaddrinfo answers `refused.example` with the address under test; connect records."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.connects: list[str] = []
        self.lookups: list[str] = []
        self.address = ""
        real_lookup, real_connect = socket.getaddrinfo, socket.socket.connect
        recorder = self

        def lookup(host: str, port: object, *args: object, **kwargs: object) -> list:
            recorder.lookups.append(host)
            if host == "refused.example":
                family = socket.AF_INET6 if ":" in recorder.address else socket.AF_INET
                return [(family, socket.SOCK_STREAM, 6, "", (recorder.address, port))]
            return real_lookup(host, port, *args, **kwargs)

        def connect(sock: socket.socket, address: tuple) -> None:
            recorder.connects.append(address[0])
            return real_connect(sock, address)

        monkeypatch.setattr(socket, "getaddrinfo", lookup)
        monkeypatch.setattr(socket.socket, "connect", connect)


@pytest.fixture
def recorder(monkeypatch, web_server) -> Recorder:
    web_server.add("/to-name", Page(302, headers={"Location": "http://refused.example/admin"}))
    return Recorder(monkeypatch)


def literal(address: str) -> str:
    return f"[{address}]" if ":" in address else address


def test_no_connection_is_tried_to_any_refused_address_named_in_any_way(recorder, web_server):
    for address in REFUSED:
        recorder.address = address
        redirect = web_server.add("/to-literal", Page(302, headers={"Location": f"http://{literal(address)}:8080/"}))
        for url in (f"http://{literal(address)}/", "https://refused.example/", redirect, web_server.url("/to-name")):
            with pytest.raises(OutboundRefused, match="does not reach"):
                fetch(url)

    assert set(recorder.connects) == {"127.0.0.1"}  # the test server's redirects, nothing else
    assert "refused.example" in recorder.lookups


def test_the_connection_itself_is_refused_should_a_refused_address_get_past_the_lookup(recorder, monkeypatch):
    """The last line: the address is checked again as the connection is made."""
    monkeypatch.setattr(outbound, "resolve", lambda host, port, deadline=None: ipaddress.ip_address("169.254.169.254"))

    with pytest.raises(OutboundRefused, match=r"169\.254\.169\.254, an address this server does not reach"):
        fetch("http://news.example/")
    assert recorder.connects == []
