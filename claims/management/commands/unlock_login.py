"""manage.py unlock_login [--user NAME] [--address IP]: lift a login lock-out before its cool-off ends."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.security.client_address import normalised_address
from claims.security.login_limits import login_unlock


class Command(BaseCommand):
    help = "Lift the lock on logins to an account, or from a network address, and forget their failed logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", help="The username whose logins are locked.")
        parser.add_argument("--address", help="The client address whose logins are locked, e.g. 203.0.113.7.")

    def handle(self, *args: object, user: str | None = None, address: str | None = None, **options: object) -> None:
        if not user and not address:
            raise CommandError("Say whose logins to unlock: --user NAME, --address IP, or both.")
        login_unlock(username=user, address=normalised_address(address) if address else None)
        unlocked = " and ".join(part for part in (user and f"user {user}", address and f"address {address}") if part)
        self.stdout.write(f"Unlocked logins for {unlocked}.")
