"""What a news page says about itself: title, author, site, publisher, date, language, main text.

Read with the libraries made for it, each field from the best source that has it, and the
source kept beside the value (docs/capture.md):

- the page's own structured data, read by extruct: JSON-LD (`NewsArticle`, `Article`, …:
  `headline`, `datePublished`, `author`, `publisher`, `inLanguage`, `description`) and
  OpenGraph (`og:title`, `og:site_name`, `article:published_time`, `og:locale`,
  `og:description`), and the `<meta name=description>` tag;
- trafilatura for the main text (the article without menus and footers), its links, and
  title, author and site name where the structured data has none;
- htmldate for the publication date where neither says it;
- the `<html lang>` attribute for the language.
"""

from dataclasses import dataclass, field
from datetime import date

import extruct
import htmldate
import lxml.html
import trafilatura
from dateutil import parser as dates

ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "Report"}


@dataclass(frozen=True)
class Found:
    value: object
    source: str  # where it was read: "json-ld", "opengraph", "meta", "trafilatura", "htmldate", "html"


@dataclass
class PageMetadata:
    fields: dict[str, Found] = field(default_factory=dict)
    main_text: str = ""
    links: list[str] = field(default_factory=list)  # the hrefs of the main text, as written

    def value(self, name: str) -> object:
        found = self.fields.get(name)
        return found.value if found else None

    def as_json(self) -> dict:
        """Each field with its source, as kept on the snapshot; the main text's links among them."""
        kept = {name: {"value": _json(found.value), "source": found.source} for name, found in self.fields.items()}
        if self.links:
            kept["links"] = {"value": self.links, "source": "trafilatura"}
        return kept


def _json(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def _name(value: object) -> str:
    """A schema.org Person or Organization, a list of them, or a plain string, as a name."""
    if isinstance(value, list):
        return ", ".join(filter(None, (_name(item) for item in value)))
    if isinstance(value, dict):
        return str(value.get("name") or "").strip()
    return str(value or "").strip()


def _day(value: object) -> date | None:
    if not value:
        return None
    try:
        return dates.isoparse(str(value)).date()
    except (ValueError, OverflowError):
        try:
            return dates.parse(str(value)).date()
        except (ValueError, OverflowError):
            return None


def _articles(items: list[dict]) -> list[dict]:
    found = []
    for item in items:
        kinds = item.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if ARTICLE_TYPES & set(map(str, kinds)):
            found.append(item)
        found += _articles(item.get("@graph", [])) if isinstance(item.get("@graph"), list) else []
    return found


def _structured(html: str, url: str) -> tuple[dict, dict]:
    try:
        data = extruct.extract(html, base_url=url, syntaxes=["json-ld", "opengraph"], uniform=True, errors="ignore")
    except Exception:  # a page whose markup the parsers cannot read has no structured data
        return {}, {}
    article = next(iter(_articles(data.get("json-ld", []))), {})
    opengraph = next(iter(data.get("opengraph", [])), {})
    return article, opengraph


def _first(fields: dict[str, Found], name: str, *candidates: tuple[object, str]) -> None:
    for value, source in candidates:
        if value not in (None, "", []):
            fields[name] = Found(value, source)
            return


def read_page(html: str, url: str) -> PageMetadata:
    article, opengraph = _structured(html, url)
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_links=False, include_comments=False, output_format="python"
    )
    extracted = document.as_dict() if document is not None else {}
    fields: dict[str, Found] = {}
    _first(
        fields, "headline",
        (str(article.get("headline") or "").strip(), "json-ld"),
        (str(opengraph.get("og:title") or "").strip(), "opengraph"),
        (extracted.get("title"), "trafilatura"),
    )  # fmt: skip
    _first(fields, "author", (_name(article.get("author")), "json-ld"), (extracted.get("author"), "trafilatura"))
    _first(fields, "publisher", (_name(article.get("publisher")), "json-ld"))
    _first(
        fields, "site_name",
        (str(opengraph.get("og:site_name") or "").strip(), "opengraph"),
        (extracted.get("sitename"), "trafilatura"),
    )  # fmt: skip
    _first(
        fields, "published_on",
        (_day(article.get("datePublished")), "json-ld"),
        (_day(opengraph.get("article:published_time")), "opengraph"),
        (_day(htmldate.find_date(html, url=url, original_date=True, extensive_search=False)), "htmldate"),
    )  # fmt: skip
    _first(
        fields, "language",
        (_language(article.get("inLanguage")), "json-ld"),
        (_html_lang(html), "html"),
        (_language(opengraph.get("og:locale")), "opengraph"),
    )  # fmt: skip
    # trafilatura's description is taken from these same tags: each is named for where it is in the page.
    _first(
        fields, "description",
        (str(article.get("description") or "").strip(), "json-ld"),
        (str(opengraph.get("og:description") or "").strip(), "opengraph"),
        (_meta_description(html), "meta"),
        (extracted.get("description"), "trafilatura"),
    )  # fmt: skip
    _first(fields, "canonical_url", (extracted.get("url"), "trafilatura"))
    return PageMetadata(fields=fields, main_text=extracted.get("text") or "", links=main_text_links(html, url))


def _language(value: object) -> str:
    """A BCP 47 tag from `en-US`, `ar_LB` or a schema.org Language."""
    name = _name(value) if isinstance(value, dict | list) else str(value or "")
    return name.replace("_", "-").strip()[:35]


def _root(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(html.encode("utf-8", "replace"))
    except (ValueError, lxml.etree.ParserError):
        return None


def _html_lang(html: str) -> str:
    root = _root(html)
    return _language(root.get("lang") or "") if root is not None else ""


def _meta_description(html: str) -> str:
    root = _root(html)
    if root is None:
        return ""
    found = root.xpath("//meta[translate(@name, 'DESCRIPTION', 'description')='description']/@content")
    return " ".join(str(found[0]).split()) if found else ""


def main_text_links(html: str, url: str) -> list[str]:
    """The targets of the links inside the article's main text (trafilatura keeps them as <ref>)."""
    xml = trafilatura.extract(html, url=url, output_format="xml", include_links=True, with_metadata=False)
    if not xml:
        return []
    try:
        root = lxml.etree.fromstring(xml.encode("utf-8"))
    except lxml.etree.XMLSyntaxError:
        return []
    return [ref.get("target") for ref in root.iter("ref") if ref.get("target")]
