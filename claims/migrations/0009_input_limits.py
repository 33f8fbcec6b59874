"""Input limits (docs/api.md): every URL holds up to 2,000 characters, text fields carry their
length limits as validators, and alias lists their count and length.

The validators change nothing in the database. The URL columns grow (varchar 500 or 1000 to
2000): on PostgreSQL a metadata change, on SQLite a remake of each table. SQLite cannot remake
claims_appearance while the triggers of 0008_claim_outlets name it, and drops its own with the
old table: they are taken off first and installed again last.
"""

import importlib

import claims.models.fields
import django.core.validators
from django.db import migrations, models

claim_outlets = importlib.import_module("claims.migrations.0008_claim_outlets")


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0008_claim_outlets"),
    ]

    operations = [
        # SQLite cannot remake claims_appearance while triggers name it: they step aside meanwhile.
        migrations.RunPython(claim_outlets.uninstall, claim_outlets.install),
        migrations.AlterField(
            model_name="actor",
            name="aliases",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Other spellings and transliterations.",
                validators=[claims.models.fields.AliasList(count=30, length=200)],
            ),
        ),
        migrations.AlterField(
            model_name="actor",
            name="description",
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(4000)]),
        ),
        migrations.AlterField(
            model_name="affiliation",
            name="quote",
            field=models.TextField(
                blank=True,
                help_text="The words of the source that states the tie.",
                validators=[django.core.validators.MaxLengthValidator(4000)],
            ),
        ),
        migrations.AlterField(
            model_name="affiliation",
            name="stated_by_url",
            field=models.URLField(blank=True, max_length=2000),
        ),
        migrations.AlterField(
            model_name="affiliation",
            name="withdrawn_reason",
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(2000)]),
        ),
        migrations.AlterField(
            model_name="appearance",
            name="excerpt",
            field=models.TextField(
                blank=True,
                help_text="The words of the appearance that carry the claim.",
                validators=[django.core.validators.MaxLengthValidator(4000)],
            ),
        ),
        migrations.AlterField(
            model_name="appearance",
            name="url",
            field=models.URLField(blank=True, max_length=2000),
        ),
        migrations.AlterField(
            model_name="appearance",
            name="withdrawn_reason",
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(2000)]),
        ),
        migrations.AlterField(
            model_name="citation",
            name="note",
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(2000)]),
        ),
        migrations.AlterField(
            model_name="citation",
            name="withdrawn_reason",
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(2000)]),
        ),
        migrations.AlterField(
            model_name="claim",
            name="notes",
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(4000)]),
        ),
        migrations.AlterField(
            model_name="claim",
            name="text",
            field=models.TextField(validators=[django.core.validators.MaxLengthValidator(2000)]),
        ),
        migrations.AlterField(
            model_name="event",
            name="description",
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(4000)]),
        ),
        migrations.AlterField(
            model_name="historicalactor",
            name="aliases",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Other spellings and transliterations.",
                validators=[claims.models.fields.AliasList(count=30, length=200)],
            ),
        ),
        migrations.AlterField(
            model_name="historicalactor",
            name="description",
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(4000)]),
        ),
        migrations.AlterField(
            model_name="historicalaffiliation",
            name="quote",
            field=models.TextField(
                blank=True,
                help_text="The words of the source that states the tie.",
                validators=[django.core.validators.MaxLengthValidator(4000)],
            ),
        ),
        migrations.AlterField(
            model_name="historicalaffiliation",
            name="stated_by_url",
            field=models.URLField(blank=True, max_length=2000),
        ),
        migrations.AlterField(
            model_name="historicalaffiliation",
            name="withdrawn_reason",
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(2000)]),
        ),
        migrations.AlterField(
            model_name="historicalappearance",
            name="excerpt",
            field=models.TextField(
                blank=True,
                help_text="The words of the appearance that carry the claim.",
                validators=[django.core.validators.MaxLengthValidator(4000)],
            ),
        ),
        migrations.AlterField(
            model_name="historicalappearance",
            name="url",
            field=models.URLField(blank=True, max_length=2000),
        ),
        migrations.AlterField(
            model_name="historicalappearance",
            name="withdrawn_reason",
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(2000)]),
        ),
        migrations.AlterField(
            model_name="historicalcitation",
            name="note",
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(2000)]),
        ),
        migrations.AlterField(
            model_name="historicalcitation",
            name="withdrawn_reason",
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(2000)]),
        ),
        migrations.AlterField(
            model_name="historicalclaim",
            name="notes",
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(4000)]),
        ),
        migrations.AlterField(
            model_name="historicalclaim",
            name="text",
            field=models.TextField(validators=[django.core.validators.MaxLengthValidator(2000)]),
        ),
        migrations.AlterField(
            model_name="historicalevent",
            name="description",
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(4000)]),
        ),
        migrations.AlterField(
            model_name="historicaloutlet",
            name="aliases",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Other spellings and transliterations.",
                validators=[claims.models.fields.AliasList(count=30, length=200)],
            ),
        ),
        migrations.AlterField(
            model_name="historicaloutlet",
            name="reliability_note",
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(2000)]),
        ),
        migrations.AlterField(
            model_name="historicaloutlet",
            name="url",
            field=models.URLField(blank=True, max_length=2000),
        ),
        migrations.AlterField(
            model_name="historicalstatusevidence",
            name="note",
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(2000)]),
        ),
        migrations.AlterField(
            model_name="historicalstatusevidence",
            name="url",
            field=models.URLField(blank=True, max_length=2000),
        ),
        migrations.AlterField(
            model_name="historicalstatusevidence",
            name="withdrawn_reason",
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(2000)]),
        ),
        migrations.AlterField(
            model_name="outlet",
            name="aliases",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Other spellings and transliterations.",
                validators=[claims.models.fields.AliasList(count=30, length=200)],
            ),
        ),
        migrations.AlterField(
            model_name="outlet",
            name="reliability_note",
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(2000)]),
        ),
        migrations.AlterField(
            model_name="outlet",
            name="url",
            field=models.URLField(blank=True, max_length=2000),
        ),
        migrations.AlterField(
            model_name="reviewtransition",
            name="comment",
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(2000)]),
        ),
        migrations.AlterField(
            model_name="statusevidence",
            name="note",
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(2000)]),
        ),
        migrations.AlterField(
            model_name="statusevidence",
            name="url",
            field=models.URLField(blank=True, max_length=2000),
        ),
        migrations.AlterField(
            model_name="statusevidence",
            name="withdrawn_reason",
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(2000)]),
        ),
        migrations.RunPython(claim_outlets.install, claim_outlets.uninstall),
    ]
