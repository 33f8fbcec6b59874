"""The guard's decision, address by address (claims/outbound_addresses.py).

The ranges below are written out again from the IANA registries, not read from the module's
table, so that a range dropped from the table, or a typo in it, fails here."""

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.outbound import address_allowed, address_refusal
from claims.outbound_addresses import IPV4_REFUSED, IPV6_REFUSED

# Every IPv4 special-purpose entry that is not globally reachable, documentation and
# benchmarking included, multicast, and the ranges refused whole around protocol anycasts.
IPV4_SPECIAL = [
    "0.0.0.0/8", "0.0.0.0/32", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
    "172.16.0.0/12", "192.0.0.0/24", "192.0.0.0/29", "192.0.0.8/32", "192.0.0.170/32", "192.0.0.171/32",
    "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
    "224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32",
]  # fmt: skip
IPV6_SPECIAL = [
    "::/128", "::1/128", "64:ff9b:1::/48", "100::/64", "100:0:0:1::/64", "2001::/23", "2001:2::/48",
    "2001:10::/28", "2001:db8::/32", "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
]  # fmt: skip
# Outside 2000::/3 nothing is global unicast: the IANA IPv6 Address Space registry.
IPV6_NOT_UNICAST = [
    "::/8", "100::/8", "200::/7", "400::/6", "800::/5", "1000::/4", "4000::/3", "6000::/3", "8000::/3",
    "a000::/3", "c000::/3", "e000::/4", "f000::/5", "f800::/6", "fc00::/7", "fe00::/9", "fe80::/10",
    "fec0::/10", "ff00::/8",
]  # fmt: skip

# A refused IPv4 address of each kind, and the IPv6 forms that carry it.
CARRIED = ["127.0.0.1", "169.254.169.254", "10.1.2.3", "192.168.0.1", "100.64.0.1", "0.0.0.0", "192.0.0.8"]
GLOBAL_IPV4 = ["93.184.216.34", "8.8.8.8", "1.1.1.1", "151.101.1.69", "192.0.1.1", "192.0.3.1", "223.255.255.1"]
GLOBAL_IPV6 = ["2606:4700:4700::1111", "2a00:1450:4001:82b::200e", "2001:4860:4860::8888", "2400:cb00::1"]


def first_middle_last(cidr: str) -> list[str]:
    network = ipaddress.ip_network(cidr)
    middle = network[network.num_addresses // 2]
    return [str(network[0]), str(middle), str(network[-1])]


def ipv6_int(address: str) -> int:
    return int(ipaddress.IPv6Address(address))


def sixtofour(ipv4: str) -> str:
    return str(ipaddress.IPv6Address((0x2002 << 112) | (int(ipaddress.IPv4Address(ipv4)) << 80)))


def nat64(ipv4: str) -> str:
    return str(ipaddress.IPv6Address(ipv6_int("64:ff9b::") | int(ipaddress.IPv4Address(ipv4))))


def nat64_local(ipv4: str) -> str:
    return str(ipaddress.IPv6Address(ipv6_int("64:ff9b:1::") | int(ipaddress.IPv4Address(ipv4))))


def mapped(ipv4: str) -> str:
    return f"::ffff:{ipv4}"


def compatible(ipv4: str) -> str:
    return str(ipaddress.IPv6Address(int(ipaddress.IPv4Address(ipv4)) or 2))


def teredo(server: str, client: str) -> str:
    value = (0x20010000 << 96) | (int(ipaddress.IPv4Address(server)) << 64) | 0x8000 << 48 | 0xFFFF << 32
    return str(ipaddress.IPv6Address(value | (~int(ipaddress.IPv4Address(client)) & 0xFFFFFFFF)))


@pytest.fixture(autouse=True)
def nothing_allowed_by_the_setting(settings) -> None:
    settings.OUTBOUND_ALLOWED_NETWORKS = []


@pytest.mark.parametrize("cidr", IPV4_SPECIAL + IPV6_SPECIAL + IPV6_NOT_UNICAST)
def test_every_address_of_every_special_purpose_range_is_refused(cidr):
    for address in first_middle_last(cidr):
        assert not address_allowed(ipaddress.ip_address(address)), address


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("2002:7f00:1::", "6to4 form (RFC 3056) of 127.0.0.1, which is loopback (RFC 1122"),
        ("2002:a9fe:a9fe::", "of 169.254.169.254, which is link-local"),
        ("fec0::1", "deprecated site-local (RFC 3879)"),
        ("192.0.0.8", "IPv4 dummy address (RFC 7600)"),
        ("64:ff9b::7f00:1", "NAT64 form (RFC 6052) of 127.0.0.1"),
        ("::ffff:169.254.169.254", "IPv4-mapped form"),
        ("::8.8.8.8", "IPv4-compatible form (RFC 4291 §2.5.5.1) of 8.8.8.8, no longer used"),
        ("198.51.100.7", "documentation (TEST-NET-2) (RFC 5737)"),
        ("5f00::1", "segment routing"),
    ],
)
def test_the_refusal_names_the_range_and_its_rfc(address, words):
    assert words in address_refusal(ipaddress.ip_address(address))


@pytest.mark.parametrize("ipv4", CARRIED)
@pytest.mark.parametrize("form", [sixtofour, nat64, nat64_local, mapped, compatible])
def test_an_ipv6_form_carrying_a_refused_ipv4_address_is_refused(form, ipv4):
    assert not address_allowed(ipaddress.ip_address(form(ipv4)))


@pytest.mark.parametrize("ipv4", CARRIED)
def test_teredo_is_refused_when_its_server_or_its_client_is_refused(ipv4):
    assert not address_allowed(ipaddress.ip_address(teredo(ipv4, "8.8.8.8")))
    assert not address_allowed(ipaddress.ip_address(teredo("8.8.8.8", ipv4)))


@pytest.mark.parametrize("address", GLOBAL_IPV4 + GLOBAL_IPV6)
def test_global_addresses_are_reached(address):
    assert address_allowed(ipaddress.ip_address(address))


@pytest.mark.parametrize("ipv4", GLOBAL_IPV4)
def test_the_forms_that_reach_a_global_ipv4_address_are_reached_and_the_others_not(ipv4):
    for reaching in (sixtofour(ipv4), nat64(ipv4), mapped(ipv4), teredo(ipv4, "9.9.9.9")):
        assert address_allowed(ipaddress.ip_address(reaching)), reaching
    for refused in (nat64_local(ipv4), compatible(ipv4)):
        assert not address_allowed(ipaddress.ip_address(refused)), refused


def test_the_setting_lets_a_named_network_through_and_only_it(settings):
    settings.OUTBOUND_ALLOWED_NETWORKS = ["127.0.0.0/8"]

    assert address_allowed(ipaddress.ip_address("127.0.0.5"))
    assert not address_allowed(ipaddress.ip_address("10.0.0.1"))
    assert not address_allowed(ipaddress.ip_address("::1"))
    assert not address_allowed(ipaddress.ip_address(sixtofour("127.0.0.1")))  # goes to a relay, not here


def test_the_ipv6_table_leaves_exactly_global_unicast_open():
    blocks = [entry.network for entry in IPV6_REFUSED if entry.network.prefixlen <= 10]
    collapsed = list(ipaddress.collapse_addresses(blocks))
    refused = sum(network.num_addresses for network in collapsed)

    assert refused + ipaddress.IPv6Network("2000::/3").num_addresses == 2**128
    assert not any(network.overlaps(ipaddress.IPv6Network("2000::/3")) for network in collapsed)


def test_every_entry_of_the_tables_names_its_rfc():
    assert all(entry.rfc.startswith("RFC") and entry.name for entry in IPV4_REFUSED + IPV6_REFUSED)


SPECIAL_V4 = [ipaddress.ip_network(cidr) for cidr in IPV4_SPECIAL]


@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_an_ipv4_address_is_refused_exactly_when_a_special_purpose_range_holds_it(value):
    address = ipaddress.IPv4Address(value)

    assert address_allowed(address) == (not any(address in network for network in SPECIAL_V4))


@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_a_6to4_or_nat64_address_is_decided_as_the_ipv4_address_it_carries(value):
    ipv4 = str(ipaddress.IPv4Address(value))
    expected = address_allowed(ipaddress.IPv4Address(value))

    assert address_allowed(ipaddress.ip_address(sixtofour(ipv4))) == expected
    assert address_allowed(ipaddress.ip_address(nat64(ipv4))) == expected
    assert address_allowed(ipaddress.ip_address(mapped(ipv4))) == expected
