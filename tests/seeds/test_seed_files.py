"""The seed files themselves, read without a database."""

import re
from datetime import date
from itertools import chain

import pytest

from claims.choices import CitationKind
from claims.seeding import read_seed_set, seed_problems
from tests.seeds.corpus import DOCUMENTS_DIR, SEED_DOCUMENTS, SEEDS_DIR

SEEDS = read_seed_set(SEEDS_DIR)


def extracted_records() -> list[tuple[str, dict]]:
    """Every record that was extracted from a document, with a label for messages."""
    records = [
        *(("outlet " + r["slug"], r) for r in SEEDS.outlets),
        *(("actor " + r["slug"], r) for r in SEEDS.actors),
        *(("event " + r["slug"], r) for r in SEEDS.events),
        *(("affiliation " + r["ref"], r) for r in SEEDS.affiliations),
        *(("actor affiliation " + r["ref"], r) for r in SEEDS.actor_affiliations),
    ]
    for claim in SEEDS.claims:
        records.append(("claim " + claim["ref"], claim))
        records += [("appearance " + a["ref"], a) for a in claim["appearances"]]
        records += [(f"citation {c['citing']} -> {c['cited']}", c) for c in claim["citations"]]
        records += [("evidence " + e["ref"], e) for e in claim["evidence"]]
    return records


def squeeze(text: str) -> str:
    """Documents wrap lines and use no-break spaces; a quote matches across any whitespace."""
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def test_the_seed_files_pass_the_loaders_checks():
    assert seed_problems(SEEDS) == []


def test_the_five_seed_documents_are_listed_with_their_outlet_and_date():
    assert {d["file"] for d in SEEDS.documents} == SEED_DOCUMENTS
    for document in SEEDS.documents:
        assert document["outlet"] in {o["slug"] for o in SEEDS.outlets}
        assert date.fromisoformat(document["published_on"]) <= date.today()


def test_every_record_names_one_of_the_five_documents_and_quotes_it():
    for label, record in extracted_records():
        assert record["source_document"] in SEED_DOCUMENTS, label
        assert record["quote"].strip(), label


@pytest.mark.skipif(not DOCUMENTS_DIR.is_dir(), reason="the seed documents are not next to the project")
def test_every_quote_is_found_word_for_word_in_its_document():
    texts = {name: squeeze((DOCUMENTS_DIR / name).read_text(encoding="utf-8")) for name in SEED_DOCUMENTS}
    missing = [label for label, r in extracted_records() if squeeze(r["quote"]) not in texts[r["source_document"]]]
    assert missing == []


def test_every_referenced_slug_and_ref_exists():
    outlets = {o["slug"] for o in SEEDS.outlets}
    actors = {a["slug"] for a in SEEDS.actors}
    events = {e["slug"] for e in SEEDS.events}
    for affiliation in SEEDS.affiliations:
        assert {affiliation["outlet"], affiliation["stated_by_outlet"]} <= outlets, affiliation["ref"]
        assert affiliation["actor"] in actors, affiliation["ref"]
    assert {g["outlet"] for g in SEEDS.grades} <= outlets
    for claim in SEEDS.claims:
        assert claim["subject"] is None or claim["subject"] in actors, claim["ref"]
        assert claim["event"] is None or claim["event"] in events, claim["ref"]
        assert {a["outlet"] for a in claim["appearances"]} <= outlets, claim["ref"]
        refs = {a["ref"] for a in claim["appearances"]}
        for evidence in claim["evidence"]:
            assert evidence["actor"] in actors and evidence["appearance"] in refs, evidence["ref"]


def test_every_date_parses_and_none_is_in_the_future():
    days = [d["published_on"] for d in SEEDS.documents]
    days += [e["date"] for e in SEEDS.events if e["date"]]
    for claim in SEEDS.claims:
        days += [a["published_on"] for a in claim["appearances"]]
        days += [e["date"] for e in claim["evidence"]]
    assert all(date.fromisoformat(day) <= date.today() for day in days)


def test_citations_stay_within_their_claim_and_never_cite_a_later_appearance():
    for claim in SEEDS.claims:
        published = {a["ref"]: date.fromisoformat(a["published_on"]) for a in claim["appearances"]}
        for citation in claim["citations"]:
            assert citation["citing"] in published and citation["cited"] in published, claim["ref"]
            assert published[citation["citing"]] >= published[citation["cited"]], claim["ref"]
            assert citation["kind"] in CitationKind.values


def test_each_seed_document_is_itself_an_appearance_of_what_it_reports():
    appearances = list(chain.from_iterable(c["appearances"] for c in SEEDS.claims))
    for document in SEEDS.documents:
        own = [
            a
            for a in appearances
            if a["source_document"] == document["file"]
            and a["outlet"] == document["outlet"]
            and a["published_on"] == document["published_on"]
        ]
        assert len(own) >= 5, document["file"]


def test_the_corpus_holds_dozens_of_claims_and_citations():
    assert len(SEEDS.claims) >= 30
    assert sum(len(c["citations"]) for c in SEEDS.claims) >= 25
    assert sum(len(c["appearances"]) for c in SEEDS.claims) >= 60
    assert len(SEEDS.outlets) >= 25
    assert len(SEEDS.actors) >= 20
    assert len(SEEDS.events) >= 10
    assert len(SEEDS.affiliations) >= 8


def test_every_affiliation_names_the_outlet_that_states_it():
    for affiliation in SEEDS.affiliations:
        assert affiliation["stated_by_outlet"] or affiliation["stated_by_url"], affiliation["ref"]


def test_every_demo_grade_says_it_is_an_editorial_demo_grade():
    assert 3 <= len(SEEDS.grades) <= 10
    for grade in SEEDS.grades:
        assert grade["reliability_note"].startswith("Demo grade set by the Provenance editors"), grade["outlet"]
