"""Feeds as outlets serve them (RSS 2.0, RSS 1.0, Atom, JSON Feed) and as attackers would (tests/feeds)."""

import json
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

Article = tuple[str, str, datetime | None]  # link, title, date


def rss(articles: list[Article], *, summary: str = "") -> bytes:
    items = "".join(
        f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
        f"<description>{escape(summary)}</description>"
        + (f"<pubDate>{format_datetime(day)}</pubDate>" if day else "")
        + "</item>"
        for link, title, day in articles
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>News</title>'
        f"<link>http://example.org/</link><description>d</description>{items}</channel></rss>"
    ).encode()


def rss1(articles: list[Article]) -> bytes:
    items = "".join(
        f'<item rdf:about="{escape(link)}"><title>{escape(title)}</title><link>{escape(link)}</link>'
        + (f"<dc:date>{day.isoformat()}</dc:date>" if day else "")
        + "</item>"
        for link, title, day in articles
    )
    return (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<channel rdf:about="http://example.org/"><title>News</title><link>http://example.org/</link>'
        f"<description>d</description></channel>{items}</rdf:RDF>"
    ).encode()


def atom(articles: list[Article]) -> bytes:
    entries = "".join(
        f'<entry><title>{escape(title)}</title><link rel="alternate" href="{escape(link)}"/><id>{escape(link)}</id>'
        + (f"<updated>{day.isoformat()}</updated><published>{day.isoformat()}</published>" if day else "")
        + "</entry>"
        for link, title, day in articles
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>'
        f"<id>urn:x</id><updated>2021-10-21T00:00:00Z</updated>{entries}</feed>"
    ).encode()


def json_feed(articles: list[Article]) -> bytes:
    items = [
        {"id": link, "url": link, "title": title, **({"date_published": day.isoformat()} if day else {})}
        for link, title, day in articles
    ]
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "News", "items": items}).encode()


def day(n: int, hour: int = 12) -> datetime:
    return datetime(2021, 10, n, hour, tzinfo=UTC)


XXE_FILE = (
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    b'<rss version="2.0"><channel><title>t</title><item><title>&secret;</title>'
    b"<link>http://example.org/a</link></item></channel></rss>"
)


def xxe_url(url: str) -> bytes:
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY remote SYSTEM "{url}">]>'
        '<rss version="2.0"><channel><title>t</title><item><title>&remote;</title>'
        "<link>http://example.org/a</link></item></channel></rss>"
    ).encode()


def external_dtd(url: str) -> bytes:
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{url}">'
        '<rss version="2.0"><channel><title>t</title><item><title>A</title>'
        "<link>http://example.org/a</link></item></channel></rss>"
    ).encode()


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'.encode() for n in range(1, 10)
    )
    + b']><rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title>'
    b"<link>http://example.org/a</link></item></channel></rss>"
)
MALFORMED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>A</item></channel>'
HTML_PAGE = b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>"
