"""Loading affiliations: each a sourced statement that an outlet is tied to an actor."""

from functools import partial

from claims.models import Affiliation
from claims.seeding.directory import Directory
from claims.seeding.files import SeedSet, external_ref, parse_day
from claims.seeding.sync import CREATED, Tally, seed_record, sync_row
from claims.services.affiliations import affiliation_create, affiliation_update


def affiliation_fields(record: dict, directory: Directory) -> dict:
    return {
        "outlet": directory.outlets[record["outlet"]],
        "actor": directory.actors[record["actor"]],
        "relation": record["relation"],
        "stated_by_outlet": directory.outlet(record.get("stated_by_outlet")),
        "stated_by_url": record.get("stated_by_url", ""),
        "quote": record["quote"],
        "source_document": record["source_document"],
        "valid_from": parse_day(record.get("valid_from")),
        "valid_to": parse_day(record.get("valid_to")),
    }


def load_affiliations(seeds: SeedSet, directory: Directory, tally: Tally) -> None:
    for record in seeds.affiliations:
        ref, wanted = external_ref(record["ref"]), affiliation_fields(record, directory)
        with seed_record("affiliation", record["ref"]):
            affiliation = Affiliation.objects.filter(external_ref=ref).first()
            if affiliation is None:
                affiliation_create(external_ref=ref, **wanted)
                tally.add("affiliations", CREATED)
                continue
            sync_row(
                tally,
                "affiliations",
                affiliation,
                wanted,
                partial(affiliation_update, affiliation=affiliation),
                frozen=affiliation.is_withdrawn,
            )
