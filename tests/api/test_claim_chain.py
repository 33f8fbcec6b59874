"""GET /api/v1/claims/{id}/chain/: nodes, edges, origins and independent groups (SPEC §5, §8)."""

from datetime import date

import pytest

from tests.api.conftest import publish
from tests.factories import make_actor, make_affiliation, make_appearance, make_citation, make_claim, make_outlet

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain() -> dict:
    """Two Hezbollah-tied outlets originate (one voice), a wire originates independently, a site repeats."""
    hezbollah = make_actor("Hezbollah")
    akhbar, manar = make_outlet("Al-Akhbar", reliability="D"), make_outlet("Al-Manar", reliability="E")
    for outlet in (akhbar, manar):
        make_affiliation(outlet, hezbollah)
    wire, site = make_outlet("Wire", reliability="B"), make_outlet("Site")
    claim = make_claim()
    first = make_appearance(claim, akhbar, published_on=date(2021, 10, 21), url="https://al-akhbar.com/1")
    second = make_appearance(claim, manar, published_on=date(2021, 10, 22))
    third = make_appearance(claim, wire, published_on=date(2021, 10, 23))
    repeat = make_appearance(claim, site, published_on=date(2021, 10, 30))
    make_citation(repeat, first, kind="translated")
    return {
        "claim": publish(claim),
        "first": first,
        "second": second,
        "third": third,
        "repeat": repeat,
        "akhbar": akhbar,
    }


def test_chain_has_the_shape_of_spec_8(anonymous, chain):
    body = anonymous.get(f"/api/v1/claims/{chain['claim'].pk}/chain/").json()

    assert set(body) == {
        "claim",
        "as_of",
        "nodes",
        "edges",
        "origins",
        "independent_groups",
        "independent_origin_count",
    }
    assert body["claim"] == chain["claim"].pk
    node = next(n for n in body["nodes"] if n["id"] == chain["first"].pk)
    assert node["outlet"] == {"id": chain["akhbar"].pk, "name": "Al-Akhbar", "reliability": "D"}
    assert (node["published_on"], node["url"], node["is_origin"]) == ("2021-10-21", "https://al-akhbar.com/1", True)
    assert {"id", "outlet", "published_on", "url", "is_origin", "group"} <= set(node)


def test_chain_counts_tied_origins_as_one_voice(anonymous, chain):
    body = anonymous.get(f"/api/v1/claims/{chain['claim'].pk}/chain/").json()

    assert sorted(body["origins"]) == sorted([chain["first"].pk, chain["second"].pk, chain["third"].pk])
    groups = sorted(sorted(group) for group in body["independent_groups"])
    assert groups == sorted([sorted([chain["first"].pk, chain["second"].pk]), [chain["third"].pk]])
    assert body["independent_origin_count"] == 2
    assert body["edges"] == [{"citing": chain["repeat"].pk, "cited": chain["first"].pk, "kind": "translated"}]


def test_a_republication_takes_the_group_of_what_it_cites(anonymous, chain):
    body = anonymous.get(f"/api/v1/claims/{chain['claim'].pk}/chain/").json()

    group = {node["id"]: node["group"] for node in body["nodes"]}
    assert group[chain["repeat"].pk] == group[chain["first"].pk] == group[chain["second"].pk]
    assert group[chain["third"].pk] != group[chain["first"].pk]
    assert body["independent_groups"][group[chain["first"].pk]].count(chain["first"].pk) == 1


def test_chain_as_of_shows_what_was_published_by_then(anonymous, chain):
    body = anonymous.get(f"/api/v1/claims/{chain['claim'].pk}/chain/", {"as_of": "2021-10-22"}).json()

    assert body["as_of"] == "2021-10-22"
    assert sorted(n["id"] for n in body["nodes"]) == sorted([chain["first"].pk, chain["second"].pk])
    assert body["edges"] == []
    assert body["independent_origin_count"] == 1


def test_a_bad_as_of_is_a_400(anonymous, chain):
    response = anonymous.get(f"/api/v1/claims/{chain['claim'].pk}/chain/", {"as_of": "2021-10-32"})

    assert response.status_code == 400
    assert "as_of" in response.json()["errors"]


def test_the_chain_of_a_draft_is_a_404_for_consumers(anonymous, as_editor):
    draft = make_claim()
    make_appearance(draft)

    assert anonymous.get(f"/api/v1/claims/{draft.pk}/chain/").status_code == 404
    assert as_editor.get(f"/api/v1/claims/{draft.pk}/chain/").status_code == 200


def test_a_claim_without_appearances_has_an_empty_chain(as_editor):
    body = as_editor.get(f"/api/v1/claims/{make_claim().pk}/chain/").json()

    assert (body["nodes"], body["edges"], body["origins"], body["independent_origin_count"]) == ([], [], [], 0)
