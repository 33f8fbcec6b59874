"""One article, one address: URLs normalised, and the domain an outlet is known by.

Tracking parameters (utm_*, fbclid, gclid, …) and fragments are dropped, the host lowered and
its default port removed (courlan does the cleaning), so the same article shared from a
newsletter and from a search is one appearance.

An outlet's domain is one normalised value, `domain_key`: the host lowered, without a port or a
trailing dot, with the prefixes sites add for their mobile and accelerated pages taken off
(www., m., amp., mobile.). The outlet services store it so (`outlet_domain`), and capture
reads a URL's host through the same function, so an outlet is found by plain equality: first
by the host's key, then by the registered domain (the public-suffix list bundled with `tld`).
"""

import re
from urllib.parse import urlsplit, urlunsplit

import courlan
from tld import get_fld
from tld.exceptions import TldBadUrl, TldDomainNotFound

HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.")
# A host name as DNS and URLs write it, in any script; or an IPv4 or IPv6 address.
HOST_SHAPE = re.compile(r"[\w-]+(\.[\w-]+)*|[0-9a-f:.]+", re.IGNORECASE)


def normalize_url(url: str) -> str:
    """The address of an article as it is kept: cleaned of tracking, without its fragment."""
    cleaned = courlan.normalize_url(url.strip(), strict=True) or url.strip()
    parts = urlsplit(cleaned)
    host = (parts.hostname or "").lower()
    port = parts.port
    default = (parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)
    netloc = host if port is None or default else f"{host}:{port}"
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))


def domain_key(host: str) -> str:
    """The host as an outlet's domain names it: lower case, mobile and AMP prefixes taken off."""
    host = host.strip().lower().rstrip(".")
    for prefix in HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            return host.removeprefix(prefix)
    return host


def outlet_domain(domain: str, *, url: str = "") -> str:
    """The domain an outlet is stored with: the one given — a host name, or pasted as a URL —
    else its URL's host, as `domain_key` writes it; "" when there is neither. ValueError when
    what is given is no host name."""
    domain = (domain or "").strip()
    if not domain:
        # A URL that names no host has no domain to give; the URL's own check says what is wrong.
        try:
            host = urlsplit((url or "").strip()).hostname or ""
        except ValueError:
            return ""
        return domain_key(host) if HOST_SHAPE.fullmatch(host.rstrip(".")) else ""
    try:
        host = urlsplit(domain if "//" in domain else f"//{domain}").hostname or ""
    except ValueError as exc:
        raise ValueError(f"{domain!r} is not a host name") from exc
    if not HOST_SHAPE.fullmatch(host.rstrip(".")):
        raise ValueError(f"{domain!r} is not a host name")
    return domain_key(host)


def registered_domain(host: str) -> str:
    """`english.al-akhbar.com` → `al-akhbar.com`; a platform's own users stay apart (`x.blogspot.com`)."""
    try:
        return get_fld(domain_key(host), fix_protocol=True)
    except (TldBadUrl, TldDomainNotFound):
        return domain_key(host)


def domain_candidates(url: str) -> list[str]:
    """The domains, most specific first, an outlet of this URL may be recorded under."""
    host = urlsplit(url).hostname or ""
    return list(dict.fromkeys([domain_key(host), registered_domain(host)]))
