"""manage.py embed_claims: give every claim its language and meaning vector, with a progress bar.

For claims recorded before matching by meaning existed, loaded by a path that writes no vector
row (a COPY load), or whose task was lost. Safe to run at any time, and twice: only what is
missing or waiting is computed. `--save-index FILE` then writes the vector index for processes to
start from (settings MEANING_INDEX_FILE).
"""

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from claims.meaning.index import meaning_index
from claims.services.meaning import claim_languages_fill, claim_vectors_sweep


class Command(BaseCommand):
    help = "Detect missing claim languages and compute missing or stale meaning vectors."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=None, help="Compute at most this many vectors.")
        parser.add_argument("--save-index", metavar="FILE", default="", help="Then save the vector index here.")

    def handle(self, *args: object, **options: object) -> None:
        quiet = options["verbosity"] == 0
        languages = claim_languages_fill()
        with tqdm(unit=" claims", file=self.stderr._out, disable=quiet, desc="meaning vectors") as bar:

            def progress(done: int, total: int) -> None:
                bar.total = total
                bar.update(done - bar.n)

            written = claim_vectors_sweep(progress=progress, limit=options["limit"])
        self.stdout.write(f"{languages} languages detected, {written} vectors computed.")
        if options["save_index"]:
            size = meaning_index.save(str(options["save_index"]))
            self.stdout.write(f"Index of {size} vectors saved to {options['save_index']}.")
