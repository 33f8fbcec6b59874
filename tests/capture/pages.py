"""The five seed reports as the news pages they were: bylines, dates, JSON-LD, links among them.

Each site is a local server on an address of its own (127.0.0.2 …), so each outlet is known by
its own domain, as on the web. The pages are built for the tests from the seed documents'
text; one more site, unknown to the directory, republishes the Washington Institute's analysis.
"""

import html
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

DOCUMENTS = Path(settings.BASE_DIR).parent / "shared" / "seed-documents"


@dataclass(frozen=True)
class Site:
    key: str  # the seed outlet's slug
    host: str
    name: str
    document: str
    path: str
    headline: str
    published: str  # ISO date, or "" for a page that gives none
    author: str
    dating: str  # how the page says its date: "json-ld", "opengraph", "text"


SITES = [
    Site("memri", "127.0.0.2", "MEMRI", "000_fe2aeb450d1bbd91.txt", "/reports/allies-of-syria-operations-room",
         "'Allies Of Syria Operations Room' – A Tool For The Implementation Of Plans Of The Iran-Led Axis Of "
         "Resistance, To Expel American Forces From Syria", "2021-11-11", "", "json-ld"),
    Site("washington-institute", "127.0.0.3", "The Washington Institute for Near East Policy",
         "001_9346788431656a35.txt", "/policy-analysis/interpreting-reemergence-allies-syria-operations-room",
         "Interpreting the Reemergence of the Allies of Syria Operations Room", "2021-10-28", "Hamdi Malik",
         "json-ld"),
    Site("pishtaz-news", "127.0.0.4", "Pishtaz News", "002_dfa7bd9c9bcc1723.txt", "/security/operations-room-hamas",
         "Iranian proxies reportedly establish operations room with Hamas after terrorist group's attack on Israel "
         "starts war in Gaza", "2023-10-23", "Anas al-Bar", "opengraph"),
    Site("the-cradle", "127.0.0.5", "The Cradle", "003_e5029d1c168a8525.txt", "/news/strategic-setbacks",
         "Strategic setbacks for US, Israel as the Resistance Axis gains ground in Syria", "2024-05-14",
         "Khalil Nasrallah", "text"),
    Site("the-cradle", "127.0.0.5", "The Cradle", "004_5f785e8561f7f0e8.txt", "/news/russia-iran-coordination",
         "Russian and Iranian forces coordinate to force US withdrawal from Syria: Report", "2023-07-15", "",
         "opengraph"),
]  # fmt: skip
MIRROR = Site(
    "levant-mirror", "127.0.0.7", "Levant Mirror", "001_9346788431656a35.txt", "/2021/10/29/tanf-analysis",
    "Analysis: the return of the Allies of Syria Operations Room", "2021-10-29", "", "json-ld",
)  # fmt: skip


def paragraphs(document: str) -> list[str]:
    text = (DOCUMENTS / document).read_text(encoding="utf-8")
    return [" ".join(block.split()) for block in text.split("\n\n") if len(block.split()) > 6]


def _json_ld(site: Site, publisher: str) -> str:
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": site.headline,
        "publisher": {"@type": "Organization", "name": publisher},
    }  # fmt: skip
    if site.published:
        data["datePublished"] = site.published
    if site.author:
        data["author"] = {"@type": "Person", "name": site.author}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def news_page(site: Site, *, body: list[str] | None = None, links: dict[int, tuple[str, str]] | None = None,
              publisher: str | None = None) -> bytes:  # fmt: skip
    """The page of `site`: its paragraphs (or `body`), with `links` {paragraph: (text, href)} added."""
    head = [f"<title>{html.escape(site.headline)} | {html.escape(site.name)}</title>",
            f'<meta property="og:title" content="{html.escape(site.headline)}">',
            f'<meta property="og:site_name" content="{html.escape(site.name)}">']  # fmt: skip
    if site.dating == "json-ld":
        head.append(_json_ld(site, publisher or site.name))
    if site.dating == "opengraph" and site.published:
        head.append(f'<meta property="article:published_time" content="{site.published}T08:00:00+00:00">')
    if site.author:
        head.append(f'<meta name="author" content="{html.escape(site.author)}">')
    texts = body if body is not None else paragraphs(site.document)
    rendered = []
    for number, text in enumerate(texts):
        words = html.escape(text)
        if links and number in links:
            label, href = links[number]
            words += f' See <a href="{html.escape(href)}">{html.escape(label)}</a>.'
        rendered.append(f"<p>{words}</p>")
    byline = f'<p class="byline">By {html.escape(site.author)}</p>' if site.author else ""
    dateline = f'<p class="dateline">Published {site.published}</p>' if site.dating == "text" else ""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">' + "".join(head) + "</head><body>"
        '<header><nav><a href="/">Home</a> <a href="/about">About</a></nav></header>'
        f"<main><article><h1>{html.escape(site.headline)}</h1>{byline}{dateline}"
        + "".join(rendered)
        + "</article></main><footer><p>All rights reserved.</p></footer></body></html>"
    ).encode()
