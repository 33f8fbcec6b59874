"""The loader's checks name what is wrong in a seed set before anything is written."""

from pathlib import Path

from claims.seeding import SeedSet, seed_problems

DOC = "000_fe2aeb450d1bbd91.txt"


def small_seed_set(**changes: list[dict]) -> SeedSet:
    """Two outlets and one claim cited from one to the other: valid as it stands."""
    outlet = {"kind": "newspaper", "aliases": [], "source_document": DOC, "quote": "Al-Akhbar"}
    claim = {
        "ref": "claim-a",
        "text": "Group X did it.",
        "kind": "attribution",
        "subject": None,
        "event": None,
        "review_state": "published",
        "source_document": DOC,
        "quote": "behind the attack",
        "appearances": [
            {
                "ref": "claim-a/first",
                "outlet": "first",
                "published_on": "2021-10-21",
                "source_document": DOC,
                "quote": "q",
            },
            {
                "ref": "claim-a/second",
                "outlet": "second",
                "published_on": "2021-10-22",
                "source_document": DOC,
                "quote": "q",
            },
        ],
        "citations": [
            {
                "citing": "claim-a/second",
                "cited": "claim-a/first",
                "kind": "cited",
                "source_document": DOC,
                "quote": "q",
            }
        ],
        "evidence": [],
    }
    records = {
        "documents": [{"file": DOC, "outlet": "first", "published_on": "2021-11-11"}],
        "outlets": [{**outlet, "slug": "first", "name": "First"}, {**outlet, "slug": "second", "name": "Second"}],
        "claims": [claim],
    }
    records.update(changes)
    return SeedSet(folder=Path("."), **records)


def test_a_valid_seed_set_has_no_problems():
    assert seed_problems(small_seed_set()) == []


def test_a_citation_to_another_claims_appearance_is_reported():
    seeds = small_seed_set()
    seeds.claims[0]["citations"][0]["cited"] = "claim-b/first"

    assert any("same claim" in problem for problem in seed_problems(seeds))


def test_a_citing_appearance_dated_before_what_it_cites_is_reported():
    seeds = small_seed_set()
    seeds.claims[0]["appearances"][1]["published_on"] = "2021-10-20"

    assert any("dated before" in problem for problem in seed_problems(seeds))


def test_a_date_in_the_future_is_reported():
    seeds = small_seed_set()
    seeds.claims[0]["appearances"][1]["published_on"] = "2999-01-01"

    assert any("in the future" in problem for problem in seed_problems(seeds))


def test_a_record_without_its_document_or_quote_is_reported():
    seeds = small_seed_set()
    seeds.claims[0]["appearances"][0]["quote"] = " "
    seeds.outlets[1]["source_document"] = "999_unknown.txt"

    problems = seed_problems(seeds)

    assert any("claim-a/first: quote is empty" in problem for problem in problems)
    assert any("outlets.json second: source_document" in problem for problem in problems)


def test_an_unknown_outlet_and_an_unsourced_affiliation_are_reported():
    affiliation = {
        "ref": "tie",
        "outlet": "first",
        "actor": "nobody",
        "relation": "affiliated_with",
        "stated_by_outlet": None,
        "stated_by_url": "",
        "source_document": DOC,
        "quote": "q",
    }
    seeds = small_seed_set(affiliations=[affiliation])
    seeds.claims[0]["appearances"][0]["outlet"] = "missing"

    problems = seed_problems(seeds)

    assert any("outlet 'missing' is not in outlets.json" in problem for problem in problems)
    assert any("actor 'nobody' is not in actors.json" in problem for problem in problems)
    assert any("who states it" in problem for problem in problems)


def test_a_cycle_of_citations_is_reported():
    seeds = small_seed_set()
    seeds.claims[0]["appearances"][1]["published_on"] = "2021-10-21"
    seeds.claims[0]["citations"].append(
        {"citing": "claim-a/first", "cited": "claim-a/second", "kind": "cited", "source_document": DOC, "quote": "q"}
    )

    assert any("cycle" in problem for problem in seed_problems(seeds))
