"""Suggested chain edges (SPEC §13): a link to a held appearance suggests `cited`; copied passages
suggest `republished` or `paraphrased`; nothing becomes a citation without a person."""

import pytest

from claims.choices import CaptureState, CitationKind, SuggestionState
from claims.models import Citation, SuggestedCitation
from claims.services.captures import capture_request
from claims.services.citations import citation_create
from tests.capture.pages import MIRROR, SITES
from tests.factories import make_claim, make_outlet

pytestmark = pytest.mark.django_db

MEMRI, INSTITUTE = SITES[0], SITES[1]


@pytest.fixture
def claim():
    return make_claim("The Allies of Syria Operations Room was behind the drone attack on al-Tanf")


@pytest.fixture
def mirror_outlet():
    return make_outlet("Levant Mirror", slug="levant-mirror", domain=MIRROR.host)


def capture(url, claim, editor, committed):
    with committed():
        made = capture_request(url=url, claim=claim, by=editor)
    made.refresh_from_db()
    assert made.status == CaptureState.RECORDED, made.message
    return made


def suggestions_of(claim):
    return list(SuggestedCitation.objects.filter(claim=claim).select_related("citing", "cited").order_by("id"))


def test_a_link_to_a_held_appearance_suggests_a_cited_edge_from_the_later_page(sites, claim, editor, committed):
    institute = capture(sites.url(INSTITUTE), claim, editor, committed)
    memri = capture(sites.url(MEMRI), claim, editor, committed)

    [suggestion] = suggestions_of(claim)

    assert (suggestion.citing, suggestion.cited) == (memri.appearance, institute.appearance)
    assert suggestion.kind == CitationKind.CITED and suggestion.state == SuggestionState.SUGGESTED
    assert suggestion.evidence["link"] == sites.url(INSTITUTE)
    assert not Citation.objects.exists()  # a suggestion only


def test_the_link_is_found_whichever_page_is_captured_first(sites, claim, editor, committed):
    """The later page is captured first: its link names an address no appearance holds yet; the
    earlier page's capture finds the held page that links to it."""
    memri = capture(sites.url(MEMRI), claim, editor, committed)
    assert suggestions_of(claim) == []

    institute = capture(sites.url(INSTITUTE), claim, editor, committed)

    [suggestion] = suggestions_of(claim)
    assert (suggestion.citing, suggestion.cited) == (memri.appearance, institute.appearance)
    assert suggestion.kind == CitationKind.CITED and suggestion.evidence["link"] == sites.url(INSTITUTE)


def test_copied_paragraphs_suggest_a_reuse_edge_with_the_passages_shown(sites, claim, editor, committed, mirror_outlet):
    institute = capture(sites.url(INSTITUTE), claim, editor, committed)
    mirror = capture(sites.url(MIRROR), claim, editor, committed)

    [suggestion] = suggestions_of(claim)

    assert (suggestion.citing, suggestion.cited) == (mirror.appearance, institute.appearance)
    assert suggestion.kind in (CitationKind.REPUBLISHED, CitationKind.PARAPHRASED)
    assert 0.15 <= suggestion.score <= 1 and suggestion.evidence["share"] == suggestion.score
    passages = suggestion.passages
    assert passages and passages == suggestion.evidence["passages"]
    for passage in passages:
        assert set(passage) == {"citing", "cited"}
        assert all(len(words) <= 400 and len(words.split()) >= 12 for words in passage.values())
    # In the pages' own words: capitals and punctuation as published, found in both snapshots' text.
    texts = {
        side: " ".join(a.snapshots.get().main_text.split())
        for side, a in (("citing", mirror.appearance), ("cited", institute.appearance))
    }
    assert any(ch.isupper() for ch in passages[0]["citing"])
    for passage in passages:
        for side, words in passage.items():
            assert words.rstrip("…") in texts[side]


def test_unrelated_reports_suggest_nothing(sites, claim, editor, committed):
    capture(sites.url(SITES[2]), claim, editor, committed)  # Pishtaz, 2023
    capture(sites.url(SITES[3]), claim, editor, committed)  # The Cradle, 2024

    assert suggestions_of(claim) == []


def test_accepting_makes_the_citation_through_its_service(sites, claim, editor, committed, client_for):
    capture(sites.url(INSTITUTE), claim, editor, committed)
    capture(sites.url(MEMRI), claim, editor, committed)
    [suggestion] = suggestions_of(claim)

    response = client_for(editor).post(f"/api/v1/suggestions/{suggestion.pk}/accept/")

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["state"] == "accepted" and body["citation"]
    citation = Citation.objects.get(pk=body["citation"])
    assert (citation.citing, citation.cited, citation.kind) == (suggestion.citing, suggestion.cited, "cited")
    assert "links to" in citation.note
    assert client_for(editor).get(f"/api/v1/claims/{claim.pk}/suggestions/").json() == []

    again = client_for(editor).post(f"/api/v1/suggestions/{suggestion.pk}/accept/")
    assert again.status_code in (400, 409) and Citation.objects.count() == 1


def test_an_accept_the_citation_rules_refuse_changes_nothing(sites, claim, editor, committed, client_for):
    capture(sites.url(INSTITUTE), claim, editor, committed)
    capture(sites.url(MEMRI), claim, editor, committed)
    [suggestion] = suggestions_of(claim)
    citation_create(citing=suggestion.citing, cited=suggestion.cited, kind="cited", by=editor)  # by hand, meanwhile

    response = client_for(editor).post(f"/api/v1/suggestions/{suggestion.pk}/accept/")

    assert 400 <= response.status_code < 500, response.content
    suggestion.refresh_from_db()
    assert suggestion.state == SuggestionState.SUGGESTED and Citation.objects.count() == 1


def test_a_dismissed_suggestion_is_not_made_again(sites, claim, editor, committed, client_for):
    capture(sites.url(INSTITUTE), claim, editor, committed)
    capture(sites.url(MEMRI), claim, editor, committed)
    [suggestion] = suggestions_of(claim)

    response = client_for(editor).post(f"/api/v1/suggestions/{suggestion.pk}/dismiss/")
    capture(sites.url(MEMRI), claim, editor, committed)  # captured again: the same link

    assert response.status_code == 200 and response.json()["state"] == "dismissed"
    assert [s.state for s in suggestions_of(claim)] == [SuggestionState.DISMISSED]
    assert not Citation.objects.exists()


def test_only_editors_decide_and_only_the_newsroom_sees_suggestions(
    sites, claim, editor, reviewer, consumer, committed, client_for, django_assert_max_num_queries
):
    capture(sites.url(INSTITUTE), claim, editor, committed)
    capture(sites.url(MEMRI), claim, editor, committed)
    [suggestion] = suggestions_of(claim)

    refused = client_for(reviewer).post(f"/api/v1/suggestions/{suggestion.pk}/dismiss/")
    hidden = client_for(consumer).post(f"/api/v1/suggestions/{suggestion.pk}/accept/")

    assert refused.status_code == 403 and hidden.status_code == 404
    suggestion.refresh_from_db()
    assert suggestion.state == SuggestionState.SUGGESTED
    with django_assert_max_num_queries(8):
        listed = client_for(reviewer).get(f"/api/v1/claims/{claim.pk}/suggestions/")
    assert [s["id"] for s in listed.json()] == [suggestion.pk]
    assert listed.json()[0]["evidence"]["link"]


def test_the_suggestions_list_is_a_constant_number_of_queries(
    sites, claim, editor, committed, client_for, mirror_outlet, django_assert_num_queries
):
    capture(sites.url(INSTITUTE), claim, editor, committed)
    client = client_for(editor)
    client.get(f"/api/v1/claims/{claim.pk}/suggestions/")  # sessions and caches warm
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as none:
        client.get(f"/api/v1/claims/{claim.pk}/suggestions/")
    capture(sites.url(MEMRI), claim, editor, committed)
    capture(sites.url(MIRROR), claim, editor, committed)
    assert len(suggestions_of(claim)) == 2

    with django_assert_num_queries(len(none.captured_queries)):
        assert len(client.get(f"/api/v1/claims/{claim.pk}/suggestions/").json()) == 2
