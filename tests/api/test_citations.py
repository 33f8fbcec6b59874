"""/api/v1/citations/: every bad edge of SPEC §4 is a 400 that changes nothing."""

from datetime import date

import pytest

from claims.models import Citation, Claim
from tests.api.conftest import publish
from tests.factories import make_appearance, make_citation, make_claim

pytestmark = pytest.mark.django_db

URL = "/api/v1/citations/"


@pytest.fixture
def chain() -> dict:
    claim = make_claim()
    return {
        "claim": claim,
        "first": make_appearance(claim, published_on=date(2021, 10, 21)),
        "second": make_appearance(claim, published_on=date(2021, 10, 22)),
        "third": make_appearance(claim, published_on=date(2021, 10, 23)),
    }


def test_editor_records_a_citation_and_the_claim_is_rescored(as_editor, chain):
    before = Claim.objects.get(pk=chain["claim"].pk).independent_origin_count

    response = as_editor.post(URL, {"citing": chain["second"].pk, "cited": chain["first"].pk, "kind": "republished"})

    assert response.status_code == 201
    citation = Citation.objects.get(pk=response.json()["id"])
    assert (citation.claim, citation.citing, citation.cited, citation.kind) == (
        chain["claim"],
        chain["second"],
        chain["first"],
        "republished",
    )
    assert response.json()["claim"] == chain["claim"].pk
    assert Claim.objects.get(pk=chain["claim"].pk).independent_origin_count == before - 1


def test_a_self_citation_is_a_400(as_editor, chain, nothing_changes):
    with nothing_changes():
        response = as_editor.post(URL, {"citing": chain["first"].pk, "cited": chain["first"].pk, "kind": "cited"})

    assert response.status_code == 400
    assert "itself" in response.json()["detail"]


def test_a_citation_across_claims_is_a_400(as_editor, chain, nothing_changes):
    other = make_appearance(make_claim(), published_on=date(2021, 10, 20))

    with nothing_changes():
        response = as_editor.post(URL, {"citing": chain["second"].pk, "cited": other.pk, "kind": "cited"})

    assert response.status_code == 400
    assert "same claim" in response.json()["detail"]


def test_citing_something_published_later_is_a_400(as_editor, chain, nothing_changes):
    with nothing_changes():
        response = as_editor.post(URL, {"citing": chain["first"].pk, "cited": chain["second"].pk, "kind": "cited"})

    assert response.status_code == 400
    assert "published later" in response.json()["detail"]


def test_a_cycle_is_a_400(as_editor, chain, nothing_changes):
    same_day = make_appearance(chain["claim"], published_on=date(2021, 10, 21))
    make_citation(same_day, chain["first"])

    with nothing_changes():
        response = as_editor.post(URL, {"citing": chain["first"].pk, "cited": same_day.pk, "kind": "cited"})

    assert response.status_code == 400
    assert "cycle" in response.json()["detail"]


def test_a_duplicate_is_a_400(as_editor, chain, nothing_changes):
    make_citation(chain["second"], chain["first"])

    with nothing_changes():
        response = as_editor.post(URL, {"citing": chain["second"].pk, "cited": chain["first"].pk, "kind": "quoted"})

    assert response.status_code == 400


def test_an_unknown_kind_is_a_400(as_editor, chain, nothing_changes):
    with nothing_changes():
        response = as_editor.post(URL, {"citing": chain["second"].pk, "cited": chain["first"].pk, "kind": "stolen"})

    assert response.status_code == 400
    assert "kind" in response.json()["errors"]


def test_citing_a_withdrawn_appearance_is_a_409(as_editor, chain, nothing_changes):
    as_editor.post(f"/api/v1/appearances/{chain['first'].pk}/withdraw/", {"reason": "Wrong"})

    with nothing_changes():
        response = as_editor.post(URL, {"citing": chain["second"].pk, "cited": chain["first"].pk, "kind": "cited"})

    assert response.status_code == 409


def test_a_put_repeating_the_ends_changes_the_kind(as_editor, chain):
    citation = make_citation(chain["second"], chain["first"])

    response = as_editor.put(
        f"{URL}{citation.pk}/", {"citing": chain["second"].pk, "cited": chain["first"].pk, "kind": "translated"}
    )

    assert response.status_code == 200
    citation.refresh_from_db()
    assert citation.kind == "translated"


def test_the_ends_of_a_citation_cannot_change(as_editor, chain, nothing_changes):
    citation = make_citation(chain["second"], chain["first"])

    with nothing_changes():
        response = as_editor.patch(f"{URL}{citation.pk}/", {"cited": chain["third"].pk})

    assert response.status_code == 409
    assert "withdraw" in response.json()["detail"]


def test_withdraw_restores_the_origin(as_editor, chain):
    citation = make_citation(chain["second"], chain["first"])
    before = Claim.objects.get(pk=chain["claim"].pk).independent_origin_count

    response = as_editor.post(f"{URL}{citation.pk}/withdraw/", {"reason": "It did not cite it"})

    assert response.status_code == 200
    citation.refresh_from_db()
    assert citation.withdrawn_reason == "It did not cite it"
    assert Claim.objects.get(pk=chain["claim"].pk).independent_origin_count == before + 1


def test_citations_are_never_deleted(as_editor, chain, nothing_changes):
    citation = make_citation(chain["second"], chain["first"])

    with nothing_changes():
        assert as_editor.delete(f"{URL}{citation.pk}/").status_code == 405


def test_consumers_see_citations_of_published_claims_only(anonymous, chain):
    hidden = make_citation(chain["second"], chain["first"])
    claim = make_claim()
    shown = make_citation(
        make_appearance(claim, published_on=date(2021, 10, 22)), make_appearance(claim, published_on=date(2021, 10, 21))
    )
    publish(claim)

    assert [c["id"] for c in anonymous.get(URL).json()["results"]] == [shown.pk]
    assert anonymous.get(f"{URL}{hidden.pk}/").status_code == 404


def test_an_appearance_the_user_cannot_see_reads_as_nonexistent(client_for, consumer, chain, nothing_changes):
    with nothing_changes():
        response = client_for(consumer).post(
            URL, {"citing": chain["second"].pk, "cited": chain["first"].pk, "kind": "cited"}
        )

    assert response.status_code == 400
    assert "does not exist" in response.json()["errors"]["citing"][0]


def test_claim_filter(as_editor, chain):
    citation = make_citation(chain["second"], chain["first"])
    other = make_claim()
    make_citation(
        make_appearance(other, published_on=date(2021, 10, 22)), make_appearance(other, published_on=date(2021, 10, 21))
    )

    assert [c["id"] for c in as_editor.get(URL, {"claim": chain["claim"].pk}).json()["results"]] == [citation.pk]
