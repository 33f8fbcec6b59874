"""Outlet domains as the outlet services now store them: normalised (lower case, no port, no www.,
m., amp. or mobile. prefix), and read from the outlet's URL where none was given. Capture then
finds an outlet by plain equality. A stored value that is no host name at all is left as it was:
the next edit of that outlet asks for a valid one."""

from django.db import migrations

from claims.capture.addresses import outlet_domain


def normalise(apps, schema_editor):
    Outlet = apps.get_model("claims", "Outlet")
    changed = []
    for outlet in Outlet.objects.only("id", "domain", "url").iterator(chunk_size=2000):
        try:
            domain = outlet_domain(outlet.domain, url=outlet.url)
        except ValueError:
            continue
        if domain != outlet.domain:
            outlet.domain = domain
            changed.append(outlet)
    Outlet.objects.bulk_update(changed, ["domain"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("claims", "0014_delivery_try_open_until")]

    operations = [migrations.RunPython(normalise, migrations.RunPython.noop)]
