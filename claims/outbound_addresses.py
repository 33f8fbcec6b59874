"""Which addresses an outbound call may reach: the IANA special-purpose registries, written as data.

Python's `ipaddress.is_global` is not the rule: its table (3.11) lets 2002::/16 through, and a
6to4 address carries any IPv4 address (2002:7f00:1:: is 127.0.0.1 through a relay,
2002:a9fe:a9fe:: the cloud metadata address), as well as fec0::/10 and 192.0.0.8. So the
decision is made here, from

- every entry of the IANA IPv4 and IPv6 Special-Purpose Address Registries that is not globally
  reachable, the documentation and benchmarking ranges among them, plus multicast;
- for IPv6, every block of the IANA IPv6 Address Space registry outside global unicast
  (2000::/3): whatever is not allocated is not a page or a receiver;
- the IPv4 address an IPv6 address carries, judged by the IPv4 table: IPv4-mapped, NAT64
  (64:ff9b::/96), 6to4 and Teredo (its server and its client) reach that IPv4 address, so they
  are reached exactly when it would be; the local-use NAT64 prefix (64:ff9b:1::/48) and the
  deprecated IPv4-compatible form (::a.b.c.d) are refused whatever they carry.

Where a registry marks a more specific entry as globally reachable inside a range that is not
(the PCP and TURN anycast addresses in 192.0.0.0/24 and 2001::/23, AMT, AS112, ORCHIDv2), the
whole range is refused all the same: those are protocol services, never a page or a webhook
receiver. The tables were read from the registries as updated in 2025.
"""

import ipaddress
from collections.abc import Callable
from dataclasses import dataclass

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class Range:
    """One refused range: its network, what the registry calls it, and the RFC that defines it."""

    network: Network
    name: str
    rfc: str

    def __contains__(self, address: Address) -> bool:
        return address.version == self.network.version and address in self.network


def _ranges(*rows: tuple[str, str, str]) -> tuple[Range, ...]:
    return tuple(Range(ipaddress.ip_network(cidr), name, rfc) for cidr, name, rfc in rows)


# Most specific first: the first range an address is in names it in the refusal.
IPV4_REFUSED = _ranges(
    ("0.0.0.0/32", "“this host on this network”", "RFC 1122 §3.2.1.3"),
    ("0.0.0.0/8", "“this network”", "RFC 791 §3.2"),
    ("10.0.0.0/8", "private-use", "RFC 1918"),
    ("100.64.0.0/10", "shared address space (carrier-grade NAT)", "RFC 6598"),
    ("127.0.0.0/8", "loopback", "RFC 1122 §3.2.1.3"),
    ("169.254.0.0/16", "link-local (cloud metadata lives here)", "RFC 3927"),
    ("172.16.0.0/12", "private-use", "RFC 1918"),
    ("192.0.0.0/29", "IPv4 service continuity prefix", "RFC 7335"),
    ("192.0.0.8/32", "IPv4 dummy address", "RFC 7600"),
    ("192.0.0.170/31", "NAT64/DNS64 discovery", "RFC 8880, RFC 7050 §2.2"),
    ("192.0.0.0/24", "IETF protocol assignments", "RFC 6890 §2.1"),
    ("192.0.2.0/24", "documentation (TEST-NET-1)", "RFC 5737"),
    ("192.88.99.0/24", "deprecated 6to4 relay anycast", "RFC 7526"),
    ("192.168.0.0/16", "private-use", "RFC 1918"),
    ("198.18.0.0/15", "benchmarking", "RFC 2544"),
    ("198.51.100.0/24", "documentation (TEST-NET-2)", "RFC 5737"),
    ("203.0.113.0/24", "documentation (TEST-NET-3)", "RFC 5737"),
    ("224.0.0.0/4", "multicast", "RFC 5771"),
    ("255.255.255.255/32", "limited broadcast", "RFC 8190, RFC 919 §7"),
    ("240.0.0.0/4", "reserved", "RFC 1112 §4"),
)

IPV6_REFUSED = _ranges(
    # The IPv6 Special-Purpose Address Registry.
    ("::/128", "the unspecified address", "RFC 4291"),
    ("::1/128", "loopback", "RFC 4291"),
    ("64:ff9b:1::/48", "local-use IPv4/IPv6 translation", "RFC 8215"),
    ("100::/64", "discard-only", "RFC 6666"),
    ("100:0:0:1::/64", "dummy IPv6 prefix", "RFC 9780"),
    ("2001:2::/48", "benchmarking", "RFC 5180, RFC Errata 1752"),
    ("2001:10::/28", "deprecated ORCHID", "RFC 4843"),
    ("2001:db8::/32", "documentation", "RFC 3849"),
    ("2001::/23", "IETF protocol assignments", "RFC 2928"),
    ("3fff::/20", "documentation", "RFC 9637"),
    ("5f00::/16", "segment routing (SRv6) SIDs", "RFC 9602"),
    ("fc00::/7", "unique-local", "RFC 4193, RFC 8190"),
    ("fe80::/10", "link-local", "RFC 4291"),
    ("fec0::/10", "deprecated site-local", "RFC 3879"),
    ("ff00::/8", "multicast", "RFC 4291 §2.7"),
    # The IPv6 Address Space registry: every block that is not global unicast (2000::/3).
    ("::/8", "reserved by the IETF", "RFC 4291"),
    ("100::/8", "reserved by the IETF", "RFC 4291"),
    ("200::/7", "reserved by the IETF", "RFC 4048"),
    ("400::/6", "reserved by the IETF", "RFC 4291"),
    ("800::/5", "reserved by the IETF", "RFC 4291"),
    ("1000::/4", "reserved by the IETF", "RFC 4291"),
    ("4000::/3", "reserved by the IETF", "RFC 4291"),
    ("6000::/3", "reserved by the IETF", "RFC 4291"),
    ("8000::/3", "reserved by the IETF", "RFC 4291"),
    ("a000::/3", "reserved by the IETF", "RFC 4291"),
    ("c000::/3", "reserved by the IETF", "RFC 4291"),
    ("e000::/4", "reserved by the IETF", "RFC 4291"),
    ("f000::/5", "reserved by the IETF", "RFC 4291"),
    ("f800::/6", "reserved by the IETF", "RFC 4291"),
    ("fe00::/9", "reserved by the IETF", "RFC 4291"),
)


def _last_32_bits(address: ipaddress.IPv6Address) -> tuple[ipaddress.IPv4Address, ...]:
    return (ipaddress.IPv4Address(int(address) & 0xFFFFFFFF),)


def _sixtofour(address: ipaddress.IPv6Address) -> tuple[ipaddress.IPv4Address, ...]:
    return (ipaddress.IPv4Address((int(address) >> 80) & 0xFFFFFFFF),)


def _teredo(address: ipaddress.IPv6Address) -> tuple[ipaddress.IPv4Address, ...]:
    server = ipaddress.IPv4Address((int(address) >> 64) & 0xFFFFFFFF)
    client = ipaddress.IPv4Address(~int(address) & 0xFFFFFFFF)  # RFC 4380 §4: stored inverted
    return server, client


@dataclass(frozen=True)
class Carrier:
    """An IPv6 form that carries IPv4 addresses, and how to read them out of it.

    `judged_by_ipv4`: the address reaches what it carries, and is decided by it; otherwise
    the form is refused whatever it carries (the refusal names what it carries all the same)."""

    network: ipaddress.IPv6Network
    name: str
    rfc: str
    carried: Callable[[ipaddress.IPv6Address], tuple[ipaddress.IPv4Address, ...]]
    judged_by_ipv4: bool = True


CARRIERS = (
    Carrier(ipaddress.IPv6Network("::ffff:0:0/96"), "IPv4-mapped", "RFC 4291 §2.5.5.2", _last_32_bits),
    Carrier(ipaddress.IPv6Network("64:ff9b::/96"), "NAT64", "RFC 6052", _last_32_bits),
    Carrier(ipaddress.IPv6Network("2002::/16"), "6to4", "RFC 3056", _sixtofour),
    Carrier(ipaddress.IPv6Network("2001::/32"), "Teredo", "RFC 4380", _teredo),
    # ::a.b.c.d, but not :: and ::1, which the table names for what they are.
    Carrier(
        ipaddress.IPv6Network("::/96"),
        "deprecated IPv4-compatible",
        "RFC 4291 §2.5.5.1",
        _last_32_bits,
        judged_by_ipv4=False,
    ),
)


def _in_table(address: Address) -> Range | None:
    table = IPV4_REFUSED if address.version == 4 else IPV6_REFUSED
    return next((entry for entry in table if address in entry), None)


def _ipv4_refusal(address: ipaddress.IPv4Address) -> str | None:
    entry = _in_table(address)
    return None if entry is None else f"{entry.name} ({entry.rfc})"


def refusal(address: Address, allowed: Callable[[Address], bool] = lambda address: False) -> str | None:
    """Why this server does not reach the address, in words; None when it does.

    `allowed` says whether a network the operator named (OUTBOUND_ALLOWED_NETWORKS) holds an
    address: such an address is reached although the table refuses it. It is asked of the
    address itself, not of what an IPv6 form carries: naming 127.0.0.0/8 lets 127.0.0.1 through,
    not the 6to4 form of it, which goes elsewhere."""
    if allowed(address):
        return None
    if address.version == 4:
        return _ipv4_refusal(address)
    carrier = next((c for c in CARRIERS if address in c.network and int(address) > 1), None)
    if carrier is not None:
        carried = carrier.carried(address)
        refused = [(ipv4, why) for ipv4 in carried if (why := _ipv4_refusal(ipv4))]
        if refused:
            ipv4, why = refused[0]
            return f"the {carrier.name} form ({carrier.rfc}) of {ipv4}, which is {why}"
        if carrier.judged_by_ipv4:
            return None
        return f"the {carrier.name} form ({carrier.rfc}) of {carried[0]}, no longer used"
    entry = _in_table(address)
    return None if entry is None else f"{entry.name} ({entry.rfc})"
