from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.exports.records import claim_records
from claims.importing.records import EventDef, record_to_json
from claims.models import Claim
from tests.exports.chains import SampleChain
from tests.factories import make_appearance, make_citation, make_claim, make_outlet


def records(newsroom: bool = True) -> list:
    return list(claim_records(Claim.objects.select_related("subject", "event").order_by("id"), newsroom=newsroom))


def test_a_record_carries_the_claim_and_its_chain(sample: SampleChain) -> None:
    (record,) = records()
    assert record.external_ref == "test:al-tanf-aos"
    assert record.text == sample.claim.text
    assert record.subject == sample.claim.subject.slug
    assert isinstance(record.event, EventDef) and record.event.date == date(2021, 10, 20)
    assert record.review_state == "published"
    assert [a.outlet for a in record.appearances] == [
        sample.akhbar.slug,
        sample.manar.slug,
        sample.wire.slug,
        sample.wire.slug,
        sample.tank.slug,
    ]
    refs = {a.ref for a in record.appearances}
    assert len(refs) == 5
    assert {(c.citing, c.cited, c.kind) for c in record.citations} == {
        (f"a{sample.republished.pk}", f"a{sample.origin.pk}", "republished"),
        (f"a{sample.quoted.pk}", f"a{sample.republished.pk}", "quoted"),
        (f"a{sample.translated.pk}", f"a{sample.second_origin.pk}", "translated"),
    }
    (evidence,) = record.evidence
    assert (evidence.stance, evidence.actor, evidence.url) == ("denies", "iran", "https://example.org/denial")


def test_a_record_defines_the_outlets_with_their_ties_and_the_actors_it_names(sample: SampleChain) -> None:
    (record,) = records()
    outlets = {o.slug: o for o in record.outlets}
    assert set(outlets) == {sample.akhbar.slug, sample.manar.slug, sample.wire.slug, sample.tank.slug}
    assert outlets[sample.akhbar.slug].reliability == "D"
    assert [(t.actor, t.relation) for t in outlets[sample.akhbar.slug].affiliations] == [
        ("hezbollah", "affiliated_with")
    ]
    assert {a.slug for a in record.actors} == {"hezbollah", "iran", sample.claim.subject.slug}


def test_json_leaves_blanks_out(sample: SampleChain) -> None:
    (record,) = records()
    values = record_to_json(record)
    assert values["appearances"][0]["published_on"] == "2021-10-21"
    assert "line" not in values
    assert "url" not in values["appearances"][1]  # Al-Manar gave none


def test_notes_are_for_the_newsroom_only(db) -> None:
    make_claim("A claim with a note", notes="Checked with the desk.")
    assert records(newsroom=True)[0].notes == "Checked with the desk."
    assert records(newsroom=False)[0].notes == ""


def test_queries_do_not_grow_with_chain_size(db) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            records()
        return len(captured)

    claim = make_claim("A long chain")
    outlet = make_outlet()
    previous = make_appearance(claim, outlet, published_on=date(2021, 10, 1))
    small = queries()
    for day in range(2, 25):
        current = make_appearance(claim, make_outlet(), published_on=date(2021, 10, day))
        make_citation(current, previous)
        previous = current
    assert queries() == small
