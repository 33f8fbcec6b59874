"""schema.org ClaimReview (JSON-LD) of one claim, as fact-checking tools and search engines read it.

Mapping (see docs/api-exports-import.md):
- claimReviewed is the claim's text; itemReviewed is a schema.org Claim whose
  author is the outlets of its origins, appearance every current appearance
  and firstAppearance the earliest origin.
- reviewRating carries the confidence on its own 0-100 scale (bestRating 100,
  worstRating 0) and the ICD 203 words as alternateName. The Admiralty code and
  the factors go to ratingExplanation: they are reasons, not the rating.
- datePublished is when the claim was approved (its transition to published);
  a claim never published has none.
"""

from urllib.parse import urlsplit, urlunsplit

from claims.choices import ReviewState
from claims.models import Appearance, Claim, Outlet
from claims.selectors.chains import Chain, ChainNode
from claims.selectors.exports import ChainDetails, chain_details
from claims.selectors.pending import pending_note

PUBLISHER_NAME = "Provenance"

# schema.org's creativeWorkStatus is free text; these are the words we use for each state.
WORK_STATUS = {
    ReviewState.DRAFT: "Draft",
    ReviewState.IN_REVIEW: "Draft",
    ReviewState.REJECTED: "Draft",
    ReviewState.PUBLISHED: "Published",
    ReviewState.RETRACTED: "Retracted",
}


def site_root(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/", "", ""))


def _without_blanks(values: dict) -> dict:
    return {key: value for key, value in values.items() if value not in ("", None, [])}


def organization(outlet: Outlet) -> dict:
    return _without_blanks({"@type": "Organization", "name": outlet.name, "url": outlet.url})


def creative_work(node: ChainNode, appearance: Appearance | None, outlet: Outlet) -> dict:
    return _without_blanks(
        {
            "@type": "CreativeWork",
            "url": node.url,
            "headline": node.headline,
            "author": {"@type": "Person", "name": appearance.author} if appearance and appearance.author else None,
            "inLanguage": appearance.language if appearance else "",
            "datePublished": node.published_on.isoformat(),
            "publisher": organization(outlet),
        }
    )


def _rating_explanation(claim: Claim, details: ChainDetails) -> str:
    reasons = " ".join(factor.get("detail", "") for factor in claim.confidence_factors or [])
    return f"{pending_note(details.pending_reasons)} Admiralty code {claim.admiralty_code}. {reasons}".strip()


def claimreview_document(claim: Claim, chain: Chain, *, claim_url: str, details: ChainDetails | None = None) -> dict:
    details = details or chain_details(claim, chain)
    works = {
        node.id: creative_work(node, details.appearances.get(node.id), details.outlets[node.outlet_id])
        for node in chain.nodes
    }
    origins = [node for node in chain.nodes if node.is_origin]  # nodes come ordered by date, then id
    origin_outlets = list({node.outlet_id: details.outlets[node.outlet_id] for node in origins}.values())
    item = _without_blanks(
        {
            "@type": "Claim",
            "author": [organization(outlet) for outlet in origin_outlets],
            "datePublished": claim.first_reported.isoformat() if claim.first_reported else None,
            "appearance": [works[node.id] for node in chain.nodes],
            "firstAppearance": works[origins[0].id] if origins else None,
        }
    )
    root = site_root(claim_url)
    return _without_blanks(
        {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": claim_url,
            "claimReviewed": claim.text,
            "itemReviewed": item,
            "author": {"@type": "Organization", "name": PUBLISHER_NAME, "url": root},
            "datePublished": details.published_at.date().isoformat() if details.published_at else None,
            "creativeWorkStatus": WORK_STATUS.get(claim.review_state, "Draft"),
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": claim.confidence,
                "bestRating": 100,
                "worstRating": 0,
                "alternateName": claim.confidence_label,
                "ratingExplanation": _rating_explanation(claim, details),
            },
        }
    )
