"""Capture, the captures list, the import page and the webhook pages in Chromium, at 390 px and
1280 px (issue 23): a newcomer's path through them, with nothing running out of its card.

A capture asked for on a page runs in the live server as soon as its request commits (no broker),
against the local news sites of tests/capture/pages.py.
"""

import pytest

from claims.models import Capture, Outlet
from claims.services.background import executor
from tests.browser.conftest import DESKTOP, PHONE, log_in
from tests.capture.pages import MIRROR, SITES
from tests.factories import make_claim, make_outlet

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

INSTITUTE = SITES[1]
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}

# Every element inside a card whose box runs past the card's (scrolling regions aside, which are
# meant to hold wider things), and how far the page is wider than the window.
OVERFLOW = """() => {
  const out = [];
  const scrolls = (el) => { for (let e = el.parentElement; e; e = e.parentElement) {
    const o = getComputedStyle(e).overflowX; if (o === "auto" || o === "scroll") return true; } return false; };
  document.querySelectorAll(".card, .table--cards tr").forEach((card) => {
    const box = card.getBoundingClientRect();
    card.querySelectorAll("*").forEach((el) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || scrolls(el)) return;
      if (r.right > box.right + 1 || r.left < box.left - 1) {
        const where =
          `${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(box.left)}–${Math.round(box.right)}`;
        out.push(`${el.tagName.toLowerCase()}.${el.className} ${where}: ${(el.textContent || "").trim().slice(0, 40)}`);
      }
    });
  });
  return {outside: out.slice(0, 10), wider: document.documentElement.scrollWidth - window.innerWidth};
}"""


def fits(tab, where: str) -> None:
    found = tab.evaluate(OVERFLOW)
    assert found["wider"] <= 0, f"{where}: the page is {found['wider']}px wider than the window"
    assert found["outside"] == [], f"{where}: {found['outside']}"


def at_both_widths(tab, path: str, ready: str, screenshot, name: str) -> None:
    for label, size in WIDTHS.items():
        tab.set_viewport_size(size)
        tab.goto(path)
        tab.wait_for_selector(ready)
        fits(tab, f"{path} at {size['width']} px")
        screenshot(tab, f"{name}-{label}")


@pytest.fixture
def newsroom(sites, editor):
    """The sites of tests/capture, a claim, and an outlet held under the mirror's publisher's name."""
    claim = make_claim("The Allies of Syria Operations Room was behind the drone attack on al-Tanf")
    held = make_outlet("Levant Mirror Media")
    return sites, claim, held


def test_a_capture_from_the_claim_page_to_recorded_then_the_list_at_both_widths(newsroom, page, screenshot):
    sites, claim, _ = newsroom
    log_in(page, "edna", "edna-pass-1234")
    page.goto(f"/claims/{claim.pk}/")
    page.fill("#id_capture-url", sites.url(INSTITUTE))
    page.click("#capture-url button[type=submit]")
    page.wait_for_selector("[data-capture-state=recorded]")

    capture = Capture.objects.get()
    assert "Appearance recorded" in page.locator(".capture").inner_text()
    assert page.locator(".capture-step--done").count() == 5
    assert "Published on" in page.locator(".capture__metadata").inner_text()
    at_both_widths(page, f"/captures/{capture.pk}/", ".capture__digest", screenshot, "capture-recorded")
    at_both_widths(page, "/captures/", ".capture-table", screenshot, "captures-list")
    at_both_widths(page, f"/claims/{claim.pk}/", "#appearances", screenshot, "claim-after-capture")


def test_an_unknown_site_offers_the_outlet_we_hold_and_is_recorded_with_it(newsroom, page, screenshot):
    sites, claim, held = newsroom
    log_in(page, "edna", "edna-pass-1234")
    page.goto(f"/claims/{claim.pk}/")
    page.fill("#id_capture-url", sites.url(MIRROR))
    page.click("#capture-url button[type=submit]")
    page.wait_for_selector("[data-capture-state=needs_outlet]")
    capture = Capture.objects.get()

    assert page.locator(".capture-step--waiting").count() == 1
    at_both_widths(page, f"/captures/{capture.pk}/", ".alike-outlets", screenshot, "capture-needs-outlet")
    page.get_by_role("button", name="Use Levant Mirror Media").click()
    page.wait_for_selector("[data-capture-state=recorded]")

    assert Capture.objects.get().outlet == held and Outlet.objects.filter(name="Levant Mirror Media").count() == 1


def test_suggested_passages_sit_side_by_side_and_fit_at_both_widths(newsroom, page, screenshot):
    sites, claim, _ = newsroom
    make_outlet("Levant Mirror", slug="levant-mirror", domain=MIRROR.host)
    log_in(page, "edna", "edna-pass-1234")
    for site in (INSTITUTE, MIRROR):
        page.goto(f"/claims/{claim.pk}/")
        page.fill("#id_capture-url", sites.url(site))
        page.click("#capture-url button[type=submit]")
        page.wait_for_selector("[data-capture-state=recorded]")
    assert executor.drain(timeout=30)  # the work a recorded capture asks for after it (suggestions)

    page.set_viewport_size(DESKTOP)
    page.goto(f"/claims/{claim.pk}/#suggestions")
    first = page.locator(".passage-pair").first
    sides = first.locator(".passage-pair__side")
    left, right = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
    assert abs(left["y"] - right["y"]) < 2 and left["x"] != right["x"]  # side by side on a desktop
    at_both_widths(page, f"/claims/{claim.pk}/", "#suggestions", screenshot, "claim-suggestions")


def test_the_import_page_and_the_webhook_pages_fit_at_both_widths(editor, page, screenshot):
    log_in(page, "edna", "edna-pass-1234")
    assert page.locator(".site-nav a", has_text="Import").count() == 1

    at_both_widths(page, "/imports/new/", "#format", screenshot, "import-page")
    at_both_widths(page, "/webhooks/", "#new-webhook", screenshot, "webhooks")
    at_both_widths(page, "/jobs/", "h1", screenshot, "jobs")
