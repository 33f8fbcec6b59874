"""`manage.py create_api_token USER [--rotate]`: print the user's API token, creating it if needed."""

from argparse import ArgumentParser

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = (
        "Print USER's API token for `Authorization: Token <key>`, creating it if the user has none. "
        "--rotate replaces it: the old key stops working at once."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--rotate", action="store_true", help="Replace the existing token with a new one.")

    @transaction.atomic
    def handle(self, *args: object, username: str, rotate: bool, **options: object) -> None:
        user_model = get_user_model()
        try:
            user = user_model.objects.get(**{user_model.USERNAME_FIELD: username})
        except user_model.DoesNotExist:
            raise CommandError(
                f'No user "{username}". Create one first (manage.py createsuperuser, or the admin).'
            ) from None
        if not user.is_active:
            raise CommandError(f'User "{username}" is inactive; a token would not authenticate.')
        if rotate:
            Token.objects.filter(user=user).delete()
        token, _ = Token.objects.get_or_create(user=user)
        self.stdout.write(token.key)
