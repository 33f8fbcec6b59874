"""Loading actor ties: whom each speaker speaks for, leads or belongs to, as a document states it."""

from functools import partial

from claims.models import ActorAffiliation
from claims.seeding.directory import Directory
from claims.seeding.files import SeedSet, external_ref, parse_day
from claims.seeding.sync import CREATED, Tally, seed_record, sync_row
from claims.services.actor_affiliations import actor_affiliation_create, actor_affiliation_update


def actor_affiliation_fields(record: dict, directory: Directory) -> dict:
    return {
        "actor": directory.actors[record["actor"]],
        "body": directory.actors[record["body"]],
        "relation": record["relation"],
        "stated_by_outlet": directory.outlet(record.get("stated_by_outlet")),
        "stated_by_url": record.get("stated_by_url", ""),
        "quote": record["quote"],
        "source_document": record["source_document"],
        "valid_from": parse_day(record.get("valid_from")),
        "valid_to": parse_day(record.get("valid_to")),
    }


def load_actor_affiliations(seeds: SeedSet, directory: Directory, tally: Tally) -> None:
    for record in seeds.actor_affiliations:
        ref, wanted = external_ref(record["ref"]), actor_affiliation_fields(record, directory)
        with seed_record("actor affiliation", record["ref"]):
            tie = ActorAffiliation.objects.filter(external_ref=ref).first()
            if tie is None:
                actor_affiliation_create(external_ref=ref, **wanted)
                tally.add("actor_affiliations", CREATED)
                continue
            update = partial(actor_affiliation_update, actor_affiliation=tie)
            sync_row(tally, "actor_affiliations", tie, wanted, update, frozen=tie.is_withdrawn)
