"""The services refuse a value one character past its field's limit, naming the field and the limit,
and take one at the limit: the one rule behind the API, the forms, the admin and the imports."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from django.db.models import Model

from claims.errors import InvalidInput
from claims.models import (
    Actor,
    Affiliation,
    Appearance,
    Citation,
    Claim,
    Event,
    Outlet,
    ReviewTransition,
    StatusEvidence,
)
from claims.models.fields import ALIASES, max_length_of
from claims.services.actors import actor_update
from claims.services.appearances import appearance_withdraw
from claims.services.claims import claim_update
from claims.services.evidence import evidence_withdraw
from claims.services.outlets import outlet_update
from claims.services.workflow import claim_publish_imported, claim_reject, claim_retract, claim_submit
from tests.factories import (
    make_actor,
    make_affiliation,
    make_appearance,
    make_citation,
    make_claim,
    make_event,
    make_evidence,
    make_outlet,
)

pytestmark = pytest.mark.django_db


def limit_of(model: type[Model], field: str) -> int:
    return max_length_of(model._meta.get_field(field))


def value_of(length: int, field: str) -> str:
    if "url" in field:
        return "https://example.org/" + "a" * (length - len("https://example.org/"))
    return "a" * length


@dataclass
class Parents:
    """What the rows written below hang on, made before the write under test."""

    claim: Claim
    outlet: Outlet
    actor: Actor
    cited: Appearance
    citing: Appearance


@pytest.fixture
def parents() -> Parents:
    claim, outlet = make_claim(), make_outlet()
    cited = make_appearance(claim, outlet, published_on=date(2021, 10, 21))
    citing = make_appearance(claim, make_outlet(), published_on=date(2021, 10, 22))
    return Parents(claim, outlet, make_actor(), cited, citing)


# (model, field, write a new row with this value of the field)
WRITES: list[tuple[type[Model], str, Callable[[Parents, str], Model]]] = [
    (Claim, "text", lambda _, v: make_claim(v)),
    (Claim, "notes", lambda _, v: make_claim(notes=v)),
    (Claim, "source_document", lambda _, v: make_claim(source_document=v)),
    (Claim, "external_ref", lambda _, v: make_claim(external_ref=v)),
    *(
        (Appearance, field, lambda p, v, field=field: make_appearance(p.claim, p.outlet, **{field: v}))
        for field in ("url", "headline", "language", "excerpt", "attributed_source", "source_document")
    ),
    (Citation, "note", lambda p, v: make_citation(p.citing, p.cited, note=v)),
    (StatusEvidence, "note", lambda p, v: make_evidence(p.claim, note=v)),
    (StatusEvidence, "url", lambda p, v: make_evidence(p.claim, url=v)),
    (Affiliation, "quote", lambda p, v: make_affiliation(p.outlet, p.actor, quote=v)),
    (Affiliation, "stated_by_url", lambda p, v: make_affiliation(p.outlet, p.actor, stated_by_url=v)),
    (Outlet, "name", lambda _, v: make_outlet(v)),
    *(
        (Outlet, field, lambda _, v, field=field: make_outlet(**{field: v}))
        for field in ("slug", "country", "language", "url", "domain", "reliability_note")
    ),
    (Actor, "name", lambda _, v: make_actor(v)),
    (Actor, "description", lambda _, v: make_actor(description=v)),
    (Event, "title", lambda _, v: make_event(v)),
    (Event, "location", lambda _, v: make_event(location=v)),
    (Event, "description", lambda _, v: make_event(description=v)),
]
IDS = [f"{model.__name__}.{field}" for model, field, _ in WRITES]


@pytest.mark.parametrize(("model", "field", "write"), WRITES, ids=IDS)
def test_a_value_at_the_limit_is_saved(parents, model, field, write):
    value = value_of(limit_of(model, field), field)

    row = write(parents, value)

    assert getattr(model.objects.get(pk=row.pk), field) == value


@pytest.mark.parametrize(("model", "field", "write"), WRITES, ids=IDS)
def test_a_value_one_past_the_limit_is_refused_naming_the_field_and_the_limit(
    parents, nothing_changes, model, field, write
):
    limit = limit_of(model, field)
    value = value_of(limit + 1, field)
    expected = f"Ensure this value has at most {limit} characters (it has {limit + 1})."

    with nothing_changes(), pytest.raises(InvalidInput) as refused:
        write(parents, value)

    assert refused.value.errors[field] == [expected]
    assert f"{field}: {expected}" in refused.value.message


def test_an_update_is_held_to_the_same_limit(nothing_changes):
    claim = make_claim("A claim")
    limit = limit_of(Claim, "text")

    with nothing_changes(), pytest.raises(InvalidInput) as refused:
        claim_update(claim=claim, text="a" * (limit + 1))

    assert list(refused.value.errors) == ["text"]


def test_the_claim_text_is_measured_as_stored_without_surrounding_space():
    limit = limit_of(Claim, "text")

    claim = make_claim("  " + "a" * limit + "\n")

    assert claim.text == "a" * limit


@pytest.mark.parametrize(("create", "update"), [(make_outlet, outlet_update), (make_actor, actor_update)])
def test_aliases_are_limited_in_count_and_length_after_blanks_and_repeats_go(nothing_changes, create, update):
    names = [f"Name {n}" for n in range(ALIASES.count)]
    row = create("Named", aliases=[*names, "Name 1", "  "])
    noun = type(row).__name__.lower()
    assert row.aliases == names

    with nothing_changes(), pytest.raises(InvalidInput) as too_many:
        update(**{noun: row}, aliases=[*names, "One more"])
    with nothing_changes(), pytest.raises(InvalidInput) as too_long:
        update(**{noun: row}, aliases=["x" * (ALIASES.length + 1)])

    assert too_many.value.errors == {
        "aliases": [f"Ensure there are at most {ALIASES.count} aliases (there are {ALIASES.count + 1})."]
    }
    assert f"at most {ALIASES.length} characters" in too_long.value.errors["aliases"][0]
    assert update(**{noun: row}, aliases=["x" * ALIASES.length]).aliases == ["x" * ALIASES.length]


def test_a_withdrawal_reason_past_its_limit_is_refused_as_the_reason(nothing_changes):
    evidence = make_evidence(make_claim())
    limit = limit_of(StatusEvidence, "withdrawn_reason")

    with nothing_changes(), pytest.raises(InvalidInput) as refused:
        evidence_withdraw(evidence=evidence, reason="r" * (limit + 1))

    assert refused.value.field == "reason"
    assert refused.value.message == f"reason: Ensure this value has at most {limit} characters (it has {limit + 1})."


def test_withdrawing_an_appearance_with_the_longest_reason_withdraws_its_citations_too():
    claim = make_claim()
    cited = make_appearance(claim, make_outlet(), published_on=date(2021, 10, 21))
    citation = make_citation(make_appearance(claim, make_outlet(), published_on=date(2021, 10, 22)), cited)
    reason = "r" * limit_of(Appearance, "withdrawn_reason")

    appearance_withdraw(appearance=cited, reason=reason)

    citation.refresh_from_db()
    assert citation.withdrawn_at is not None
    assert citation.withdrawn_reason.startswith(f"Appearance {cited.pk} withdrawn: rrr")
    assert len(citation.withdrawn_reason) == limit_of(Citation, "withdrawn_reason")


def test_a_review_comment_past_its_limit_is_refused_before_the_claim_moves(nothing_changes):
    claim = make_claim()
    limit = limit_of(ReviewTransition, "comment")

    with nothing_changes(), pytest.raises(InvalidInput) as refused:
        claim_submit(claim=claim, comment="c" * (limit + 1))

    message = f"Ensure this value has at most {limit} characters (it has {limit + 1})."
    assert refused.value.errors == {"comment": [message]}


def test_a_comment_at_its_limit_is_kept_whole_and_the_history_row_holds_what_it_can(editor, reviewer):
    """The history's change reason is django-simple-history's 100-character column; on PostgreSQL
    a longer one would fail the write. The transition keeps the whole comment."""
    claim = make_claim()
    claim_submit(claim=claim)
    comment = "c" * limit_of(ReviewTransition, "comment")

    claim_reject(claim=claim, comment=comment, by=reviewer)

    assert ReviewTransition.objects.get(claim=claim, to_state="rejected").comment == comment
    reason = claim.history.order_by("-history_id").first().history_change_reason
    assert reason.startswith("reject: ccc") and len(reason) == 100


def test_a_retraction_reason_past_its_limit_is_named_as_the_reason(nothing_changes):
    claim = claim_publish_imported(claim=make_claim(), comment="")
    limit = limit_of(ReviewTransition, "comment")

    with nothing_changes(), pytest.raises(InvalidInput) as refused:
        claim_retract(claim=claim, reason="r" * (limit + 1))

    assert list(refused.value.errors) == ["reason"]
