from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.seeding import SeedError, load_seeds


class Command(BaseCommand):
    help = "Load the seed corpus from seeds/ through the services. Running it again changes nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--path",
            type=Path,
            default=settings.BASE_DIR / "seeds",
            help="The seeds folder to load (default: seeds/ in the project).",
        )

    def handle(self, *args: object, path: Path, **options: object) -> None:
        try:
            tally = load_seeds(path)
        except SeedError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Seeds loaded from {path}:")
        for line in tally.lines():
            self.stdout.write(f"  {line}")
