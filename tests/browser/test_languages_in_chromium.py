"""The pages in English, Arabic and Persian in Chromium, at 390 px and 1280 px: mirrored for right to
left, nothing running out of its page or its card, the graph's time running the way the page reads.

Screenshots go to artifacts/screenshots/, named language-page-width, for a person to look at.
"""

from datetime import date

import pytest

from claims.services.workflow import claim_publish_imported, claim_submit
from tests.browser.conftest import DESKTOP, PHONE, log_in
from tests.browser.test_capture_pages_in_chromium import fits
from tests.factories import make_actor, make_appearance, make_capture, make_citation, make_claim, make_outlet
from tests.web.newsroom import Newsroom

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LANGUAGES = {"en": "ltr", "ar": "rtl", "fa": "rtl"}
WIDTHS = {"390": PHONE, "1280": DESKTOP}
ARABIC_CLAIM = "أعلنت المقاومة الإسلامية في العراق مسؤوليتها عن الهجوم على قاعدة التنف بطائرات مسيّرة"

# Where the boxes of the graph stand, oldest appearance first.
NODES_BY_DATE = """() => Array.from(document.querySelectorAll("svg.chain-graph g.node"))
  .map((node) => ({date: node.dataset.describe.match(DAY)[0], x: node.getBoundingClientRect().left}))""".replace(
    "DAY", r"/\d{4}-\d{2}-\d{2}|[٠-٩]{4}-[٠-٩]{2}-[٠-٩]{2}|[۰-۹]{4}-[۰-۹]{2}-[۰-۹]{2}/"
)


@pytest.fixture
def newsroom(editor, editor_reviewer):
    """The page tests' newsroom, with an Arabic claim from an Arabic-named outlet beside the English ones."""
    room = Newsroom(editor)
    muqawama = make_actor("المقاومة الإسلامية في العراق", slug="muqawama")
    sabereen = make_outlet("صابرين نيوز", slug="sabereen", language="ar", reliability="E")
    claim = make_claim(ARABIC_CLAIM, subject=muqawama, event=room.attack, by=editor)
    first = make_appearance(claim, sabereen, published_on=date(2021, 10, 20), headline="بيان المقاومة الإسلامية")
    again = make_appearance(claim, room.akhbar, published_on=date(2021, 10, 21), headline="Al-Akhbar repeats it")
    make_citation(again, first, kind="quoted")
    claim_publish_imported(claim=claim, comment="test corpus")
    queued = make_claim("كتائب حزب الله أطلقت الصواريخ on the Kirkuk base", by=editor)
    make_appearance(queued, sabereen, published_on=date(2021, 10, 24))
    claim_submit(claim=queued, by=editor)
    room.arabic = claim
    room.capture = make_capture(by=editor_reviewer, claim=claim)
    return room


def pages(room) -> dict[str, str]:
    return {
        "claim-list": "/",
        "claim-page": f"/claims/{room.published.pk}/",
        "arabic-claim-page": f"/claims/{room.arabic.pk}/",
        "outlet-page": "/outlets/al-akhbar/",
        "capture-page": f"/captures/{room.capture.pk}/",
        "review-queue": "/review/",
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pages_fit_and_mirror_in_each_language(language, browser, live_server, newsroom, screenshot):
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url, locale=language)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    log_in(tab, "erin", "erin-pass-1234")

    for name, path in pages(newsroom).items():
        for width, size in WIDTHS.items():
            tab.set_viewport_size(size)
            tab.goto(path)
            tab.wait_for_selector("main")
            assert tab.get_attribute("html", "lang") == language
            assert tab.get_attribute("html", "dir") == LANGUAGES[language]
            assert tab.evaluate("getComputedStyle(document.body).direction") == LANGUAGES[language]
            fits(tab, f"{path} in {language} at {width} px")
            screenshot(tab, f"{language}-{name}-{width}")
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_graph_runs_the_way_the_page_reads(language, browser, live_server, newsroom):
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url, locale=language)
    tab = context.new_page()
    tab.goto(f"/claims/{newsroom.published.pk}/")
    tab.wait_for_selector("svg.chain-graph g.node")

    nodes = tab.evaluate(NODES_BY_DATE)
    oldest, newest = min(nodes, key=lambda n: n["date"]), max(nodes, key=lambda n: n["date"])
    if LANGUAGES[language] == "rtl":
        assert oldest["x"] > newest["x"]
    else:
        assert oldest["x"] < newest["x"]
    context.close()


def test_a_latin_name_in_arabic_chrome_keeps_its_neighbours_in_place(browser, live_server, newsroom):
    """The outlet cell of a row reads "Al-Akhbar" then its grade, in Arabic chrome as in English:
    the name is isolated, so the grade letter is not pulled into it."""
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url, locale="ar")
    tab = context.new_page()
    tab.goto(f"/claims/{newsroom.published.pk}/")
    name = tab.locator("#appearances td a[dir=auto]", has_text="Al-Akhbar").first
    grade = name.locator("xpath=following-sibling::span[contains(@class,'grade')]").first

    # Right to left: the grade stands to the left of the name, and the name reads as written.
    assert grade.bounding_box()["x"] < name.bounding_box()["x"]
    assert name.inner_text() == "Al-Akhbar"
    context.close()
