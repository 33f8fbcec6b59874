"""import_claims holds every field to its limit on both of its paths: a value at the limit lands, one
past it is reported on its line, naming the field and the limit, and the record leaves nothing."""

import copy

import pytest
from django.db.models import Model

import claims.importing.run as run
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
from tests.factories import make_outlet
from tests.importing.helpers import import_file, write_jsonl

pytestmark = pytest.mark.django_db

OUTLETS = [{"slug": "al-akhbar", "name": "Al-Akhbar"}, {"slug": "levant-wire", "name": "Levant Wire"}]
ACTORS = [{"slug": "iran", "name": "Iran", "kind": "state"}]


def limit_of(model: type[Model], field: str) -> int:
    return max_length_of(model._meta.get_field(field))


def too_long(field: str, limit: int) -> str:
    return f"{field}: Ensure this value has at most {limit} characters (it has {limit + 1})."


def value_of(length: int, field: str) -> str:
    if "url" in field:
        return "https://example.org/" + "a" * (length - len("https://example.org/"))
    return "ت" * length  # Arabic: a limit counts characters, not bytes


def record(ref: str, **fields: object) -> dict:
    return {
        "external_ref": ref,
        "text": f"Claim {ref}",
        "review_state": "rejected",
        "review_comment": "Needs a second source.",
        "appearances": [
            {"ref": "a", "outlet": "al-akhbar", "published_on": "2021-10-21"},
            {"ref": "b", "outlet": "levant-wire", "published_on": "2021-10-22"},
        ],
        "citations": [{"citing": "b", "cited": "a", "kind": "republished"}],
        "evidence": [{"stance": "denies", "date": "2021-10-25", "actor": "iran", "appearance": "b"}],
    } | fields


def with_value(base: dict, path: tuple, value: str) -> dict:
    changed = copy.deepcopy(base)
    target = changed
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return changed


# (model, field, where it is in a record, the prefix of its error line)
FIELDS = [
    (Claim, "text", ("text",), ""),
    (Claim, "notes", ("notes",), ""),
    (ReviewTransition, "comment", ("review_comment",), 'review_state "rejected": '),
    *(
        (Appearance, field, ("appearances", 0, field), "appearance #1: ")
        for field in ("url", "headline", "language", "excerpt", "attributed_source", "source_document")
    ),
    (Citation, "note", ("citations", 0, "note"), "citation #1: "),
    (StatusEvidence, "note", ("evidence", 0, "note"), "evidence #1: "),
    (StatusEvidence, "url", ("evidence", 0, "url"), "evidence #1: "),
]
IDS = [".".join(str(key) for key in path) for _, _, path, _ in FIELDS]


@pytest.fixture(params=["in bulk", "one by one"])
def path_taken(request, monkeypatch) -> str:
    if request.param == "one by one":
        monkeypatch.setattr(run, "queue_for_bulk", lambda *args, **kwargs: False)
    return request.param


@pytest.mark.parametrize(("model", "field", "path", "where"), FIELDS, ids=IDS)
def test_a_field_at_its_limit_lands_and_one_past_is_reported_on_its_line(
    tmp_path, path_taken, model, field, path, where
):
    limit = limit_of(model, field)
    at_limit, past = value_of(limit, field), value_of(limit + 1, field)
    records = [
        record("defines", outlets=OUTLETS, actors=ACTORS),  # creates outlets: goes one by one
        with_value(record("at-limit"), path, at_limit),
        with_value(record("past"), path, past),
        record("after"),
    ]

    result = import_file(write_jsonl(tmp_path / "claims.jsonl", records))

    assert not result.ok
    errors = [line for line in result.stderr.splitlines() if line.startswith("line ")]
    assert errors == [f"line 3 (past): {where}{too_long(field, limit)}"]
    assert "1 record(s) failed, at line(s) 3." in result.stdout
    assert set(Claim.objects.values_list("external_ref", flat=True)) == {"defines", "at-limit", "after"}
    assert not Appearance.objects.filter(external_ref__startswith="past/").exists()
    assert at_limit in stored_values(model, field)


def stored_values(model: type[Model], field: str) -> set:
    return set(model.objects.values_list(field, flat=True))


# Definitions of outlets, actors and events create rows, so these records go one by one.
DEFINITIONS = [
    *(
        (Outlet, field, ("outlets", 0, field), 'appearance #1: outlet "al-akhbar": ')
        for field in ("name", "country", "url", "reliability_note")
    ),
    # The outlet's affiliation names the actor: both are made when the first appearance needs the outlet.
    (
        Affiliation,
        "quote",
        ("outlets", 0, "affiliations", 0, "quote"),
        'appearance #1: outlet "al-akhbar", affiliation #1: ',
    ),
    (Actor, "name", ("actors", 0, "name"), 'appearance #1: actor "iran": '),
    (Actor, "description", ("actors", 0, "description"), 'appearance #1: actor "iran": '),
    (Event, "title", ("event", "title"), "event: "),
    (Event, "description", ("event", "description"), "event: "),
]


def defining(ref: str) -> dict:
    outlets = copy.deepcopy(OUTLETS)
    outlets[0]["affiliations"] = [
        {"actor": "iran", "relation": "funded_by", "stated_by_url": "https://example.org/who-says"}
    ]
    return record(ref, outlets=outlets, actors=copy.deepcopy(ACTORS), event={"title": "An attack"})


@pytest.mark.parametrize(
    ("model", "field", "path", "where"), DEFINITIONS, ids=[".".join(map(str, d[2])) for d in DEFINITIONS]
)
def test_a_definition_one_past_its_limit_is_reported_and_creates_nothing(tmp_path, model, field, path, where):
    limit = limit_of(model, field)
    records = [with_value(defining("past"), path, value_of(limit + 1, field))]

    result = import_file(write_jsonl(tmp_path / "claims.jsonl", records))

    assert not result.ok
    errors = [line for line in result.stderr.splitlines() if line.startswith("line ")]
    assert errors == [f"line 1 (past): {where}{too_long(field, limit)}"]
    assert not Claim.objects.exists()
    assert not Outlet.objects.exists()
    assert not Actor.objects.exists()
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    ("model", "field", "path", "where"), DEFINITIONS, ids=[".".join(map(str, d[2])) for d in DEFINITIONS]
)
def test_a_definition_at_its_limit_is_created(tmp_path, model, field, path, where):
    value = value_of(limit_of(model, field), field)

    result = import_file(write_jsonl(tmp_path / "claims.jsonl", [with_value(defining("at-limit"), path, value)]))

    assert result.ok, result.stderr
    assert value in stored_values(model, field)


def test_an_outlet_with_too_many_aliases_is_reported_on_its_line(tmp_path):
    outlets = copy.deepcopy(OUTLETS)
    outlets[1]["aliases"] = [f"Wire {n}" for n in range(ALIASES.count + 1)]

    result = import_file(write_jsonl(tmp_path / "claims.jsonl", [record("many", outlets=outlets, actors=ACTORS)]))

    assert not result.ok
    assert (
        'line 1 (many): appearance #2: outlet "levant-wire": aliases: '
        f"Ensure there are at most {ALIASES.count} aliases (there are {ALIASES.count + 1})."
    ) in result.stderr
    assert not Outlet.objects.exists()


CSV_HEADER = "external_ref,text,outlet,published_on,headline,excerpt\n"


def test_a_csv_row_past_a_limit_is_reported_with_its_line(tmp_path):
    make_outlet("Al-Akhbar", slug="al-akhbar")
    text, headline = limit_of(Claim, "text"), limit_of(Appearance, "headline")
    path = tmp_path / "claims.csv"
    path.write_text(
        CSV_HEADER
        + f"at-limit,{'a' * text},al-akhbar,2021-10-21,{'h' * headline},\n"
        + f"long-text,{'a' * (text + 1)},al-akhbar,2021-10-21,,\n"
        + f"long-headline,A claim,al-akhbar,2021-10-21,{'h' * (headline + 1)},\n",
        encoding="utf-8",
    )

    result = import_file(path)

    errors = [line for line in result.stderr.splitlines() if line.startswith("line ")]
    assert errors == [
        f"line 3 (long-text): {too_long('text', text)}",
        f"line 4 (long-headline): appearance #1: {too_long('headline', headline)}",
    ]
    assert list(Claim.objects.values_list("external_ref", flat=True)) == ["at-limit"]
    assert Appearance.objects.get().headline == "h" * headline
