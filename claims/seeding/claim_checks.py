"""Checks of claims.json: each claim with its appearances, citations and evidence."""

import re
from datetime import date

from claims.choices import CitationKind, ClaimKind, ReviewState, Stance
from claims.seeding.files import parse_day
from claims.seeding.problems import Problems

# The states a load can bring a claim to; rejection and retraction are a reviewer's acts.
SEEDED_STATES = (ReviewState.DRAFT, ReviewState.IN_REVIEW, ReviewState.PUBLISHED)


def _safe_day(value: object) -> date | None:
    try:
        return parse_day(value)
    except ValueError:
        return None


def _check_links(where: str, claim: dict, problems: Problems, slugs: dict[str, set[str]]) -> None:
    for name, table in (("subject", "actors"), ("event", "events")):
        if claim.get(name) is not None and claim.get(name) not in slugs[table]:
            problems.add(where, f"{name} {claim.get(name)!r} is not in {table}.json.")


# A trailing "(anonymous)", "(not named)" qualifies who is named; it is not part of the name.
QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")


def actor_names(actors: list[dict]) -> dict[str, set[str]]:
    """Every name an actor goes by in the seeds, case-folded: its name and its aliases."""
    return {
        a.get("slug"): {str(n).strip().casefold() for n in [a.get("name"), *a.get("aliases", [])] if n} for a in actors
    }


def _check_speaker(at: str, appearance: dict, problems: Problems, names: dict[str, set[str]]) -> None:
    """An appearance that names its speaker says so in `attributed_source`, by a name the actor goes by."""
    speaker = appearance.get("speaker")
    if speaker is None:
        return
    if speaker not in names:
        problems.add(at, f"speaker {speaker!r} is not in actors.json.")
        return
    said = QUALIFIER.sub("", str(appearance.get("attributed_source") or "")).strip().casefold()
    if said not in names[speaker]:
        problems.add(
            at, f"attributed_source {appearance.get('attributed_source')!r} is not a name or alias of {speaker}."
        )


def _check_appearances(
    where: str, claim: dict, problems: Problems, outlets: set[str], documents: set[str], names: dict[str, set[str]]
) -> None:
    if not claim.get("appearances"):
        problems.add(where, "a claim needs at least one appearance.")
    for appearance in claim.get("appearances", []):
        at = f"{where} appearance {appearance.get('ref')}"
        if appearance.get("outlet") not in outlets:
            problems.add(at, f"outlet {appearance.get('outlet')!r} is not in outlets.json.")
        problems.check_date(at, "published_on", appearance.get("published_on"), required=True)
        problems.check_source(at, appearance, documents)
        _check_speaker(at, appearance, problems, names)


def _has_cycle(edges: list[tuple[str, str]]) -> bool:
    cited_by: dict[str, list[str]] = {}
    for citing, cited in edges:
        cited_by.setdefault(citing, []).append(cited)
    state: dict[str, str] = {}

    def visit(node: str) -> bool:
        state[node] = "open"
        for nxt in cited_by.get(node, []):
            if state.get(nxt) == "open" or (nxt not in state and visit(nxt)):
                return True
        state[node] = "done"
        return False

    return any(node not in state and visit(node) for node in list(cited_by))


def _check_citations(where: str, claim: dict, problems: Problems, documents: set[str]) -> None:
    days = {a.get("ref"): _safe_day(a.get("published_on")) for a in claim.get("appearances", [])}
    edges = []
    for citation in claim.get("citations", []):
        citing, cited = citation.get("citing"), citation.get("cited")
        at = f"{where} citation {citing} -> {cited}"
        problems.check_choice(at, "kind", citation.get("kind"), CitationKind.values)
        problems.check_source(at, citation, documents)
        if citing not in days or cited not in days:
            problems.add(at, "both ends must be appearances of the same claim.")
            continue
        if citing == cited:
            problems.add(at, "an appearance cannot cite itself.")
        elif days[citing] and days[cited] and days[citing] < days[cited]:
            problems.add(
                at, f"the citing appearance ({days[citing]}) is dated before the one it cites ({days[cited]})."
            )
        edges.append((citing, cited))
    problems.check_unique(where, [f"{a} -> {b}" for a, b in edges], "citation")
    if _has_cycle(edges):
        problems.add(where, "the citations form a cycle.")


def _check_evidence(where: str, claim: dict, problems: Problems, actors: set[str], documents: set[str]) -> None:
    refs = {a.get("ref") for a in claim.get("appearances", [])}
    for evidence in claim.get("evidence", []):
        at = f"{where} evidence {evidence.get('ref')}"
        problems.check_choice(at, "stance", evidence.get("stance"), Stance.values)
        problems.check_date(at, "date", evidence.get("date"), required=True)
        problems.check_source(at, evidence, documents)
        if evidence.get("actor") is not None and evidence.get("actor") not in actors:
            problems.add(at, f"actor {evidence.get('actor')!r} is not in actors.json.")
        appearance = evidence.get("appearance")
        if appearance is not None and appearance not in refs:
            problems.add(at, f"appearance {appearance!r} is not an appearance of this claim.")
        if appearance is None and not evidence.get("url"):
            problems.add(at, "evidence must point to an appearance or a url.")


def claim_problems(
    claims: list[dict],
    problems: Problems,
    slugs: dict[str, set[str]],
    documents: set[str],
    names: dict[str, set[str]] | None = None,
) -> None:
    names = names or {}
    problems.check_unique("claims.json", [c.get("ref") for c in claims], "claim ref")
    problems.check_unique(
        "claims.json", [a.get("ref") for c in claims for a in c.get("appearances", [])], "appearance ref"
    )
    problems.check_unique("claims.json", [e.get("ref") for c in claims for e in c.get("evidence", [])], "evidence ref")
    for claim in claims:
        where = f"claims.json {claim.get('ref')}"
        if not str(claim.get("text") or "").strip():
            problems.add(where, "text is required.")
        problems.check_choice(where, "kind", claim.get("kind"), ClaimKind.values)
        problems.check_choice(where, "review_state", claim.get("review_state"), SEEDED_STATES)
        problems.check_source(where, claim, documents)
        _check_links(where, claim, problems, slugs)
        _check_appearances(where, claim, problems, slugs["outlets"], documents, names)
        _check_citations(where, claim, problems, documents)
        _check_evidence(where, claim, problems, slugs["actors"], documents)
