"""A feed's bytes as its entries: RSS 0.9x, 1.0 and 2.0 and Atom (feedparser), and JSON Feed.

The bytes are the poll's own, fetched through the outbound guard (claims/outbound.py):
feedparser is only ever handed bytes, never a URL, so it fetches nothing.

XML is read in two steps. defusedxml parses it first, with entity declarations and external
references forbidden: a feed that declares entities (the "billion laughs" expansion) or points
at an external DTD or entity (XXE, reading a file or a URL through the parser) is refused
before any parser that would honour them sees it, and so is XML that is not well-formed: a
feed is a machine's output, and a broken one is reported to a person rather than guessed at.
Only then does feedparser read the entries. A JSON Feed (https://jsonfeed.org/version/1.1) is
read here, with the JSON parser, which has no entities.
"""

import calendar
import codecs
import json
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from html import unescape
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import ParseError

import feedparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils.html import strip_tags

MAX_ENTRIES = 1000
# `<?xml version="1.0" encoding="…"?>`, as the document's first bytes.
XML_ENCODING = re.compile(rb"""(\A\s*<\?xml[^>]*?encoding\s*=\s*["'])([A-Za-z0-9._-]+)(["'])""")
EXPAT_ENCODINGS = {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "ascii", "latin-1", "iso8859-1"}
TITLE_LENGTH, SUMMARY_LENGTH = 500, 4000
JSON_TYPES = {"application/feed+json", "application/json"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}


class FeedUnreadable(Exception):
    """Why the bytes are not a feed that can be read, in words for a person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Entry:
    """One article a feed announces: its link (absolute, http or https), title, summary as plain
    text, and the date it gives, if any (UTC)."""

    url: str
    title: str
    summary: str
    published_at: datetime | None


def plain(html: str, limit: int) -> str:
    """Markup taken off, entities read, white space made single: the words a person reads."""
    return " ".join(unescape(strip_tags(html or "")).split())[:limit]


def _link(href: object, base: str) -> str | None:
    if not isinstance(href, str) or not href.strip():
        return None
    url = urljoin(base, href.strip())
    return url if urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname else None


def _parsed_time(value: time.struct_time | None) -> datetime | None:
    return datetime.fromtimestamp(calendar.timegm(value), tz=UTC) if value else None


def _iso_time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        found = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return found.astimezone(UTC) if found.tzinfo else found.replace(tzinfo=UTC)


def _refuse_unsafe_xml(body: bytes) -> None:
    try:
        fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as refused:
        raise FeedUnreadable(
            f"The feed declares entities or refers to an external document ({type(refused).__name__}); "
            "such feeds are not read, since a parser that honoured them could be made to read a file or "
            "expand without end."
        ) from refused
    except ParseError as broken:
        raise FeedUnreadable(f"The feed is not well-formed XML: {broken}.") from broken


def as_utf8(body: bytes) -> bytes:
    """The document in UTF-8 when its declaration names an encoding expat does not read itself
    (windows-1256, common in Arabic feeds; iso-8859-6; cp1251 …), the declaration rewritten."""
    declared = XML_ENCODING.match(body)
    if declared is None:
        return body
    name = declared.group(2).decode("ascii", "replace")
    try:
        codec = codecs.lookup(name).name
    except LookupError as unknown:
        raise FeedUnreadable(f"The feed declares an encoding that is not known: {name}.") from unknown
    if codec in EXPAT_ENCODINGS:
        return body
    text = body.decode(codec, errors="replace")
    return XML_ENCODING.sub(rb"\g<1>utf-8\g<3>", text.encode("utf-8"), count=1)


def _xml_entries(body: bytes, url: str) -> list[Entry]:
    body = as_utf8(body)
    _refuse_unsafe_xml(body)
    parsed = feedparser.parse(body, resolve_relative_uris=False, sanitize_html=True, response_headers={})
    if not parsed.version:
        raise FeedUnreadable("This XML is not a feed: no RSS, RDF or Atom channel was found in it.")
    entries = []
    for entry in parsed.entries[:MAX_ENTRIES]:
        link = _link(entry.get("link"), url) or _link(entry.get("id"), url)
        if link is None:
            continue
        summary = entry.get("summary") or next((c.get("value", "") for c in entry.get("content") or []), "")
        published = _parsed_time(entry.get("published_parsed")) or _parsed_time(entry.get("updated_parsed"))
        entries.append(
            Entry(link, plain(entry.get("title", ""), TITLE_LENGTH), plain(summary, SUMMARY_LENGTH), published)
        )
    return entries


def _json_entries(body: bytes, url: str) -> list[Entry]:
    try:
        feed = json.loads(body)
    except (ValueError, UnicodeDecodeError) as broken:
        raise FeedUnreadable(f"The JSON Feed is not valid JSON: {broken}.") from broken
    if not isinstance(feed, dict) or not str(feed.get("version", "")).startswith("https://jsonfeed.org/version/"):
        raise FeedUnreadable("This JSON is not a JSON Feed: it has no jsonfeed.org version.")
    items = feed.get("items")
    if not isinstance(items, list):
        raise FeedUnreadable("The JSON Feed has no list of items.")
    entries = []
    for item in items[:MAX_ENTRIES]:
        if not isinstance(item, dict):
            continue
        link = _link(item.get("url"), url) or _link(item.get("external_url"), url)
        if link is None:
            continue
        summary = item.get("summary") or item.get("content_text") or item.get("content_html") or ""
        published = _iso_time(item.get("date_published")) or _iso_time(item.get("date_modified"))
        title = item.get("title") if isinstance(item.get("title"), str) else ""
        entries.append(Entry(link, plain(title, TITLE_LENGTH), plain(str(summary), SUMMARY_LENGTH), published))
    return entries


def _looks_like_json(body: bytes, content_type: str) -> bool:
    return content_type in JSON_TYPES or body.lstrip()[:1] in (b"{", b"[")


def parse_feed(body: bytes, *, content_type: str, url: str) -> list[Entry]:
    """The entries of the feed at `url` (at most MAX_ENTRIES, those without a usable link left
    out); FeedUnreadable says why there are none to read."""
    if not body.strip():
        raise FeedUnreadable("The feed's address answered with nothing.")
    if _looks_like_json(body, content_type):
        return _json_entries(body, url)
    head = body.lstrip()[:512].lower()
    if content_type in HTML_TYPES and (b"<!doctype html" in head or b"<html" in head):
        raise FeedUnreadable(
            "This address is a web page (HTML), not a feed: give the address of the site's RSS, Atom or "
            "JSON Feed, which the page may link to."
        )
    return _xml_entries(body, url)
