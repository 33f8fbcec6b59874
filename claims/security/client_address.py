"""The address a request came from, behind the number of proxies the deployment trusts.

A proxy appends the address it received a request from to X-Forwarded-For, so with
N trusted proxies in front of the app the client is the N-th address from the right
of "X-Forwarded-For, REMOTE_ADDR" — REMOTE_ADDR being the nearest proxy. Anything
further left was written by the client and proves nothing: a client that sends a new
X-Forwarded-For on each request must not become a new client each time. With
NUM_PROXIES = 0 (the default: nothing in front of the app) the header is ignored.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest

UNKNOWN = "unknown"


def normalised_address(address: str) -> str:
    """An IP address in one spelling (`::ffff:1.2.3.4` is 1.2.3.4), or the text as given if it is none."""
    try:
        ip = ipaddress.ip_address(address.strip().strip("[]"))
    except ValueError:
        return address.strip()[:100] or UNKNOWN
    mapped = getattr(ip, "ipv4_mapped", None)
    return str(mapped or ip)


def client_address(request: HttpRequest) -> str:
    """The right-most address that no trusted proxy vouches for; REMOTE_ADDR without proxies."""
    remote = request.META.get("REMOTE_ADDR", "") or UNKNOWN
    proxies = settings.NUM_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded.strip():
        return normalised_address(remote)
    # The chain as the nearest proxy saw it: what it was told, then who told it.
    chain = [part for part in (item.strip() for item in forwarded.split(",")) if part]
    # Fewer entries than proxies: the request skipped an outer proxy; the left-most is the client.
    return normalised_address(chain[-min(proxies, len(chain))] if chain else remote)
