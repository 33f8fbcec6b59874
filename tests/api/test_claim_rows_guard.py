"""One guard for every write of a claim's rows (claims/services/claim_rows.py), through the API:
each writer of appearances, citations and evidence, and the capture and suggestion paths that
write them, answers 409 on a retracted claim and on a withdrawn row, and changes nothing."""

from datetime import date

import pytest

from claims.choices import CaptureState
from claims.models import Appearance, Citation, Claim, StatusEvidence
from claims.services.appearances import appearance_withdraw
from claims.services.citations import citation_withdraw
from claims.services.evidence import evidence_withdraw
from claims.services.workflow import claim_retract
from tests.api.conftest import publish
from tests.factories import (
    make_appearance,
    make_capture,
    make_citation,
    make_claim,
    make_evidence,
    make_outlet,
    make_suggestion,
)

pytestmark = pytest.mark.django_db


def claim_with_rows() -> dict:
    """A claim with two appearances (the later cites the earlier), a third not yet cited, evidence,
    and a suggestion that the third cites the first."""
    claim = make_claim()
    first = make_appearance(claim, published_on=date(2021, 10, 21), url="https://one.example/a")
    second = make_appearance(claim, published_on=date(2021, 10, 22))
    third = make_appearance(claim, published_on=date(2021, 10, 23))
    citation = make_citation(second, first)
    evidence = make_evidence(claim)
    suggestion = make_suggestion(third, first)
    return {
        "claim": claim, "first": first, "second": second, "third": third, "citation": citation,
        "evidence": evidence, "suggestion": suggestion,
    }  # fmt: skip


@pytest.fixture
def retracted() -> dict:
    rows = claim_with_rows()
    publish(rows["claim"])
    claim_retract(claim=rows["claim"], reason="The attack was misdated.")
    return rows


# Every writer of a claim's rows: (method, path, body), from the rows of the claim.
WRITERS = {
    "appearance create": lambda r: ("post", "/api/v1/appearances/", {
        "claim": r["claim"].pk, "outlet": make_outlet().pk, "published_on": "2021-10-24"}),
    "appearance update": lambda r: ("patch", f"/api/v1/appearances/{r['first'].pk}/", {"headline": "Changed"}),
    "appearance withdraw": lambda r: ("post", f"/api/v1/appearances/{r['first'].pk}/withdraw/", {"reason": "Gone"}),
    "citation create": lambda r: ("post", "/api/v1/citations/", {
        "citing": r["third"].pk, "cited": r["second"].pk, "kind": "cited"}),
    "citation update": lambda r: ("patch", f"/api/v1/citations/{r['citation'].pk}/", {"note": "Changed"}),
    "citation withdraw": lambda r: ("post", f"/api/v1/citations/{r['citation'].pk}/withdraw/", {"reason": "Gone"}),
    "evidence create": lambda r: ("post", "/api/v1/evidence/", {
        "claim": r["claim"].pk, "stance": "denies", "date": "2021-10-26", "url": "https://x.example/d"}),
    "evidence update": lambda r: ("patch", f"/api/v1/evidence/{r['evidence'].pk}/", {"note": "Changed"}),
    "evidence withdraw": lambda r: ("post", f"/api/v1/evidence/{r['evidence'].pk}/withdraw/", {"reason": "Gone"}),
    "suggestion accept": lambda r: ("post", f"/api/v1/suggestions/{r['suggestion'].pk}/accept/", {}),
}  # fmt: skip


@pytest.mark.parametrize("writer", list(WRITERS))
def test_every_writer_of_a_retracted_claims_rows_answers_409_and_changes_nothing(
    as_editor, retracted, writer, nothing_changes
):
    method, path, body = WRITERS[writer](retracted)  # what it names (a new outlet) exists before

    with nothing_changes():
        response = getattr(as_editor, method)(path, body, format="json")

    assert response.status_code == 409, response.content
    assert "retracted" in response.json()["detail"]


def test_changing_a_retracted_claims_citation_is_refused_as_docs_api_promises(as_editor, retracted):
    citation = retracted["citation"]

    response = as_editor.put(
        f"/api/v1/citations/{citation.pk}/",
        {"citing": citation.citing_id, "cited": citation.cited_id, "kind": "translated", "note": "Too late"},
        format="json",
    )

    assert response.status_code == 409
    saved = Citation.objects.get(pk=citation.pk)
    assert (saved.kind, saved.note) == (citation.kind, citation.note)
    assert saved.history.count() == 1  # created, never changed


def test_attaching_a_capture_to_a_retracted_claim_is_409(client_for, editor, retracted, nothing_changes):
    capture = make_capture(by=editor, state=CaptureState.NEEDS_CLAIM)

    with nothing_changes():
        response = client_for(editor).post(
            f"/api/v1/captures/{capture.pk}/claim/", {"claim": retracted["claim"].pk}, format="json"
        )

    assert response.status_code == 409 and "retracted" in response.json()["detail"]


def test_editing_the_retracted_claim_itself_is_409(as_editor, retracted, nothing_changes):
    with nothing_changes():
        response = as_editor.patch(f"/api/v1/claims/{retracted['claim'].pk}/", {"notes": "A late note"}, format="json")

    assert response.status_code == 409 and "retracted" in response.json()["detail"]


WITHDRAWN = {
    "appearance": (lambda r: appearance_withdraw(appearance=r["third"], reason="Misread"), "appearances", "third",
                   {"headline": "Changed"}),
    "citation": (lambda r: citation_withdraw(citation=r["citation"], reason="Misread"), "citations", "citation",
                 {"note": "Changed"}),
    "evidence": (lambda r: evidence_withdraw(evidence=r["evidence"], reason="Misread"), "evidence", "evidence",
                 {"note": "Changed"}),
}  # fmt: skip


@pytest.mark.parametrize("noun", list(WITHDRAWN))
def test_a_withdrawn_row_can_neither_change_nor_be_withdrawn_again(as_editor, noun, nothing_changes):
    rows = claim_with_rows()
    withdraw, resource, key, change = WITHDRAWN[noun]
    withdraw(rows)

    with nothing_changes():
        updated = as_editor.patch(f"/api/v1/{resource}/{rows[key].pk}/", change, format="json")
        again = as_editor.post(f"/api/v1/{resource}/{rows[key].pk}/withdraw/", {"reason": "Twice"}, format="json")

    assert (updated.status_code, again.status_code) == (409, 409)
    assert "already withdrawn" in updated.json()["detail"] and "already withdrawn" in again.json()["detail"]


@pytest.mark.parametrize(
    ("resource", "key", "model"), [("appearances", "first", Appearance), ("evidence", "evidence", StatusEvidence)]
)
def test_no_row_moves_to_another_claim(as_editor, resource, key, model, nothing_changes):
    rows, elsewhere = claim_with_rows(), make_claim()

    with nothing_changes():
        response = as_editor.patch(f"/api/v1/{resource}/{rows[key].pk}/", {"claim": elsewhere.pk}, format="json")

    assert response.status_code == 409, response.content
    assert "cannot move to another claim" in response.json()["detail"]
    assert model.objects.get(pk=rows[key].pk).claim_id == rows["claim"].pk


def test_a_citation_takes_its_claim_from_its_ends_which_never_change(as_editor, nothing_changes):
    rows = claim_with_rows()

    with nothing_changes():
        response = as_editor.patch(
            f"/api/v1/citations/{rows['citation'].pk}/", {"cited": rows["third"].pk}, format="json"
        )

    assert response.status_code == 409 and "ends cannot change" in response.json()["detail"]


def test_the_guard_reads_the_claim_as_it_is_now_not_as_the_writer_loaded_it(editor):
    """A copy read before the retraction is refused all the same: the claim is read under the lock."""
    from claims.errors import FrozenRow
    from claims.services.appearances import appearance_create

    rows = claim_with_rows()
    stale = Claim.objects.get(pk=rows["claim"].pk)
    publish(rows["claim"])
    claim_retract(claim=rows["claim"], reason="Misdated.")

    with pytest.raises(FrozenRow, match="retracted"):
        appearance_create(claim=stale, outlet=make_outlet(), published_on=date(2021, 10, 25), by=editor)
    assert not Appearance.objects.filter(claim=stale, published_on=date(2021, 10, 25)).exists()
