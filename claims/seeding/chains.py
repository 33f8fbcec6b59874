"""Loading one claim's chain: its appearances, the citations between them, and its evidence."""

from functools import partial

from claims.models import Appearance, Citation, Claim, StatusEvidence
from claims.seeding.directory import Directory
from claims.seeding.files import SeedError, external_ref, parse_day
from claims.seeding.sync import CREATED, KEPT, Tally, seed_record, sync_row
from claims.services.appearances import appearance_create, appearance_update
from claims.services.citations import citation_create, citation_update
from claims.services.evidence import evidence_create, evidence_update


def appearance_fields(item: dict, directory: Directory) -> dict:
    """The quote from the seed document is the appearance's excerpt."""
    return {
        "outlet": directory.outlets[item["outlet"]],
        "published_on": parse_day(item["published_on"]),
        "url": item.get("url", ""),
        "headline": item.get("headline", ""),
        "language": item.get("language", ""),
        "excerpt": item["quote"],
        "attributed_source": item.get("attributed_source", ""),
        "source_document": item["source_document"],
    }


def load_appearance(item: dict, claim: Claim, directory: Directory, tally: Tally) -> Appearance:
    ref, wanted = external_ref(item["ref"]), appearance_fields(item, directory)
    with seed_record("appearance", item["ref"]):
        appearance = Appearance.objects.filter(external_ref=ref).first()
        if appearance is None:
            tally.add("appearances", CREATED)
            return appearance_create(claim=claim, external_ref=ref, **wanted)
        if appearance.claim_id != claim.pk:
            raise SeedError(f"appearance {item['ref']}: already recorded on claim {appearance.claim_id}, not this one.")
        update = partial(appearance_update, appearance=appearance)
        sync_row(tally, "appearances", appearance, wanted, update, frozen=appearance.is_withdrawn)
        return appearance


def citation_note(item: dict) -> str:
    """Where the seed documents show the edge: their words and the file they are in."""
    return f"“{item['quote']}” ({item['source_document']})"


def load_citation(item: dict, appearances: dict[str, Appearance], tally: Tally) -> None:
    citing, cited = appearances[item["citing"]], appearances[item["cited"]]
    wanted = {"kind": item["kind"], "note": citation_note(item)}
    with seed_record("citation", f"{item['citing']} -> {item['cited']}"):
        latest = Citation.objects.filter(citing=citing, cited=cited).order_by("-id").first()
        if latest is not None:
            # A withdrawn edge stays withdrawn: someone decided the chain is wrong there.
            update = partial(citation_update, citation=latest)
            sync_row(tally, "citations", latest, wanted, update, frozen=latest.is_withdrawn)
        elif citing.is_withdrawn or cited.is_withdrawn:
            tally.add("citations", KEPT)
        else:
            citation_create(citing=citing, cited=cited, **wanted)
            tally.add("citations", CREATED)


def evidence_fields(item: dict, appearances: dict[str, Appearance], directory: Directory) -> dict:
    note = " ".join(part for part in (item.get("note", ""), f"“{item['quote']}”") if part)
    return {
        "stance": item["stance"],
        "actor": directory.actor(item.get("actor")),
        "date": parse_day(item["date"]),
        "appearance": appearances[item["appearance"]] if item.get("appearance") else None,
        "url": item.get("url", ""),
        "note": note,
        "source_document": item["source_document"],
    }


def load_evidence(
    item: dict, claim: Claim, appearances: dict[str, Appearance], directory: Directory, tally: Tally
) -> None:
    ref, wanted = external_ref(item["ref"]), evidence_fields(item, appearances, directory)
    with seed_record("evidence", item["ref"]):
        evidence = StatusEvidence.objects.filter(external_ref=ref).first()
        if evidence is None:
            evidence_create(claim=claim, external_ref=ref, **wanted)
            tally.add("evidence", CREATED)
            return
        update = partial(evidence_update, evidence=evidence)
        sync_row(tally, "evidence", evidence, wanted, update, frozen=evidence.is_withdrawn)


def load_chain(record: dict, claim: Claim, directory: Directory, tally: Tally) -> None:
    # Oldest first, so an appearance exists before anything that cites it.
    items = sorted(record["appearances"], key=lambda item: item["published_on"])
    appearances = {item["ref"]: load_appearance(item, claim, directory, tally) for item in items}
    for item in record.get("citations", []):
        load_citation(item, appearances, tally)
    for item in record.get("evidence", []):
        load_evidence(item, claim, appearances, directory, tally)


def keep_chain(record: dict, tally: Tally) -> None:
    """A retracted claim is kept exactly as it was retracted; its chain is not touched."""
    for kind, items in (("appearances", "appearances"), ("citations", "citations"), ("evidence", "evidence")):
        for _ in record.get(items, []):
            tally.add(kind, KEPT)
