"""The web UI in a real headless Chromium, on the seed corpus: log in, search, open a claim,
read its graph, approve from the review queue. Screenshots go to artifacts/screenshots/."""

import re

import pytest
from django.core.management import call_command

from claims.models import Appearance, Claim
from claims.services.workflow import claim_submit
from tests.browser.conftest import PHONE, log_in
from tests.factories import make_appearance, make_claim, make_outlet

# The live server needs committed data; serialized_rollback restores the roles the
# migration created after each test's flush.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CONTESTED = "al-tanf-drone-attack-2021-10-20"  # three actors named for one attack in the seeds
AL_TANF = "The Allies of Syria Operations Room was behind the October 20, 2021 drone attack"


@pytest.fixture
def seeds() -> None:
    call_command("load_seeds", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115


def largest_seed_claim() -> Claim:
    return Claim.objects.filter(review_state="published").order_by("-appearance_count", "id").first()


def test_reviewer_logs_in_and_searches(seeds, page, reviewer, screenshot):
    log_in(page, "rita", "rita-pass-1234")

    page.fill("input[name=q]", "Tanf")
    page.click(".search__bar button")
    page.wait_for_url(re.compile(r"q=Tanf"))

    rows = page.locator("tr.claim-row")
    assert rows.count() > 0
    assert rows.filter(has_text=AL_TANF).count() == 1
    assert "reviewer" in page.locator(".site-user").inner_text()
    screenshot(page, "claims-list")


def test_a_seed_claim_shows_its_graph_with_one_node_per_current_appearance(seeds, page, reviewer, screenshot):
    claim = largest_seed_claim()
    current = Appearance.objects.current().filter(claim=claim).count()
    log_in(page, "rita", "rita-pass-1234")

    page.goto("/?ordering=-confidence&q=" + claim.text[:30])
    page.get_by_role("link", name=claim.text[:40]).first.click()
    page.wait_for_selector("svg.chain-graph")

    assert current >= 3
    assert page.locator("svg.chain-graph g.node").count() == current
    assert page.locator("svg.chain-graph g.node--origin").count() >= 1
    assert page.locator("#appearances tbody tr").count() == current
    screenshot(page, "claim-with-graph")
    page.locator("svg.chain-graph a.node-link").last.hover()
    assert "is-tracing" in (page.locator("svg.chain-graph").get_attribute("class") or "")


def test_as_of_date_recomputes_the_claim_page(seeds, page, reviewer):
    claim = largest_seed_claim()
    first = Appearance.objects.current().filter(claim=claim).order_by("published_on").first()
    log_in(page, "rita", "rita-pass-1234")
    page.goto(f"/claims/{claim.pk}/")

    page.fill("#id_as_of", first.published_on.isoformat())
    page.get_by_role("button", name="Show").click()
    page.wait_for_selector(".as-of--past")

    on_that_day = Appearance.objects.current().filter(claim=claim, published_on__lte=first.published_on).count()
    assert page.locator("svg.chain-graph g.node").count() == on_that_day


def test_reviewer_approves_a_claim_from_the_queue(seeds, page, editor, reviewer, screenshot):
    claim = make_claim("Kataib Hezbollah fired the rockets at the Kirkuk base", by=editor)
    make_appearance(claim, make_outlet("Rudaw"))
    claim_submit(claim=claim, by=editor)
    log_in(page, "rita", "rita-pass-1234")

    page.get_by_role("link", name="Review queue").click()
    item = page.locator(f'article.queue-item[data-claim="{claim.pk}"]')
    item.locator("form.step-form--approve textarea").fill("Checked against the original report.")
    screenshot(page, "review-queue")
    item.locator("button.button--approve").click()

    page.wait_for_selector(".notice--success")
    assert "Approve: done" in page.locator(".messages").inner_text()
    claim.refresh_from_db()
    assert claim.review_state == "published"
    assert claim.transitions.latest("id").by == reviewer


def test_outlet_and_event_pages(seeds, page, screenshot):
    page.goto("/outlets/al-akhbar/")
    assert page.locator("h1").inner_text() == "Al-Akhbar"
    assert page.locator("text=Track record").count() == 1
    screenshot(page, "outlet")

    page.goto("/events/")
    page.locator(f'a[href="/events/{CONTESTED}/"]').click()
    page.wait_for_selector(".attributions")
    ranked = [int(pk) for pk in page.locator(".attribution").evaluate_all("els => els.map(e => e.dataset.claim)")]
    expected = Claim.objects.visible_to(None).filter(event__slug=CONTESTED, subject__isnull=False)
    assert ranked == list(
        expected.order_by("-confidence", "-independent_origin_count", "id").values_list("pk", flat=True)
    )
    assert len(ranked) >= 2
    screenshot(page, "event")


def test_claim_page_fits_a_phone_screen(seeds, page, screenshot):
    claim = largest_seed_claim()
    page.set_viewport_size(PHONE)

    page.goto(f"/claims/{claim.pk}/")

    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than the phone"
    assert page.locator("#appearances thead").is_hidden()  # the table became stacked cards
    screenshot(page, "claim-phone")
