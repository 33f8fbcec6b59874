from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand
from django.db import transaction

from claims.roles import EDITOR, REVIEWER

# Demo accounts for a local run; the passwords are printed, so never use them in production.
DEMO_USERS = [
    ("editor", "editor-demo-2021", [EDITOR], False),
    ("reviewer", "reviewer-demo-2021", [REVIEWER], False),
    ("admin", "admin-demo-2021", [], True),
]


class Command(BaseCommand):
    help = "Create (or reset) the demo users editor, reviewer and admin, and print their passwords."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        self.stdout.write("Demo users (for local use only):")
        for username, password, groups, is_superuser in DEMO_USERS:
            user, _ = User.objects.get_or_create(username=username)
            user.is_staff = True
            user.is_superuser = is_superuser
            user.set_password(password)
            user.save()
            user.groups.set(Group.objects.filter(name__in=groups))
            role = "superuser" if is_superuser else ", ".join(groups)
            self.stdout.write(f"  {username:<9} password: {password:<20} ({role})")
