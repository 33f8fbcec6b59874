"""The editorial roles (SPEC §7) as Django groups with their model permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITED = ["claim", "appearance", "citation", "statusevidence", "outlet", "actor", "event", "affiliation"]
VIEWED = [*EDITED, "reviewtransition"]

ROLES = {
    "editor": [f"{action}_{model}" for model in EDITED for action in ("add", "change", "view")]
    + ["view_reviewtransition"],
    "reviewer": [f"view_{model}" for model in VIEWED] + ["review_claim", "set_outlet_reliability"],
}


def create_roles(apps, schema_editor):
    db = schema_editor.connection.alias
    # Permissions are normally made after all migrations; the groups need them now.
    app_config = apps.get_app_config("claims")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, using=db, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.using(db).get_or_create(name=name)
        perms = Permission.objects.using(db).filter(content_type__app_label="claims", codename__in=codenames)
        missing = set(codenames) - set(perms.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"Permissions missing for role {name}: {sorted(missing)}")
        group.permissions.set(perms)


def drop_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.using(schema_editor.connection.alias).filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0002_postgres_search"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_roles, drop_roles)]
