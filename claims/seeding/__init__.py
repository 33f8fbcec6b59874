"""The seed corpus (SPEC §9): reading, checking and loading the files in seeds/."""

from claims.seeding.files import SeedError, SeedSet, read_seed_set
from claims.seeding.loader import load_seeds
from claims.seeding.validation import seed_problems

__all__ = ["SeedError", "SeedSet", "load_seeds", "read_seed_set", "seed_problems"]
