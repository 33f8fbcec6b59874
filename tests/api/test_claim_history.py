"""GET /api/v1/claims/{id}/history/: every transition and change, newest first (SPEC §4, §7)."""

from datetime import date

import pytest

from claims.models import Claim
from claims.services.appearances import appearance_withdraw
from claims.services.claims import claim_create
from claims.services.workflow import claim_approve, claim_submit
from tests.factories import make_appearance

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim(editor, reviewer) -> Claim:
    claim = claim_create(text="The Operations Room claimed the attack", by=editor)
    appearance = make_appearance(claim, published_on=date(2021, 10, 21))
    claim_submit(claim=claim, by=editor, comment="Ready")
    claim_approve(claim=claim, by=reviewer)
    appearance_withdraw(appearance=appearance, reason="Wrong article", by=editor)
    return claim


def test_history_lists_transitions_with_who_and_comments(anonymous, claim):
    body = anonymous.get(f"/api/v1/claims/{claim.pk}/history/").json()

    assert body["claim"] == claim.pk
    transitions = [e for e in body["entries"] if e["kind"] == "transition"]
    assert [(t["from_state"], t["to_state"], t["user"]) for t in transitions] == [
        ("in_review", "published", "rita"),
        ("draft", "in_review", "edna"),
    ]
    assert transitions[1]["comment"] == "Ready"


def test_history_lists_changes_newest_first(anonymous, claim):
    entries = anonymous.get(f"/api/v1/claims/{claim.pk}/history/").json()["entries"]

    assert entries == sorted(entries, key=lambda entry: entry["at"], reverse=True)
    withdrawal = next(e for e in entries if e["object_type"] == "appearance" and "withdrawn" in e["summary"])
    assert "Wrong article" in withdrawal["summary"]
    assert any(change["field"] == "withdrawn_reason" for change in withdrawal["changes"])


def test_history_of_a_draft_is_a_404_for_consumers(anonymous, as_editor, editor):
    draft = claim_create(text="Draft", by=editor)

    assert anonymous.get(f"/api/v1/claims/{draft.pk}/history/").status_code == 404
    assert as_editor.get(f"/api/v1/claims/{draft.pk}/history/").status_code == 200
