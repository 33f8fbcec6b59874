"""Capturing the seed reports from their pages: an appearance each, read from the page itself."""

from datetime import date

import pytest

from claims.choices import CaptureState, JobState
from claims.models import Capture
from claims.services.captures import capture_request
from tests.capture.pages import SITES
from tests.factories import make_claim

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    return make_claim("The Allies of Syria Operations Room was behind the drone attack on al-Tanf")


def capture(url, claim, editor, committed) -> Capture:
    with committed():
        made = capture_request(url=url, claim=claim, by=editor)
    return Capture.objects.select_related("job", "snapshot", "appearance").get(pk=made.pk)


@pytest.mark.parametrize("site", SITES, ids=[f"{s.key}:{s.path}" for s in SITES])
def test_each_seed_report_becomes_an_appearance_read_from_its_page(sites, claim, editor, committed, site):
    done = capture(sites.url(site, "?utm_source=newsletter&utm_medium=email#comments"), claim, editor, committed)

    assert (done.job.state, done.state) == (JobState.DONE, CaptureState.RECORDED), done.message
    appearance = done.appearance
    assert appearance.outlet == sites.outlets[site.key]
    assert appearance.published_on == date.fromisoformat(site.published)
    assert appearance.headline == site.headline
    assert appearance.language == "en"
    assert appearance.url == sites.url(site)  # tracking parameters and fragment dropped
    assert appearance.created_by == editor
    assert (
        done.snapshot.metadata["published_on"]["source"]
        == {"json-ld": "json-ld", "opengraph": "opengraph", "text": "htmldate"}[site.dating]
    )


def test_the_excerpt_is_the_articles_prose_not_its_headings(sites, claim, editor, committed):
    done = capture(sites.url(SITES[1]), claim, editor, committed)

    excerpt = done.appearance.excerpt
    assert "#" not in excerpt
    assert "Hamdi Malik is an Associate Fellow" in excerpt  # the prose, from its first paragraph
