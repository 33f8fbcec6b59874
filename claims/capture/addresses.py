"""One article, one address: URLs normalised, and the domain an outlet is known by.

Tracking parameters (utm_*, fbclid, gclid, …) and fragments are dropped, the host lowered and
its default port removed (courlan does the cleaning), so the same article shared from a
newsletter and from a search is one appearance. An outlet is matched by the URL's host with
the prefixes sites add for their mobile and accelerated pages taken off (www., m., amp.,
mobile.), and then by the registered domain (the public-suffix list bundled with `tld`).
"""

from urllib.parse import urlsplit, urlunsplit

import courlan
from tld import get_fld
from tld.exceptions import TldBadUrl, TldDomainNotFound

HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.")


def normalize_url(url: str) -> str:
    """The address of an article as it is kept: cleaned of tracking, without its fragment."""
    cleaned = courlan.normalize_url(url.strip(), strict=True) or url.strip()
    parts = urlsplit(cleaned)
    host = (parts.hostname or "").lower()
    port = parts.port
    default = (parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)
    netloc = host if port is None or default else f"{host}:{port}"
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))


def host_key(host: str) -> str:
    """The host as an outlet's domain names it: lower case, mobile and AMP prefixes taken off."""
    host = host.lower().rstrip(".")
    for prefix in HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            return host.removeprefix(prefix)
    return host


def registered_domain(host: str) -> str:
    """`english.al-akhbar.com` → `al-akhbar.com`; a platform's own users stay apart (`x.blogspot.com`)."""
    try:
        return get_fld(host_key(host), fix_protocol=True)
    except (TldBadUrl, TldDomainNotFound):
        return host_key(host)


def domain_candidates(url: str) -> list[str]:
    """The domains, most specific first, an outlet of this URL may be recorded under."""
    host = urlsplit(url).hostname or ""
    key = host_key(host)
    found = [key, registered_domain(host)]
    return list(dict.fromkeys(found))
