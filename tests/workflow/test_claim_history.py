"""claim_history: the review transitions and the field changes of a claim and its rows, newest first."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Outlet
from claims.selectors.history import CHANGE, TRANSITION, claim_history
from claims.services.appearances import appearance_update
from claims.services.claims import claim_update
from claims.services.evidence import evidence_withdraw
from claims.services.workflow import claim_reject, claim_submit
from tests.factories import make_actor, make_appearance, make_citation, make_claim, make_evidence, make_outlet

pytestmark = pytest.mark.django_db


def build_history(editor, reviewer, *, appearances: int = 2):
    """A claim edited by an editor, with rows added, changed and withdrawn, then rejected."""
    claim = make_claim("Allies of Syria was behind the al-Tanf attack", by=editor)
    claim_update(claim=claim, text="The Allies of Syria Operations Room was behind the al-Tanf attack", by=editor)
    akhbar = Outlet.objects.filter(name="Al-Akhbar").first() or make_outlet("Al-Akhbar")
    rows = [make_appearance(claim, akhbar, published_on=date(2021, 10, 20), by=editor)]
    for n in range(1, appearances):
        rows.append(make_appearance(claim, make_outlet(), published_on=date(2021, 10, 20 + n), by=editor))
        make_citation(rows[-1], rows[0], kind="republished", by=editor)
    appearance_update(appearance=rows[0], headline="Drones strike al-Tanf", by=editor)
    evidence = make_evidence(claim, actor=make_actor("Allies of Syria"), by=editor)
    evidence_withdraw(evidence=evidence, reason="The statement was about another attack.", by=editor)
    claim_submit(claim=claim, by=editor)
    claim_reject(claim=claim, comment="Name who first reported it.", by=reviewer)
    return claim, rows, evidence


def test_history_lists_transitions_and_changes_newest_first(editor, reviewer):
    claim, rows, evidence = build_history(editor, reviewer)

    entries = claim_history(claim)

    assert [e.at for e in entries] == sorted((e.at for e in entries), reverse=True)
    assert (entries[0].kind, entries[0].from_state, entries[0].to_state) == (TRANSITION, "in_review", "rejected")
    assert (entries[0].user, entries[0].comment) == (reviewer, "Name who first reported it.")
    assert (entries[1].kind, entries[1].to_state, entries[1].user) == (TRANSITION, "in_review", editor)
    assert entries[-1].summary == "Claim recorded"
    assert {e.object_type for e in entries} == {"claim", "appearance", "citation", "evidence"}


def test_a_change_names_each_field_with_its_old_and_new_value(editor, reviewer):
    claim, rows, _ = build_history(editor, reviewer)

    entries = claim_history(claim)

    text_change = next(e for e in entries if e.kind == CHANGE and e.object_type == "claim" and e.changes)
    assert [(c.field, c.old, c.new) for c in text_change.changes] == [
        (
            "text",
            "Allies of Syria was behind the al-Tanf attack",
            "The Allies of Syria Operations Room was behind the al-Tanf attack",
        )
    ]
    assert text_change.user == editor
    headline = next(e for e in entries if e.object_type == "appearance" and e.changes)
    assert headline.object_id == rows[0].pk
    assert headline.summary == "Appearance Al-Akhbar, 2021-10-20 changed: headline"
    assert [(c.field, c.old_label, c.new_label) for c in headline.changes] == [
        ("headline", "", "Drones strike al-Tanf")
    ]


def test_a_withdrawal_says_why_and_who(editor, reviewer):
    claim, _, evidence = build_history(editor, reviewer)

    withdrawal = next(e for e in claim_history(claim) if e.object_type == "evidence" and e.changes)

    assert withdrawal.summary == "Evidence confirms on 2021-10-25 withdrawn: The statement was about another attack."
    changed = {c.field: c for c in withdrawal.changes}
    assert set(changed) == {"withdrawn_at", "withdrawn_by", "withdrawn_reason"}
    assert changed["withdrawn_by"].new_label == editor.username
    assert withdrawal.user == editor


def test_review_state_moves_appear_once_as_transitions_not_again_as_changes(editor, reviewer):
    claim, _, _ = build_history(editor, reviewer)

    entries = claim_history(claim)

    assert not any(c.field == "review_state" for e in entries for c in e.changes)
    assert [e.to_state for e in entries if e.kind == TRANSITION] == ["rejected", "in_review"]


def test_a_citation_is_labelled_by_its_two_appearances(editor, reviewer):
    claim, rows, _ = build_history(editor, reviewer)

    recorded = next(e for e in claim_history(claim) if e.object_type == "citation")

    assert recorded.summary.startswith(f"Citation {rows[1].outlet.name} 2021-10-21 republished Al-Akhbar 2021-10-20")


def test_history_takes_the_same_few_queries_however_long_it_is(editor, reviewer, django_assert_max_num_queries):
    short, _, _ = build_history(editor, reviewer, appearances=2)
    long, _, _ = build_history(editor, reviewer, appearances=12)

    with CaptureQueriesContext(connection) as for_short:
        short_entries = claim_history(short)
    with django_assert_max_num_queries(len(for_short.captured_queries)):
        long_entries = claim_history(long)

    assert len(long_entries) == len(short_entries) + 20  # ten more appearances and citations
    assert len(for_short.captured_queries) <= 10


def test_a_claim_with_no_changes_has_only_its_creation(editor):
    claim = make_claim(by=editor)

    entries = claim_history(claim)

    assert [(e.kind, e.summary, e.user) for e in entries] == [(CHANGE, "Claim recorded", editor)]
