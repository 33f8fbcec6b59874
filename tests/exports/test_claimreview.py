from claims.exports.claimreview import claimreview_document
from claims.models import ReviewTransition
from claims.selectors.chains import claim_chain
from claims.services.workflow import claim_retract
from tests.exports.chains import SampleChain

PAGE = "https://provenance.example.org/claims/7/"


def review_of(claim) -> dict:
    return claimreview_document(claim, claim_chain(claim), claim_url=PAGE)


def test_it_is_a_claimreview_of_the_claim_text(sample: SampleChain) -> None:
    review = review_of(sample.claim)
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == sample.claim.text
    assert review["url"] == PAGE
    assert review["author"] == {"@type": "Organization", "name": "Provenance", "url": "https://provenance.example.org/"}


def test_rating_is_the_confidence_on_its_own_scale_with_its_words(sample: SampleChain) -> None:
    rating = review_of(sample.claim)["reviewRating"]
    assert rating["@type"] == "Rating"
    assert (rating["ratingValue"], rating["worstRating"], rating["bestRating"]) == (sample.claim.confidence, 0, 100)
    assert rating["alternateName"] == sample.claim.confidence_label
    assert rating["ratingExplanation"].startswith(f"Admiralty code {sample.claim.admiralty_code}.")


def test_item_reviewed_is_a_claim_by_its_origin_outlets_with_every_appearance(sample: SampleChain) -> None:
    item = review_of(sample.claim)["itemReviewed"]
    assert item["@type"] == "Claim"
    assert [a["name"] for a in item["author"]] == ["Al-Akhbar", "Al-Manar"]
    assert all(a["@type"] == "Organization" for a in item["author"])
    assert item["datePublished"] == "2021-10-21"
    assert len(item["appearance"]) == 5
    assert {w["publisher"]["name"] for w in item["appearance"]} == {
        "Al-Akhbar",
        "Al-Manar",
        "Levant Wire",
        "Desert Institute",
    }
    assert all(w["@type"] == "CreativeWork" for w in item["appearance"])


def test_first_appearance_is_the_earliest_origin(sample: SampleChain) -> None:
    first = review_of(sample.claim)["itemReviewed"]["firstAppearance"]
    assert first == {
        "@type": "CreativeWork",
        "url": "https://al-akhbar.com/Syria/316850",
        "headline": "The Allies of Syria operations room kept its promise",
        "inLanguage": "ar",
        "datePublished": "2021-10-21",
        "publisher": {"@type": "Organization", "name": "Al-Akhbar", "url": "https://al-akhbar.com"},
    }


def test_date_published_is_when_the_claim_was_approved(sample: SampleChain) -> None:
    approved = ReviewTransition.objects.get(claim=sample.claim, to_state="published")
    review = review_of(sample.claim)
    assert review["datePublished"] == approved.at.date().isoformat()
    assert review["creativeWorkStatus"] == "Published"


def test_a_draft_has_no_publication_date(draft_sample: SampleChain) -> None:
    review = review_of(draft_sample.claim)
    assert "datePublished" not in review
    assert review["creativeWorkStatus"] == "Draft"


def test_a_retracted_claim_says_so(sample: SampleChain) -> None:
    claim_retract(claim=sample.claim, reason="Its only source withdrew it.")
    sample.claim.refresh_from_db()
    assert review_of(sample.claim)["creativeWorkStatus"] == "Retracted"
