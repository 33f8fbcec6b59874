"""What a page says in its own voice: its text and labels, without the user text it shows.

User text is isolated in the markup (dir="auto", <bdi>, dir="ltr" for addresses and codes),
which is what lets a page in Arabic chrome show a Latin name without reordering: the same
marks let a test read the chrome alone.
"""

import re

from lxml import html

# Read by people: the labels a screen reader speaks and a tooltip shows.
SPOKEN_ATTRIBUTES = ("title", "aria-label", "placeholder", "data-label", "alt")
QUOTED = {"script", "style", "code", "pre", "bdi", "textarea"}
# Words that stay as they are in every language: formats, protocols, standards, field names
# of the file formats and the API, and the scale letters.
TECHNICAL = {
    "WARC",
    "RSS",
    "Atom",
    "SHA",
    "JSON",
    "Lines",
    "CSV",
    "API",
    "REST",
    "URL",
    "HTTP",
    "https",
    "http",
    "POST",
    "JSONL",
    "JSON-LD",
    "OpenGraph",
    "htmldate",
    "trafilatura",
    "ms",
    "docs",
    "api",
    "md",
    "webhooks",
    "manage",
    "py",
    "import_claims",
    "sha256",
    "slug",
}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z_\-]{2,}")
# Inside an attribute or an SVG <text>, user text is isolated by FSI … PDI (the `isolate` filter).
ISOLATED = re.compile("\u2068[^\u2069]*\u2069")


def _is_user_text(element: html.HtmlElement) -> bool:
    return element.tag in QUOTED or element.get("dir") in {"auto", "ltr"}


def chrome_text(page: str) -> list[str]:
    """Every piece of text the interface itself writes on the page, attributes included."""
    tree = html.fromstring(page)
    said: list[str] = []

    def walk(element: html.HtmlElement) -> None:
        if not isinstance(element.tag, str) or _is_user_text(element):
            return
        said.extend(element.get(name) for name in SPOKEN_ATTRIBUTES if element.get(name))
        if element.text:
            said.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                said.append(child.tail)

    # The <title> is left out: a claim's page is titled with the claim's own words.
    walk(tree.find("body") if tree.find("body") is not None else tree)
    return said


def latin_words(page: str) -> list[str]:
    """The Latin words of the chrome that no language keeps as they are: strings left unmarked."""
    found = []
    for text in chrome_text(page):
        words = LATIN_WORD.findall(ISOLATED.sub(" ", text))
        found += [w for w in words if w not in TECHNICAL and w.strip("-_") not in TECHNICAL]
    return found
