"""Digits and dates as the reader's locale writes them; ids and URLs keep theirs. The graph for
a right-to-left page is the same drawing, mirrored."""

import re
from datetime import date

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from claims.locale_digits import locale_digits
from claims.selectors.chains import claim_chain
from claims.web.graph import NODE_W, chain_layout
from claims.web.graph_mirror import mirrored

ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
PERSIAN = "۰۱۲۳۴۵۶۷۸۹"


@given(st.integers(min_value=0))
def test_each_language_writes_a_number_in_its_own_digits(number):
    written = str(number)
    assert locale_digits(written, "en") == written
    assert locale_digits(written, "ar") == written.translate(str.maketrans("0123456789", ARABIC_INDIC))
    assert locale_digits(written, "fa") == written.translate(str.maketrans("0123456789", PERSIAN))


def test_the_arabic_digits_follow_the_region_set(settings):
    from claims.locale_digits import _table

    _table.cache_clear()
    settings.NUMBER_LOCALES = {"ar": "ar_MA"}  # the Maghreb writes Latin digits
    try:
        assert locale_digits("2021", "ar") == "2021"
    finally:
        _table.cache_clear()


@pytest.mark.django_db
def test_a_persian_page_writes_dates_in_persian_digits_and_links_in_latin(newsroom, client_as):
    page = client_as(None, "fa").get(reverse("web:claim-detail", args=[newsroom.published.pk])).text

    assert "۲۰۲۱-۱۰-۲۱" in page  # the first appearance's date
    appearances = page.split('id="appearances"', 1)[1].split("</section>", 1)[0]
    assert "2021-10-2" not in re.sub(r'(href|id)="[^"]*"', "", appearances)
    assert f'href="/claims/{newsroom.published.pk}/' in page or f"/claims/{newsroom.published.pk}/" in page
    assert f'id="appearance-{newsroom.origin.pk}"' in page


@pytest.mark.django_db
def test_the_mirrored_graph_runs_from_right_to_left(newsroom):
    chain = claim_chain(newsroom.published)
    layout, mirror = chain_layout(chain), mirrored(chain_layout(chain))
    by_date = sorted(chain.nodes, key=lambda n: (n.published_on, n.id))
    x = {node.id: node.x for node in mirror.nodes}

    assert x[by_date[0].id] > x[by_date[-1].id]
    assert mirror.width == layout.width and mirror.rtl
    for plain, flipped in zip(layout.nodes, mirror.nodes, strict=True):
        assert flipped.x == layout.width - plain.x - NODE_W and flipped.y == plain.y
    for plain, flipped in zip(layout.edges, mirror.edges, strict=True):
        assert flipped.label_x == layout.width - plain.label_x
        assert len(re.findall(r"-?\d+,-?\d+", flipped.path)) == len(re.findall(r"-?\d+,-?\d+", plain.path))
    assert date(2021, 10, 21) == by_date[0].published_on
