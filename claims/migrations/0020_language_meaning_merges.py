"""Languages of claims and snapshots, claims' meaning vectors, and reversible merges (SPEC §15).
SQLite remakes claims_claim to add the merged_into key, which it cannot do while the triggers of
0008_claim_outlets name the table: they step aside meanwhile, as in 0017_appearance_author."""

import importlib

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

claim_outlets = importlib.import_module("claims.migrations.0008_claim_outlets")


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0019_actor_speakers"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(claim_outlets.uninstall, claim_outlets.install),
        migrations.CreateModel(
            name="ClaimMerge",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("reason", models.TextField(validators=[django.core.validators.MaxLengthValidator(2000)])),
                ("moved", models.JSONField(default=dict)),
                ("merged_at", models.DateTimeField(auto_now_add=True)),
                ("unmerged_at", models.DateTimeField(blank=True, null=True)),
                (
                    "unmerge_reason",
                    models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(2000)]),
                ),
            ],
            options={
                "ordering": ["-merged_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="ClaimVector",
            fields=[
                (
                    "claim",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="meaning",
                        serialize=False,
                        to="claims.claim",
                    ),
                ),
                (
                    "text_sha",
                    models.CharField(help_text="SHA-256 of the text the vector is (to be) of.", max_length=64),
                ),
                ("vector", models.BinaryField(blank=True, null=True)),
                (
                    "model",
                    models.CharField(blank=True, help_text="The model the vector was computed with.", max_length=60),
                ),
                ("updated_at", models.DateTimeField(auto_now=True, db_index=True)),
            ],
        ),
        migrations.AddField(
            model_name="claim",
            name="language",
            field=models.CharField(blank=True, help_text="ISO 639-1, e.g. ar, fa, en.", max_length=8),
        ),
        migrations.AddField(
            model_name="claim",
            name="merged_into",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="merged_claims",
                to="claims.claim",
            ),
        ),
        migrations.AddField(
            model_name="historicalclaim",
            name="language",
            field=models.CharField(blank=True, help_text="ISO 639-1, e.g. ar, fa, en.", max_length=8),
        ),
        migrations.AddField(
            model_name="historicalclaim",
            name="merged_into",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="claims.claim",
            ),
        ),
        migrations.AddField(
            model_name="snapshot",
            name="language",
            field=models.CharField(blank=True, editable=False, max_length=8),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["language", "updated_at", "id"], name="claim_language_idx"),
        ),
        migrations.AddField(
            model_name="claimmerge",
            name="merged",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="merges", to="claims.claim"
            ),
        ),
        migrations.AddField(
            model_name="claimmerge",
            name="merged_by",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="claimmerge",
            name="survivor",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="merges_taken", to="claims.claim"
            ),
        ),
        migrations.AddField(
            model_name="claimmerge",
            name="unmerged_by",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddIndex(
            model_name="claimvector",
            index=models.Index(
                condition=models.Q(("vector__isnull", True)), fields=["claim"], name="claim_vector_waiting_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="claimmerge",
            constraint=models.CheckConstraint(
                condition=models.Q(("merged", models.F("survivor")), _negated=True), name="merge_not_into_itself"
            ),
        ),
        migrations.AddConstraint(
            model_name="claimmerge",
            constraint=models.UniqueConstraint(
                condition=models.Q(("unmerged_at__isnull", True)), fields=("merged",), name="merge_one_open_per_claim"
            ),
        ),
        migrations.RunPython(claim_outlets.install, claim_outlets.uninstall),
    ]
