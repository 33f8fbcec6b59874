"""Outlets' track records are kept by the database: whatever writes appearances, citations,
evidence or claims, the kept counts equal a full recount of the originated claims."""

import contextlib
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Max
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.import_throughput import write_file
from claims.errors import DomainError
from claims.importing.jsonl import read_jsonl
from claims.importing.run import import_records
from claims.models import Appearance, Citation, Claim, ClaimOrigin, TrackRecordEntry
from claims.selectors.claims import outlet_track_record
from claims.services.appearances import appearance_update, appearance_withdraw
from claims.services.citations import citation_withdraw
from claims.services.evidence import evidence_withdraw
from claims.services.merges import claim_merge, claim_unmerge
from claims.services.rescoring import claims_rescore_all
from claims.services.track_records import track_records_compact
from claims.services.workflow import claim_approve, claim_reject, claim_retract, claim_submit
from tests.factories import make_appearance, make_citation, make_claim, make_evidence, make_outlet
from tests.models.track_record_checks import assert_kept_equals_recount, kept, recounted

pytestmark = pytest.mark.django_db

TRIGGERS = {
    f"track_record_{table}_{event}"
    for table in ("appearance", "citation", "claim")
    for event in ("insert", "update", "delete")
}


def installed_triggers() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return {name for (name,) in cursor.fetchall()}


def test_the_triggers_are_installed():
    assert installed_triggers() >= TRIGGERS


def test_an_appearance_counts_its_claim_for_its_outlet():
    appearance = make_appearance()

    assert kept() == {(appearance.outlet_id, "draft", "unclaimed"): 1}
    assert_kept_equals_recount()


def test_two_origins_by_one_outlet_count_the_claim_once():
    claim, outlet = make_claim(), make_outlet()
    make_appearance(claim, outlet)
    make_appearance(claim, outlet, published_on=date(2021, 10, 22))

    assert kept() == {(outlet.pk, "draft", "unclaimed"): 1}
    assert_kept_equals_recount()


def test_a_citation_takes_the_claim_from_the_citing_outlet_and_its_withdrawal_gives_it_back():
    claim, origin, copier = make_claim(), make_outlet(), make_outlet()
    source = make_appearance(claim, origin)
    citing = make_appearance(claim, copier, published_on=date(2021, 10, 22))
    assert set(kept()) == {(origin.pk, "draft", "unclaimed"), (copier.pk, "draft", "unclaimed")}

    citation = make_citation(citing, source)
    assert set(kept()) == {(origin.pk, "draft", "unclaimed")}
    assert_kept_equals_recount()

    citation_withdraw(citation=citation, reason="not a citation after all")
    assert set(kept()) == {(origin.pk, "draft", "unclaimed"), (copier.pk, "draft", "unclaimed")}
    assert_kept_equals_recount()


def test_evidence_moves_the_claim_to_its_new_status_and_back():
    appearance = make_appearance()
    claim = Claim.objects.get(pk=appearance.claim_id)

    evidence = make_evidence(claim, stance="confirms")
    assert kept() == {(appearance.outlet_id, "draft", "confirmed"): 1}

    evidence_withdraw(evidence=evidence, reason="the statement was fake")
    assert kept() == {(appearance.outlet_id, "draft", "unclaimed"): 1}
    assert_kept_equals_recount()


def test_every_review_step_moves_the_claim(editor, reviewer):
    appearance = make_appearance()
    claim = Claim.objects.get(pk=appearance.claim_id)
    for step in (
        lambda c: claim_submit(claim=c, by=editor),
        lambda c: claim_reject(claim=c, comment="a source is missing", by=reviewer),
        lambda c: claim_submit(claim=c, by=editor),
        lambda c: claim_approve(claim=c, by=reviewer),
        lambda c: claim_retract(claim=c, reason="the outlet withdrew it", by=reviewer),
    ):
        claim = step(Claim.objects.get(pk=claim.pk))
        assert kept() == {(appearance.outlet_id, claim.review_state, "unclaimed"): 1}
        assert_kept_equals_recount()


def test_withdrawing_and_moving_appearances_moves_the_record():
    claim, first, second = make_claim(), make_outlet(), make_outlet()
    appearance = make_appearance(claim, first)

    appearance_update(appearance=appearance, outlet=second)
    assert set(kept()) == {(second.pk, "draft", "unclaimed")}

    appearance_withdraw(appearance=appearance, reason="wrongly attributed")
    assert kept() == {}
    assert_kept_equals_recount()


def test_the_origin_withdrawn_makes_its_citer_the_origin():
    claim, origin, copier = make_claim(), make_outlet(), make_outlet()
    source = make_appearance(claim, origin)
    make_citation(make_appearance(claim, copier, published_on=date(2021, 10, 22)), source)

    Appearance.objects.filter(pk=source.pk).update(withdrawn_at=source.created_at, withdrawn_reason="by hand")

    assert_kept_equals_recount()


def test_rows_written_before_their_claim_are_counted_when_it_is():
    """Bulk writers may insert the rows in any order: foreign keys are checked at commit."""
    outlet, copier = make_outlet(), make_outlet()
    claim = Claim(pk=(Claim.objects.aggregate(last=Max("pk"))["last"] or 0) + 1000, text="Late", status="denied")
    source, citing = Appearance.objects.bulk_create(
        [Appearance(claim_id=claim.pk, outlet=o, published_on=date(2021, 10, 21)) for o in (outlet, copier)]
    )
    Citation.objects.bulk_create([Citation(claim_id=claim.pk, citing=citing, cited=source)])
    assert kept() == {}

    Claim.objects.bulk_create([claim])

    assert kept() == {(outlet.pk, "draft", "denied"): 1}
    assert_kept_equals_recount()


def test_a_merge_moves_the_merged_claims_origins_to_the_survivor_and_an_unmerge_moves_them_back(reviewer):
    survivor, duplicate = (
        make_claim("Kataib Hezbollah was behind the drone attack"),
        make_claim("كتائب حزب الله وراء الهجوم"),
    )
    english, arabic = make_outlet(), make_outlet()
    make_appearance(survivor, english)
    make_appearance(duplicate, arabic)
    before = kept()

    claim_merge(claim=duplicate, into=survivor, reason="The same assertion in Arabic.", by=reviewer)
    assert kept() == {(english.pk, "draft", "unclaimed"): 1, (arabic.pk, "draft", "unclaimed"): 1}
    assert set(ClaimOrigin.objects.values_list("claim_id", flat=True)) == {survivor.pk}
    assert_kept_equals_recount()

    claim_unmerge(claim=duplicate, reason="Two attacks after all.", by=reviewer)
    assert kept() == before
    assert_kept_equals_recount()


def test_a_hard_delete_takes_the_claim_out():
    appearance = make_appearance()

    Appearance.objects.filter(pk=appearance.pk).delete()
    Claim.objects.filter(pk=appearance.claim_id).delete()

    assert kept() == {}
    assert_kept_equals_recount()


def test_an_import_keeps_the_records(tmp_path):
    path = tmp_path / "claims.jsonl"
    write_file(path, claims=30, appearances=5, run="records")

    with path.open("rb") as stream:
        report = import_records(read_jsonl(stream), source=path.name)

    assert not report.failures
    assert sum(kept().values()) >= 30
    assert_kept_equals_recount()


def test_a_synthetic_load_and_a_full_rescore_keep_the_records():
    call_command("generate_synthetic", "--claims", "120", "--chain-sizes", "none", stdout=StringIO(), stderr=StringIO())
    assert sum(kept().values()) >= 120
    assert_kept_equals_recount()

    Claim.objects.update(confidence_factors=[], status="unclaimed")  # every claim changes again when rescored
    assert_kept_equals_recount()
    claims_rescore_all()
    assert_kept_equals_recount()


def test_a_load_that_sets_the_triggers_aside_recounts_after_it():
    make_appearance()  # the load appends to what is there
    call_command(
        "generate_synthetic", "--claims", "150", "--chain-sizes", "none", "--rebuild-indexes",
        stdout=StringIO(), stderr=StringIO(),
    )  # fmt: skip
    assert sum(kept().values()) >= 150
    assert_kept_equals_recount()


def test_compaction_folds_the_entries_and_changes_no_record(editor):
    outlet = make_outlet()
    claims = [make_claim() for _ in range(3)]
    for claim in claims:
        make_appearance(claim, outlet)
    make_evidence(claims[0], stance="denies")
    before = kept()
    assert TrackRecordEntry.objects.count() > 2

    left = track_records_compact()

    assert left == TrackRecordEntry.objects.count() == 2  # one per key with claims: denied, unclaimed
    assert kept() == before
    assert outlet_track_record(outlet, user=editor) == {"confirmed": 0, "denied": 1, "unclaimed": 2, "originated": 3}
    assert_kept_equals_recount()


def test_the_record_counts_what_the_user_may_see(editor, reviewer, consumer):
    outlet = make_outlet()
    published, draft = make_claim(), make_claim()
    make_appearance(published, outlet)
    make_appearance(draft, outlet)
    claim_submit(claim=published, by=editor)
    claim_approve(claim=Claim.objects.get(pk=published.pk), by=reviewer)

    assert outlet_track_record(outlet, user=consumer)["originated"] == 1
    assert outlet_track_record(outlet, user=None)["originated"] == 1
    assert outlet_track_record(outlet, user=editor)["originated"] == 2


OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["add", "withdraw", "move", "cite", "uncite", "confirm", "deny", "unevidence"]),
        st.integers(0, 5),
        st.integers(0, 2),
    ),
    max_size=14,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(OPERATIONS)
def test_any_sequence_of_writes_keeps_the_records_equal_to_a_recount(operations):
    claims = [make_claim() for _ in range(2)]
    outlets = [make_outlet() for _ in range(3)]
    for operation, pick, which in operations:
        claim = Claim.objects.get(pk=claims[pick % 2].pk)
        current = list(Appearance.objects.current().filter(claim=claim).order_by("id"))
        citations = list(Citation.objects.current().filter(claim=claim).order_by("id"))
        if operation == "add" or (not current and operation in ("withdraw", "move", "cite")):
            make_appearance(claim, outlets[which], published_on=date(2021, 10, 21 + which))
        elif operation == "withdraw":
            appearance_withdraw(appearance=current[pick % len(current)], reason="withdrawn in a test")
        elif operation == "move":
            appearance_update(appearance=current[pick % len(current)], outlet=outlets[which])
        elif operation == "cite" and len(current) > 1:
            with contextlib.suppress(DomainError):  # a duplicate or a cycle, refused as it should be
                make_citation(current[-1], current[0])
        elif operation == "uncite" and citations:
            citation_withdraw(citation=citations[pick % len(citations)], reason="withdrawn in a test")
        elif operation in ("confirm", "deny"):
            make_evidence(claim, stance="confirms" if operation == "confirm" else "denies")
        elif operation == "unevidence" and (evidence := claim.evidence.current().first()):
            evidence_withdraw(evidence=evidence, reason="withdrawn in a test")
        assert kept() == recounted()
    assert_kept_equals_recount()


def test_the_command_compacts_and_says_what_is_left():
    outlet = make_outlet()
    make_appearance(outlet=outlet)
    make_appearance(outlet=outlet)
    out = StringIO()

    call_command("compact_track_records", stdout=out)

    assert out.getvalue().strip() == "1 track-record entries left."
    assert TrackRecordEntry.objects.get().claims == 2
