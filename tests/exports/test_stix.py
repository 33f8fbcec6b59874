from datetime import date

from claims.exports.stix import stix_bundle
from claims.selectors.chains import claim_chain
from claims.services.workflow import claim_retract
from tests.exports.chains import SampleChain
from tests.exports.stix_validation import DEFAULT, STRICT, messages
from tests.factories import make_appearance, make_claim

BASE = "https://provenance.example.org/"
PAGE = "https://provenance.example.org/claims/1/"


def bundle_of(claim) -> dict:
    return stix_bundle(claim, claim_chain(claim), base_url=BASE, claim_url=PAGE)


def by_type(bundle: dict, stix_type: str) -> list[dict]:
    return [o for o in bundle["objects"] if o["type"] == stix_type]


def test_bundle_passes_the_strict_validator_with_no_error(sample: SampleChain) -> None:
    errors, warnings = messages(bundle_of(sample.claim), STRICT)
    assert errors == []
    assert warnings == []


def test_only_warning_by_default_is_the_missing_hash_of_article_urls(sample: SampleChain) -> None:
    errors, warnings = messages(bundle_of(sample.claim), DEFAULT)
    assert errors == []
    assert warnings and all("has a URL but no hash" in w for w in warnings)


def test_validator_refuses_a_broken_bundle(sample: SampleChain) -> None:
    """The validator has its schemas (3.3.1 shipped without them and refused everything alike)."""
    bundle = bundle_of(sample.claim)
    bundle["objects"][1]["confidence"] = 150
    del bundle["objects"][2]["name"]
    errors, _ = messages(bundle, DEFAULT)
    assert any("confidence" in e for e in errors)
    assert any("name" in e for e in errors)


def test_draft_is_a_grouping_and_validates(draft_sample: SampleChain) -> None:
    bundle = bundle_of(draft_sample.claim)
    assert messages(bundle, STRICT) == ([], [])
    assert by_type(bundle, "grouping")[0]["context"] == "unspecified"
    assert not [r for r in by_type(bundle, "report") if r["created_by_ref"] == bundle["objects"][0]["id"]]


def test_claim_without_subject_or_event_validates(db) -> None:
    claim = make_claim("Something was said")
    make_appearance(claim, published_on=date(2021, 10, 21), url="https://example.org/a")
    bundle = bundle_of(claim)
    assert messages(bundle, STRICT) == ([], [])
    summary_id = by_type(bundle, "grouping")[0]["id"]
    assert by_type(bundle, "report")[0]["object_refs"] == [summary_id]


def test_published_claim_is_a_report_by_provenance_with_its_confidence(sample: SampleChain) -> None:
    bundle = bundle_of(sample.claim)
    producer = bundle["objects"][0]
    summary = bundle["objects"][1]
    assert producer["type"] == "identity" and producer["name"] == "Provenance"
    assert summary["type"] == "report" and summary["created_by_ref"] == producer["id"]
    assert summary["confidence"] == sample.claim.confidence
    assert summary["name"] == sample.claim.text
    assert set(summary["object_refs"]) == {o["id"] for o in bundle["objects"][2:]} | {producer["id"]}
    assert "revoked" not in summary


def test_attribution_is_a_relationship_from_the_campaign_to_the_threat_actor(sample: SampleChain) -> None:
    bundle = bundle_of(sample.claim)
    (actor,) = by_type(bundle, "threat-actor")
    (campaign,) = by_type(bundle, "campaign")
    attributions = [r for r in by_type(bundle, "relationship") if r["relationship_type"] == "attributed-to"]
    assert actor["name"] == "Allies of Syria Operations Room"
    assert campaign["name"] == "Drone attack on the al-Tanf base"
    assert campaign["first_seen"] == "2021-10-20T00:00:00.000Z"
    assert len(attributions) == 1
    assert (attributions[0]["source_ref"], attributions[0]["target_ref"]) == (campaign["id"], actor["id"])
    assert attributions[0]["confidence"] == sample.claim.confidence


def test_each_appearance_is_a_report_by_its_outlet_with_its_url(sample: SampleChain) -> None:
    bundle = bundle_of(sample.claim)
    outlets = {o["name"]: o["id"] for o in by_type(bundle, "identity")}
    reports = [r for r in by_type(bundle, "report") if r["created_by_ref"] != outlets["Provenance"]]
    assert len(reports) == 5
    akhbar = next(r for r in reports if r["created_by_ref"] == outlets["Al-Akhbar"])
    assert akhbar["published"] == "2021-10-21T00:00:00.000Z"
    assert akhbar["lang"] == "ar"
    assert akhbar["external_references"] == [
        {
            "source_name": "Al-Akhbar",
            "url": "https://al-akhbar.com/Syria/316850",
            "description": "The Allies of Syria operations room kept its promise",
        }
    ]


def test_citations_are_derived_from_relationships_and_evidence_an_opinion(sample: SampleChain) -> None:
    bundle = bundle_of(sample.claim)
    derived = [r for r in by_type(bundle, "relationship") if r["relationship_type"] == "derived-from"]
    assert len(derived) == 3
    (opinion,) = by_type(bundle, "opinion")
    assert opinion["opinion"] == "strongly-disagree"
    assert opinion["authors"] == ["Iran"]


def test_outlet_identities_carry_their_grade_and_sector(sample: SampleChain) -> None:
    bundle = bundle_of(sample.claim)
    akhbar = next(o for o in by_type(bundle, "identity") if o["name"] == "Al-Akhbar")
    assert akhbar["identity_class"] == "organization"
    assert akhbar["sectors"] == ["communications"]
    assert "D: not usually reliable" in akhbar["description"]


def test_ids_are_the_same_on_every_export_and_differ_between_sites(sample: SampleChain) -> None:
    first, again = bundle_of(sample.claim), bundle_of(sample.claim)
    other_site = stix_bundle(sample.claim, claim_chain(sample.claim), base_url="https://other.example/", claim_url=PAGE)
    ids = [o["id"] for o in first["objects"]]
    assert ids == [o["id"] for o in again["objects"]]
    assert not set(ids) & {o["id"] for o in other_site["objects"]}
    assert len(set(ids)) == len(ids)


def test_retracted_claim_is_a_revoked_report(sample: SampleChain) -> None:
    claim_retract(claim=sample.claim, reason="The attribution was withdrawn by its source.")
    sample.claim.refresh_from_db()
    bundle = bundle_of(sample.claim)
    assert bundle["objects"][1]["revoked"] is True
    assert messages(bundle, STRICT) == ([], [])


def test_denial_claim_subject_is_an_identity_related_to_the_event(db, sample: SampleChain) -> None:
    subject, event = sample.claim.subject, sample.claim.event
    denial = make_claim(
        "The operations room denied any role in the attack", kind="denial", subject=subject, event=event
    )
    make_appearance(denial, sample.wire, published_on=date(2021, 10, 27))
    bundle = bundle_of(denial)
    assert not by_type(bundle, "threat-actor")
    (relationship,) = by_type(bundle, "relationship")
    assert relationship["relationship_type"] == "related-to"
    assert messages(bundle, STRICT) == ([], [])
