"""The byline of an appearance: who wrote it, as a captured page names them (and the API, the
forms and the exports' author fields carry it). SQLite remakes claims_appearance to add the
column, which it cannot do while the triggers of 0008_claim_outlets name the table: they step
aside meanwhile, as in 0009_input_limits."""

import importlib

from django.db import migrations, models

claim_outlets = importlib.import_module("claims.migrations.0008_claim_outlets")


class Migration(migrations.Migration):
    dependencies = [("claims", "0016_capture_lifecycle")]

    operations = [
        migrations.RunPython(claim_outlets.uninstall, claim_outlets.install),
        migrations.AddField(
            model_name="appearance",
            name="author",
            field=models.CharField(
                blank=True,
                help_text="Who wrote it, as the byline names them (read from a captured page).",
                max_length=300,
            ),
        ),
        migrations.AddField(
            model_name="historicalappearance",
            name="author",
            field=models.CharField(
                blank=True,
                help_text="Who wrote it, as the byline names them (read from a captured page).",
                max_length=300,
            ),
        ),
        migrations.RunPython(claim_outlets.install, claim_outlets.uninstall),
    ]
