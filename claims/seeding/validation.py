"""Checks of a seed set before anything is written, so a bad file changes nothing.

The services check every rule again when the rows are written; these checks
exist to name the file and record at fault, and to check what the database
cannot see: that every record says which document and words it comes from.
"""

from claims.choices import ActorKind, ActorRelation, AffiliationRelation, OutletKind, Reliability
from claims.seeding.claim_checks import actor_names, claim_problems
from claims.seeding.files import SeedSet
from claims.seeding.problems import Problems


def _document_problems(seeds: SeedSet, problems: Problems, outlets: set[str]) -> None:
    problems.check_unique("documents.json", [d.get("file") for d in seeds.documents], "file")
    for record in seeds.documents:
        where = f"documents.json {record.get('file')}"
        if record.get("outlet") not in outlets:
            problems.add(where, f"outlet {record.get('outlet')!r} is not in outlets.json.")
        problems.check_date(where, "published_on", record.get("published_on"), required=True)


def _directory_problems(seeds: SeedSet, problems: Problems, documents: set[str]) -> None:
    tables = (
        ("outlets.json", seeds.outlets, "name", OutletKind.values),
        ("actors.json", seeds.actors, "name", ActorKind.values),
        ("events.json", seeds.events, "title", None),
    )
    for filename, records, label, kinds in tables:
        problems.check_unique(filename, [r.get("slug") for r in records], "slug")
        for record in records:
            where = f"{filename} {record.get('slug')}"
            if not record.get("slug") or not str(record.get(label) or "").strip():
                problems.add(where, f"slug and {label} are required.")
            if kinds is not None:
                problems.check_choice(where, "kind", record.get("kind"), kinds)
            if not all(isinstance(a, str) for a in record.get("aliases", [])):
                problems.add(where, "aliases must be a list of names.")
            if filename == "events.json":
                problems.check_date(where, "date", record.get("date"))
            problems.check_source(where, record, documents)


def _grade_problems(seeds: SeedSet, problems: Problems, outlets: set[str]) -> None:
    problems.check_unique("grades.json", [g.get("outlet") for g in seeds.grades], "outlet")
    for record in seeds.grades:
        where = f"grades.json {record.get('outlet')}"
        if record.get("outlet") not in outlets:
            problems.add(where, "outlet is not in outlets.json.")
        problems.check_choice(where, "reliability", record.get("reliability"), Reliability.values)
        if not str(record.get("reliability_note") or "").strip():
            problems.add(where, "reliability_note must say why the grade was given.")


def _affiliation_problems(seeds: SeedSet, problems: Problems, slugs: dict[str, set[str]], documents: set[str]) -> None:
    problems.check_unique("affiliations.json", [a.get("ref") for a in seeds.affiliations], "ref")
    for record in seeds.affiliations:
        where = f"affiliations.json {record.get('ref')}"
        for name, table in (("outlet", "outlets"), ("actor", "actors")):
            if record.get(name) not in slugs[table]:
                problems.add(where, f"{name} {record.get(name)!r} is not in {table}.json.")
        problems.check_choice(where, "relation", record.get("relation"), AffiliationRelation.values)
        stated_by = record.get("stated_by_outlet")
        if stated_by is not None and stated_by not in slugs["outlets"]:
            problems.add(where, f"stated_by_outlet {stated_by!r} is not in outlets.json.")
        if not stated_by and not record.get("stated_by_url"):
            problems.add(where, "an affiliation must say who states it (stated_by_outlet or stated_by_url).")
        problems.check_date(where, "valid_from", record.get("valid_from"))
        problems.check_date(where, "valid_to", record.get("valid_to"))
        problems.check_source(where, record, documents)


def _actor_affiliation_problems(
    seeds: SeedSet, problems: Problems, slugs: dict[str, set[str]], documents: set[str]
) -> None:
    problems.check_unique("actor_affiliations.json", [a.get("ref") for a in seeds.actor_affiliations], "ref")
    for record in seeds.actor_affiliations:
        where = f"actor_affiliations.json {record.get('ref')}"
        for name in ("actor", "body"):
            if record.get(name) not in slugs["actors"]:
                problems.add(where, f"{name} {record.get(name)!r} is not in actors.json.")
        if record.get("actor") is not None and record.get("actor") == record.get("body"):
            problems.add(where, "an actor cannot be tied to itself.")
        problems.check_choice(where, "relation", record.get("relation"), ActorRelation.values)
        stated_by = record.get("stated_by_outlet")
        if stated_by is not None and stated_by not in slugs["outlets"]:
            problems.add(where, f"stated_by_outlet {stated_by!r} is not in outlets.json.")
        if not stated_by and not record.get("stated_by_url"):
            problems.add(where, "a tie must say who states it (stated_by_outlet or stated_by_url).")
        problems.check_date(where, "valid_from", record.get("valid_from"))
        problems.check_date(where, "valid_to", record.get("valid_to"))
        problems.check_source(where, record, documents)


def seed_problems(seeds: SeedSet) -> list[str]:
    """Everything wrong with the seed set, as messages; empty when it can be loaded."""
    problems = Problems()
    documents = {d.get("file") for d in seeds.documents}
    slugs = {
        "outlets": {o.get("slug") for o in seeds.outlets},
        "actors": {a.get("slug") for a in seeds.actors},
        "events": {e.get("slug") for e in seeds.events},
    }
    _document_problems(seeds, problems, slugs["outlets"])
    _directory_problems(seeds, problems, documents)
    _grade_problems(seeds, problems, slugs["outlets"])
    _affiliation_problems(seeds, problems, slugs, documents)
    _actor_affiliation_problems(seeds, problems, slugs, documents)
    claim_problems(seeds.claims, problems, slugs, documents, actor_names(seeds.actors))
    return list(problems)
