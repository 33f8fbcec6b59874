"""Under the Content-Security-Policy every page still works, and Chromium reports no violation (issue 16).

Chromium fires `securitypolicyviolation` for each thing the policy refuses (an inline
script or style, an image from elsewhere, an eval) and logs it to the console; both are
collected on every page, from the first script on.
"""

import re

import pytest
from django.core.management import call_command

from claims.models import Claim, Outlet
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture
def seeds() -> None:
    call_command("load_seeds", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def watched(page) -> tuple[object, list[str]]:
    """The page, and the console's CSP messages as they come."""
    console: list[str] = []
    page.add_init_script(WATCH)
    page.on("console", lambda message: console.append(message.text))
    return page, console


def violations(tab: object, console: list[str]) -> list[str]:
    reported = tab.evaluate("window.__violations || []")
    logged = [text for text in console if "Content Security Policy" in text or "Refused to" in text]
    return reported + logged


def visit(tab: object, console: list[str], path: str, ready: str) -> None:
    response = tab.goto(path)
    assert response.status == 200, path
    assert "default-src 'self'" in response.headers["content-security-policy"], path
    tab.wait_for_selector(ready)
    tab.wait_for_load_state("networkidle")
    found = violations(tab, console)
    assert found == [], (path, found)


def test_the_public_pages_load_without_a_violation(seeds, watched):
    tab, console = watched
    claim = Claim.objects.filter(review_state="published").order_by("-appearance_count", "id").first()
    outlet = Outlet.objects.order_by("id").first()

    visit(tab, console, "/", "tr.claim-row")
    visit(tab, console, "/?q=Tanf&ordering=-confidence", "tr.claim-row .confidence__meter rect")
    visit(tab, console, f"/claims/{claim.pk}/", "svg.chain-graph g.node")
    tab.locator("svg.chain-graph a.node-link").last.hover()  # graph.js runs: the trace lights up
    assert "is-tracing" in (tab.locator("svg.chain-graph").get_attribute("class") or "")
    visit(tab, console, f"/claims/{claim.pk}/?as_of=2021-10-22", ".as-of--past")
    visit(tab, console, f"/outlets/{outlet.slug}/", ".bars__fill")
    visit(tab, console, "/events/", "main h1")
    visit(tab, console, "/outlets/", "main h1")
    visit(tab, console, "/login/", "#id_username")

    assert violations(tab, console) == []


def test_the_confidence_bar_is_as_wide_as_the_confidence(seeds, watched):
    tab, console = watched
    claim = Claim.objects.filter(review_state="published", confidence__gt=10).order_by("id").first()

    visit(tab, console, f"/?q={claim.text[:25]}", "tr.claim-row")
    row = tab.locator(f'tr.claim-row[data-claim="{claim.pk}"] .confidence__meter')
    track = row.bounding_box()
    fill = row.locator("rect").bounding_box()

    assert fill["width"] == pytest.approx(track["width"] * claim.confidence / 100, abs=1.5)


def test_the_newsroom_pages_and_the_admin_load_without_a_violation(seeds, watched, reviewer, superuser):
    tab, console = watched
    claim = Claim.objects.order_by("id").first()

    log_in(tab, "rita", "rita-pass-1234")
    visit(tab, console, "/review/", "main h1")
    visit(tab, console, f"/claims/{claim.pk}/", "svg.chain-graph")

    tab.context.clear_cookies()
    visit(tab, console, "/admin/login/", "#id_username")
    tab.fill("#id_username", "sam")
    tab.fill("#id_password", "sam-pass-1234")
    tab.click("input[type=submit]")
    tab.wait_for_selector("#site-name")
    visit(tab, console, "/admin/", "#content-main")
    visit(tab, console, "/admin/claims/claim/", "#result_list")
    visit(tab, console, f"/admin/claims/claim/{claim.pk}/change/", "#content-main form")
    visit(tab, console, "/admin/claims/outlet/add/", "#content-main form")

    assert violations(tab, console) == []


def test_swagger_ui_works_under_the_policy(seeds, watched):
    tab, console = watched

    visit(tab, console, "/api/docs/", ".swagger-ui .opblock")

    assert tab.locator(".swagger-ui .opblock").count() > 30
    assert re.search(r"Provenance API", tab.locator(".swagger-ui .info .title").inner_text())
    tab.locator(".opblock-summary-path", has_text="/api/v1/claims/").first.click()
    tab.wait_for_selector(".opblock.is-open .parameters")
    tab.get_by_role("button", name="Try it out").first.click()
    tab.get_by_role("button", name="Execute").first.click()
    tab.wait_for_selector(".opblock.is-open .responses-table .response-col_status")
    assert violations(tab, console) == []


def test_an_injected_inline_script_is_refused(seeds, watched):
    """The policy is in force: a script the page did not load from our origin does not run."""
    tab, console = watched
    visit(tab, console, "/", "tr.claim-row")

    tab.evaluate(
        """() => { const s = document.createElement("script"); s.textContent = "window.__ran = true";
                   document.body.appendChild(s); }"""
    )

    assert tab.evaluate("window.__ran === true") is False
    assert any("script-src" in v for v in violations(tab, console))
