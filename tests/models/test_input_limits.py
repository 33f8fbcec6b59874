"""Every free-text field has a limit, and docs/api.md states each one as the models set it."""

import re
from pathlib import Path

from django.db import models

from claims.models import (
    Actor,
    ActorAffiliation,
    Affiliation,
    Appearance,
    Citation,
    Claim,
    ClaimMerge,
    Event,
    Feed,
    Outlet,
    OutletDependence,
    ReviewTransition,
    StatusEvidence,
    Subscription,
    Watch,
)
from claims.models.fields import ALIASES, max_length_of
from tests.models.text_fields import free_text_fields

DOCS = Path(__file__).resolve().parents[2] / "docs" / "api.md"
NOUNS = {
    "claim": Claim,
    "appearance": Appearance,
    "citation": Citation,
    "evidence": StatusEvidence,
    "affiliation": Affiliation,
    "actor_affiliation": ActorAffiliation,
    "outlet": Outlet,
    "actor": Actor,
    "event": Event,
    "webhook": Subscription,
    "dependence": OutletDependence,
    "merge": ClaimMerge,
    "feed": Feed,
    "watch": Watch,
}
WITHDRAWN = [Appearance, Citation, StatusEvidence, Affiliation, ActorAffiliation]


def documented_limits() -> dict[tuple[type[models.Model], str], int]:
    """The table under "Input limits": each row's `noun field` pairs and its number."""
    section = DOCS.read_text(encoding="utf-8").split("## Input limits", 1)[1].split("\n## ", 1)[0]
    limits = {}
    for row in re.findall(r"^\| (.+?) \| ([\d,]+) (?:characters|aliases)", section, flags=re.MULTILINE):
        where, number = row[0], int(row[1].replace(",", ""))
        for noun, field in re.findall(r"(\w+) `(\w+)`", where):
            if noun in NOUNS and field != "aliases":  # a list: see the test of the alias limits
                limits[(NOUNS[noun], field)] = number
        if where.startswith("review comment"):
            limits[(ReviewTransition, "comment")] = number
        if where.startswith("withdrawal `reason`"):
            limits.update({(model, "withdrawn_reason"): number for model in WITHDRAWN})
    return limits


def test_every_free_text_field_has_a_limit():
    unlimited = [f"{model.__name__}.{field.name}" for model, field in free_text_fields() if not max_length_of(field)]

    assert unlimited == []


def test_the_documented_limits_are_the_models_and_cover_every_field():
    documented = documented_limits()

    actual = {(model, field.name): max_length_of(field) for model, field in free_text_fields()}
    assert documented == actual


def test_the_documented_alias_limits_are_the_validators():
    section = DOCS.read_text(encoding="utf-8").split("## Input limits", 1)[1]

    assert f"| outlet `aliases`, actor `aliases` | {ALIASES.count} aliases of {ALIASES.length} characters each |" in (
        section
    )
    for model in (Outlet, Actor):
        assert ALIASES in model._meta.get_field("aliases").validators
