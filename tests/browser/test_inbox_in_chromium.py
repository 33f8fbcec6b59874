"""The web inbox in Chromium: the nav's count, keyboard triage (j / k, d, a, c), at phone width too."""

import pytest

from claims.choices import InboxState
from claims.models import InboxItem
from claims.services.feed_polls import feed_poll
from claims.services.feeds import feed_create
from tests.browser.conftest import PHONE, log_in
from tests.factories import make_claim, make_outlet
from tests.feeds.documents import day, rss
from tests.outbound.server import Page, web_server  # noqa: F401 (the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def inbox(web_server, editor):  # noqa: F811
    claim = make_claim("Drone attack on the al-Tanf base by the Allies of Syria")
    site = web_server.url
    stories = [
        (site("/1"), "Drone attack on the al-Tanf base by the Allies of Syria", day(20)),
        (site("/2"), "Budget passed by parliament after a long night", day(21)),
        (site("/3"), "Storm closes the port of Latakia", day(22)),
    ]
    feed = feed_create(outlet=make_outlet("Al-Akhbar"), url=web_server.add("/feed", Page(body=rss(stories))), by=editor)
    feed_poll(feed_id=feed.pk)
    return claim


def item(path: str) -> InboxItem:
    return InboxItem.objects.get(normalized_url__endswith=path)


def test_keyboard_triage_in_the_inbox(page, editor, inbox):
    log_in(page, "edna", "edna-pass-1234")
    page.goto("/inbox/")
    assert page.locator("[data-inbox-nav] .count-badge").inner_text() == "3"
    assert page.locator("[data-item]").count() == 3  # newest first: the port, the budget, the attack

    page.keyboard.press("j")  # the port
    page.keyboard.press("j")  # the budget
    page.keyboard.press("k")  # the port again
    with page.expect_navigation():
        page.keyboard.press("d")
    assert item("/3").state == InboxState.DISMISSED
    assert page.locator("[data-inbox-nav] .count-badge").inner_text() == "2"

    page.keyboard.press("j")  # the budget
    page.keyboard.press("j")  # the attack
    with page.expect_navigation():
        page.keyboard.press("a")  # to its top suggestion
    attack = item("/1")
    assert (attack.state, attack.claim_id) == (InboxState.ATTACHED, inbox.pk)

    page.keyboard.press("j")  # the budget, alone now
    with page.expect_navigation():
        page.keyboard.press("c")
    assert page.locator("#id_text").input_value() == "Budget passed by parliament after a long night"
    page.click("button:has-text('Record the claim')")
    page.wait_for_url("**/claims/*/")
    assert item("/2").state == InboxState.CLAIMED
    assert page.locator("[data-inbox-nav] .count-badge").count() == 0


def test_typing_a_reason_is_not_taken_for_keys(page, editor, inbox):
    log_in(page, "edna", "edna-pass-1234")
    page.goto("/inbox/")
    page.keyboard.press("j")
    field = page.locator("[data-item]").first.locator("input[name=reason]")
    field.fill("")
    field.type("duplicate of a wire story")  # a, d and j in the words press no button
    with page.expect_navigation():
        field.press("Enter")
    port = item("/3")
    assert (port.state, port.dismiss_reason) == (InboxState.DISMISSED, "duplicate of a wire story")


def test_the_inbox_fits_a_phone(page, editor, inbox):
    page.set_viewport_size(PHONE)
    log_in(page, "edna", "edna-pass-1234")
    page.goto("/inbox/")
    wider = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert wider <= 0
