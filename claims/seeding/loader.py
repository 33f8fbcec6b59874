"""Loading a seeds folder into the database through the services, idempotently."""

from pathlib import Path

from django.db import transaction

from claims.seeding.actor_affiliations import load_actor_affiliations
from claims.seeding.affiliations import load_affiliations
from claims.seeding.claims import load_claims
from claims.seeding.directory import load_directory
from claims.seeding.files import SeedError, read_seed_set
from claims.seeding.sync import Tally
from claims.seeding.validation import seed_problems
from claims.services.rescoring import rescoring_deferred


def load_seeds(folder: Path) -> Tally:
    """Create what is missing, update what differs, and rescore the touched claims once, at the end.

    Everything happens in one transaction: a record a service refuses leaves
    the database as it was. Rows are written with `by=None`, the system itself.
    """
    seeds = read_seed_set(folder)
    problems = seed_problems(seeds)
    if problems:
        listed = "\n".join(f"  - {problem}" for problem in problems)
        raise SeedError(f"{len(problems)} problem(s) in {folder}; nothing was loaded:\n{listed}")
    tally = Tally()
    with transaction.atomic(), rescoring_deferred() as touched:
        directory = load_directory(seeds, tally)
        load_affiliations(seeds, directory, tally)
        load_actor_affiliations(seeds, directory, tally)
        load_claims(seeds.claims, directory, tally)
    tally.rescored = len(touched)
    return tally
