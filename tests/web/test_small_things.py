"""The small things of issue 23, item 7: the favicon, a quote's emphasis, the description's source,
long outlet names in the graph."""

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

from claims.capture.metadata import read_page
from claims.templatetags.quotes import emphasis
from tests.factories import make_actor, make_affiliation, make_outlet

pytestmark = pytest.mark.django_db


def test_favicon_ico_is_the_sites_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301 and response["Location"].endswith("web/favicon.svg")
    assert finders.find("web/favicon.svg")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a report by the pro-Hezbollah Lebanese daily *al-Akhbar*", "daily <em>al-Akhbar</em>"),
        ("**denied** it", "<strong>denied</strong> it"),
        ("5 * 3 * 2 and a*b", "5 * 3 * 2 and a*b"),
        ("*<script>alert(1)</script>*", "<em>&lt;script&gt;alert(1)&lt;/script&gt;</em>"),
        ("two\nlines", "two<br>lines"),
    ],
)
def test_a_quotes_light_markdown_is_shown_as_emphasis_and_nothing_else_as_markup(text, shown):
    assert shown in emphasis(text)


def test_an_affiliation_quote_on_the_outlet_page_has_no_raw_asterisks(client):
    outlet = make_outlet("Central Media")
    make_affiliation(outlet, make_actor("Hezbollah"), quote="republishes *al-Akhabar*'s report",
                     stated_by_url="https://example.org/")  # fmt: skip

    page = client.get(reverse("web:outlet-detail", args=[outlet.slug])).text

    assert "republishes <em>al-Akhabar</em>&#x27;s report" in page and "*al-Akhabar*" not in page


def test_the_description_is_named_for_the_json_ld_that_gave_it():
    html = (
        '<html lang="en"><head><script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "H", "description": "From the JSON-LD."}</script>'
        '<meta name="description" content="From the meta tag."></head><body><article><p>'
        + "Words of the article. " * 30
        + "</p></article></body></html>"
    )

    read = read_page(html, "https://example.org/a")

    assert (read.fields["description"].value, read.fields["description"].source) == ("From the JSON-LD.", "json-ld")


def test_the_description_falls_back_to_the_meta_tag_by_its_own_name():
    html = '<html><head><meta name="Description" content="  From the   meta tag. "></head><body><p>x</p></body></html>'

    assert read_page(html, "https://example.org/a").fields["description"].source == "meta"


def test_the_graph_gives_a_long_outlet_name_in_full_where_the_box_cuts_it(editor):
    from tests.factories import make_appearance, make_claim

    long_name = "The Syrian Observatory for Human Rights and the Coordination Committees of the Revolution"
    claim = make_claim("A claim")
    make_appearance(claim, make_outlet(long_name))
    client = Client()
    client.force_login(editor)

    page = client.get(reverse("web:claim-detail", args=[claim.pk])).text

    assert f'data-describe="\u2068{long_name}\u2069 · 2021-10-21' in page  # the name isolated (docs/i18n.md)
    assert "data-graph-caption" in page and "…\u2069</text>" in page
