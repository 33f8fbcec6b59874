"""The intake's permissions for the editorial roles (SPEC §7, §16): editors add and change feeds;
the newsroom reads feeds and the inbox. Triage itself is a decision about appearances
(`add_appearance`, which editors hold already)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "editor": ["add_feed", "change_feed", "view_feed", "view_inboxitem", "add_watch", "view_watch"],
    "reviewer": ["view_feed", "view_inboxitem"],
}


def grant(apps, schema_editor):
    db = schema_editor.connection.alias
    app_config = apps.get_app_config("claims")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, using=db, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.using(db).filter(name=name).first()
        if group is None:
            continue
        perms = Permission.objects.using(db).filter(content_type__app_label="claims", codename__in=codenames)
        missing = set(codenames) - set(perms.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"Permissions missing for role {name}: {sorted(missing)}")
        group.permissions.add(*perms)


def revoke(apps, schema_editor):
    db = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        for group in Group.objects.using(db).filter(name=name):
            group.permissions.remove(
                *Permission.objects.using(db).filter(content_type__app_label="claims", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [("claims", "0025_feeds_inbox")]
    operations = [migrations.RunPython(grant, revoke)]
