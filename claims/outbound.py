"""Requests the server makes to addresses it is given (URL capture, webhooks): the one guard.

A URL a user or a client hands us must not make this server reach what only it can reach
(its own loopback, the private network behind it, cloud metadata at 169.254.169.254): SSRF.
Every outbound request goes through `fetch`, which

- takes http and https URLs only, with a host, of at most MAX_URL_LENGTH characters;
- resolves the host and refuses it when any of its addresses is one the special-purpose
  tables refuse (claims/outbound_addresses.py: loopback, private, link-local, multicast,
  documentation, reserved, and the IPv6 forms that carry such an IPv4 address), unless the
  setting OUTBOUND_ALLOWED_NETWORKS names a network holding it (tests reach their local server so);
- connects to the address it checked, not to a second lookup of the name (a host that
  resolves differently the second time, DNS rebinding, gains nothing), with the name kept
  for the Host header and for TLS, and checks that address once more as it connects;
- follows at most MAX_REDIRECTS redirects itself, each checked like the first URL;
- stops reading past `max_bytes` and refuses the response;
- ends by one total deadline, OUTBOUND_DEADLINE_SECONDS from the lookup to the last byte,
  redirects included (claims/outbound_deadline.py), whatever the server does meanwhile.
"""

import ipaddress
import socket
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urljoin, urlsplit

import httpx
from django.conf import settings

from claims.errors import InvalidInput
from claims.outbound_addresses import refusal
from claims.outbound_deadline import Deadline, GuardedTransport

MAX_URL_LENGTH = 2000
MAX_REDIRECTS = 5
REDIRECTS = {301, 302, 303, 307, 308}
USER_AGENT = "Provenance/1.0 (claim provenance tracker)"

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class OutboundRefused(InvalidInput):
    """A URL this server will not fetch, or a response it will not take: the reason in words.

    `retryable` is set where the refusal is raised: true when the same request may succeed later
    (a timeout, a connection that failed or broke off), false when it never will (an address
    refused, a response too large, too many redirects, a URL that cannot be fetched)."""

    def __init__(self, message: str, *, retryable: bool = False, **kwargs: object) -> None:
        super().__init__(message, **kwargs)
        self.retryable = retryable


@dataclass(frozen=True)
class Fetched:
    """A response as it came, with the redirects that led to it."""

    url: str  # the last URL, after redirects
    status: int
    headers: httpx.Headers
    body: bytes
    redirects: list[str] = field(default_factory=list)
    address: str = ""  # the address it was fetched from

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()


@cache
def _allowed(networks: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(network.strip(), strict=False) for network in networks if network.strip())


def allowed_networks() -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return _allowed(tuple(settings.OUTBOUND_ALLOWED_NETWORKS))


def _named_by_setting(address: Address) -> bool:
    return any(address.version == network.version and address in network for network in allowed_networks())


def address_refusal(address: Address) -> str | None:
    """Why this server does not reach the address, in words; None when it does."""
    return refusal(address, _named_by_setting)


def address_allowed(address: Address) -> bool:
    return address_refusal(address) is None


def _refused(host: str, address: Address, why: str) -> OutboundRefused:
    return OutboundRefused(
        f"The host {host} is at {address}, an address this server does not reach: {why}.", field="url"
    )


def _check_connect(literal: str) -> None:
    """The last line, as a connection is made: never a packet to an address the guard refuses."""
    address = ipaddress.ip_address(literal.strip("[]").split("%", 1)[0])
    why = address_refusal(address)
    if why is not None:
        raise _refused(literal, address, why)


def check_url(url: str) -> tuple[str, int]:
    """The host and port of a URL this server may be asked to fetch; OutboundRefused otherwise."""
    if not isinstance(url, str) or not url.strip():
        raise OutboundRefused("A URL is required.", field="url")
    if len(url) > MAX_URL_LENGTH:
        raise OutboundRefused(f"The URL is longer than {MAX_URL_LENGTH:,} characters.", field="url")
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise OutboundRefused(f"This is not a URL that can be fetched: {exc}.", field="url") from exc
    if parts.scheme not in ("http", "https"):
        raise OutboundRefused("Only http and https URLs can be fetched.", field="url")
    if not parts.hostname:
        raise OutboundRefused("The URL has no host.", field="url")
    if parts.username or parts.password:
        raise OutboundRefused("A URL with a user name or password in it is not fetched.", field="url")
    return parts.hostname, port or (443 if parts.scheme == "https" else 80)


def resolve(host: str, port: int, deadline: Deadline | None = None) -> Address:
    """The address to connect to: every address of the host must be allowed; the first is used.
    The lookup ends by the deadline (by default, one of OUTBOUND_DEADLINE_SECONDS of its own)."""
    deadline = deadline or Deadline(settings.OUTBOUND_DEADLINE_SECONDS)
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        literal = None  # a name: looked up, by the deadline
    try:
        if literal is not None:  # nothing to look up, nothing to wait for
            found = socket.getaddrinfo(str(literal), port, type=socket.SOCK_STREAM)
        else:
            found = deadline.lookup(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
    except TimeoutError as exc:
        raise OutboundRefused(
            f"The lookup of {host} did not end within the deadline of {deadline.seconds:g} s.",
            field="url",
            retryable=True,
        ) from exc
    except (OSError, UnicodeError) as exc:
        # Name servers fail for a while too: a task may find the host later.
        raise OutboundRefused(f"The host {host} could not be found.", field="url", retryable=True) from exc
    addresses = [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in found]
    for address in addresses:
        why = address_refusal(address)
        if why is not None:
            raise _refused(host, address, why)
    return addresses[0]


def _pinned(url: str, host: str, address: Address) -> tuple[str, dict[str, str], dict]:
    """The URL with its host replaced by the checked address; the name kept for Host and TLS."""
    parts = urlsplit(url)
    literal = f"[{address}]" if address.version == 6 else str(address)
    netloc = f"{literal}:{parts.port}" if parts.port else literal
    target = parts._replace(netloc=netloc).geturl()
    host_header = f"{host}:{parts.port}" if parts.port else host
    return target, {"Host": host_header}, {"sni_hostname": host} if parts.scheme == "https" else {}


def _read(response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdecimal() and int(declared) > max_bytes:
        raise OutboundRefused(f"The response is larger than {max_bytes:,} bytes ({int(declared):,}).")
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise OutboundRefused(f"The response is larger than {max_bytes:,} bytes.")
    return bytes(body)


def _failed(exc: httpx.HTTPError, host: str, deadline: Deadline, during: str) -> OutboundRefused:
    """What went wrong, in words: the deadline first, since ending the call is what made it fail.
    Each is worth trying again later: the site was slow, away or broke off, not refused."""
    if deadline.passed:
        return OutboundRefused(
            f"{host} did not {during} within the deadline of {deadline.seconds:g} s.", retryable=True
        )
    if isinstance(exc, httpx.TimeoutException):
        return OutboundRefused(
            f"{host} did not answer within {settings.OUTBOUND_CONNECT_TIMEOUT_SECONDS:g} s.", retryable=True
        )
    if during == "answer":
        return OutboundRefused(f"{host} could not be reached: {exc}.", retryable=True)
    return OutboundRefused(f"The response of {host} broke off: {exc}.", retryable=True)


def fetch(
    url: str,
    *,
    method: str = "GET",
    max_bytes: int | None = None,
    headers: dict[str, str] | None = None,
    content: bytes | None = None,
    deadline: Deadline | None = None,
) -> Fetched:
    """Request the URL under the guard above; OutboundRefused for what it refuses, and for a
    call that fails or does not end by its deadline, with the reason. The deadline is
    OUTBOUND_DEADLINE_SECONDS from now, or the one given (a shorter one: a webhook's try)."""
    max_bytes = max_bytes if max_bytes is not None else settings.OUTBOUND_MAX_BYTES
    deadline = deadline or Deadline(settings.OUTBOUND_DEADLINE_SECONDS)
    redirects: list[str] = []
    # No timeout per read: the deadline bounds every read, and a connect at most this long.
    limits = httpx.Timeout(None, connect=settings.OUTBOUND_CONNECT_TIMEOUT_SECONDS)
    transport = GuardedTransport(deadline, _check_connect)
    with deadline, httpx.Client(transport=transport, timeout=limits, follow_redirects=False, trust_env=False) as client:
        while True:
            host, port = check_url(url)
            address = resolve(host, port, deadline)
            target, pinned_headers, extensions = _pinned(url, host, address)
            request = client.build_request(
                method,
                target,
                headers={"User-Agent": USER_AGENT, **(headers or {}), **pinned_headers},
                content=content,
                extensions=extensions,
            )
            try:
                response = client.send(request, stream=True)
            except httpx.HTTPError as exc:
                raise _failed(exc, host, deadline, "answer") from exc
            try:
                location = response.headers.get("location")
                if response.status_code in REDIRECTS and location and method in ("GET", "HEAD"):
                    if len(redirects) >= MAX_REDIRECTS:
                        raise OutboundRefused(f"More than {MAX_REDIRECTS} redirects, the last to {location}.")
                    redirects.append(url)
                    url = urljoin(url, location)
                    continue
                try:
                    body = _read(response, max_bytes)
                except httpx.HTTPError as exc:
                    raise _failed(exc, host, deadline, "send the whole response") from exc
                return Fetched(url, response.status_code, response.headers, body, redirects, str(address))
            finally:
                response.close()
