"""Every change to every model is kept in a history: who, when, what changed (SPEC §4)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.db import models

from claims.choices import AffiliationRelation, CitationKind, ClaimKind, Reliability, Stance
from claims.errors import InvalidInput
from claims.models import Actor, Affiliation, Appearance, Citation, Claim, Event, Outlet, StatusEvidence
from claims.models.claim import COMPUTED_FIELDS
from claims.services.actors import actor_create, actor_update
from claims.services.affiliations import affiliation_create, affiliation_update, affiliation_withdraw
from claims.services.appearances import appearance_create, appearance_update, appearance_withdraw
from claims.services.citations import citation_create, citation_update, citation_withdraw
from claims.services.claims import claim_create, claim_update
from claims.services.events import event_create, event_update
from claims.services.evidence import evidence_create, evidence_update, evidence_withdraw
from claims.services.outlets import outlet_create, outlet_update
from tests.factories import make_actor, make_appearance, make_claim, make_evidence, make_outlet

pytestmark = pytest.mark.django_db

CREATED, CHANGED = "+", "~"


@dataclass(frozen=True)
class Case:
    """How to create one row of a model through its service, change one field, and withdraw it."""

    create: Callable[[User], models.Model]
    field: str
    value: Callable[[], object]
    update: Callable[..., models.Model]
    withdraw: Callable[..., models.Model] | None = None


def _appearance(by: User) -> Appearance:
    return appearance_create(claim=make_claim(), outlet=make_outlet(), published_on=date(2021, 10, 21), by=by)


def _citation(by: User) -> Citation:
    claim = make_claim()
    cited = make_appearance(claim, published_on=date(2021, 10, 21))
    citing = make_appearance(claim, published_on=date(2021, 10, 22))
    return citation_create(citing=citing, cited=cited, kind=CitationKind.REPUBLISHED, by=by)


CASES = {
    Outlet: Case(
        create=lambda by: outlet_create(name="الميادين", aliases=["Al Mayadeen"], by=by),
        field="name",
        value=lambda: "Al Mayadeen",
        update=lambda row, by, **changes: outlet_update(outlet=row, by=by, **changes),
    ),
    Actor: Case(
        create=lambda by: actor_create(name="Kataib Hezbollah", by=by),
        field="aliases",
        value=lambda: ["كتائب حزب الله"],
        update=lambda row, by, **changes: actor_update(actor=row, by=by, **changes),
    ),
    Event: Case(
        create=lambda by: event_create(title="Drone attack on al-Tanf", date=date(2021, 10, 20), by=by),
        field="location",
        value=lambda: "al-Tanf, Syria",
        update=lambda row, by, **changes: event_update(event=row, by=by, **changes),
    ),
    Claim: Case(
        create=lambda by: claim_create(text="The Operations Room attacked al-Tanf.", by=by),
        field="kind",
        value=lambda: ClaimKind.RESPONSIBILITY,
        update=lambda row, by, **changes: claim_update(claim=row, by=by, **changes),
    ),
    Appearance: Case(
        create=_appearance,
        field="excerpt",
        value=lambda: "«غرفة عمليات حلفاء سوريا»",
        update=lambda row, by, **changes: appearance_update(appearance=row, by=by, **changes),
        withdraw=lambda row, by, reason: appearance_withdraw(appearance=row, reason=reason, by=by),
    ),
    Citation: Case(
        create=_citation,
        field="kind",
        value=lambda: CitationKind.TRANSLATED,
        update=lambda row, by, **changes: citation_update(citation=row, by=by, **changes),
        withdraw=lambda row, by, reason: citation_withdraw(citation=row, reason=reason, by=by),
    ),
    StatusEvidence: Case(
        create=lambda by: evidence_create(
            claim=make_claim(), stance=Stance.CONFIRMS, date=date(2021, 10, 21), url="https://example.org/s", by=by
        ),
        field="stance",
        value=lambda: Stance.DENIES,
        update=lambda row, by, **changes: evidence_update(evidence=row, by=by, **changes),
        withdraw=lambda row, by, reason: evidence_withdraw(evidence=row, reason=reason, by=by),
    ),
    Affiliation: Case(
        create=lambda by: affiliation_create(
            outlet=make_outlet(),
            actor=make_actor(),
            relation=AffiliationRelation.AFFILIATED_WITH,
            stated_by_url="https://example.org/a",
            by=by,
        ),
        field="valid_from",
        value=lambda: date(2016, 1, 1),
        update=lambda row, by, **changes: affiliation_update(affiliation=row, by=by, **changes),
        withdraw=lambda row, by, reason: affiliation_withdraw(affiliation=row, reason=reason, by=by),
    ),
}
MODELS = list(CASES)
WITHDRAWABLE = [model for model, case in CASES.items() if case.withdraw]


def history_of(row: models.Model) -> list:
    """The row's historical records, oldest first."""
    return list(row.history.order_by("history_date", "history_id"))


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_creating_a_row_records_who_created_it(model, editor):
    row = CASES[model].create(editor)

    (created,) = history_of(row)
    assert created.history_type == CREATED
    assert created.history_user == editor
    assert created.id == row.pk
    saved = model.objects.get(pk=row.pk)
    recorded = {f.name for f in created._meta.fields} - {"updated_at"}  # rescoring touches a claim's updated_at
    for field in model._meta.concrete_fields:
        if field.name in recorded:
            assert getattr(created, field.attname) == getattr(saved, field.attname), field.name


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changing_a_row_records_who_changed_what(model, editor, other_editor):
    case = CASES[model]
    row = case.create(editor)
    old = getattr(row, case.field)

    case.update(row, other_editor, **{case.field: case.value()})

    created, changed = history_of(row)
    assert (changed.history_type, changed.history_user) == (CHANGED, other_editor)
    assert getattr(changed, case.field) == case.value()
    assert getattr(created, case.field) == old
    delta = changed.diff_against(created)
    assert case.field in delta.changed_fields


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_an_update_that_changes_nothing_records_nothing(model, editor):
    case = CASES[model]
    row = case.create(editor)

    case.update(row, editor, **{case.field: getattr(row, case.field)})

    assert len(history_of(row)) == 1


@pytest.mark.parametrize("model", WITHDRAWABLE, ids=lambda m: m.__name__)
def test_withdrawing_a_row_records_who_withdrew_it_and_why(model, editor, other_editor):
    case = CASES[model]
    row = case.create(editor)

    case.withdraw(row, other_editor, "Recorded against the wrong claim.")

    withdrawn = history_of(row)[-1]
    assert (withdrawn.history_type, withdrawn.history_user) == (CHANGED, other_editor)
    assert withdrawn.withdrawn_at is not None
    assert withdrawn.withdrawn_reason == "Recorded against the wrong claim."
    assert withdrawn.withdrawn_by_id == other_editor.pk


def test_withdrawing_an_appearance_records_its_citations_withdrawal_by_the_same_user(editor, other_editor):
    citation = _citation(editor)

    appearance_withdraw(appearance=citation.cited, reason="Misdated.", by=other_editor)

    withdrawn = history_of(citation)[-1]
    assert (withdrawn.history_type, withdrawn.history_user) == (CHANGED, other_editor)
    assert withdrawn.withdrawn_reason.endswith("Misdated.")


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_a_change_by_the_system_is_recorded_without_a_user(model):
    row = CASES[model].create(None)

    (created,) = history_of(row)
    assert created.history_user is None


def test_grading_an_outlet_records_the_reviewer_and_the_grade(reviewer):
    outlet = make_outlet()

    outlet_update(outlet=outlet, reliability=Reliability.B, reliability_note="Corroborated twice.", by=reviewer)

    graded = history_of(outlet)[-1]
    assert (graded.history_user, graded.reliability, graded.reliability_note) == (
        reviewer,
        Reliability.B,
        "Corroborated twice.",
    )


def test_computed_claim_fields_are_left_out_of_the_history():
    recorded = {field.name for field in Claim.history.model._meta.fields}

    assert recorded & set(COMPUTED_FIELDS) == set()
    assert {"text", "kind", "subject", "event", "review_state", "created_by"} <= recorded


@pytest.mark.parametrize("model", [Outlet, Actor], ids=lambda m: m.__name__)
def test_folded_search_names_are_left_out_of_the_history(model):
    assert "search_names" not in {field.name for field in model.history.model._meta.fields}


def test_rescoring_a_claim_writes_no_claim_history(editor):
    claim = make_claim(by=editor)

    make_appearance(claim, make_outlet(reliability=Reliability.A))
    make_evidence(claim, stance=Stance.CONFIRMS)

    assert Claim.objects.get(pk=claim.pk).confidence > 0
    assert len(history_of(claim)) == 1


def test_a_refused_write_writes_no_history(reviewer):
    outlet = make_outlet()
    appearance = make_appearance()

    with pytest.raises(InvalidInput):
        outlet_update(outlet=outlet, reliability="Z", by=reviewer)
    with pytest.raises(InvalidInput):
        appearance_update(appearance=appearance, url="not a link")
    with pytest.raises(InvalidInput):
        citation_create(citing=appearance, cited=appearance)

    assert len(history_of(outlet)) == 1
    assert len(history_of(appearance)) == 1
    assert not Citation.history.exists()


def test_the_history_reason_limit_is_the_columns_of_every_model():
    from django.apps import apps

    from claims.services.persistence import HISTORY_REASON_LENGTH

    tracked = [model for model in apps.get_app_config("claims").get_models() if hasattr(model, "history")]
    assert tracked
    for model in tracked:
        assert model.history.model._meta.get_field("history_change_reason").max_length == HISTORY_REASON_LENGTH
