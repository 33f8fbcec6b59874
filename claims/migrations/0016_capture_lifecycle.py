"""A capture keeps only its own states (waiting for an outlet or a claim, recorded); queued,
running and failed are read from its job, and so is why it failed. Rows that said "queued" or
"failed" now say nothing of their own (their job says it), and the message, which repeated the
job's failure or the state's own sentence, goes."""

from django.db import migrations, models

OWN_STATES = ["needs_outlet", "needs_claim", "recorded"]


def keep_own_states(apps, schema_editor):
    Capture = apps.get_model("claims", "Capture")
    Job = apps.get_model("claims", "Job")
    # A capture marked failed whose job was not (the two were kept in step by hand) fails with it.
    failed = Capture.objects.filter(state="failed").exclude(job__state="failed")
    for capture in failed.only("job_id", "message"):
        Job.objects.filter(pk=capture.job_id).update(state="failed", failure=capture.message[:2000])
    Capture.objects.exclude(state__in=OWN_STATES).update(state="")


def back_to_copies(apps, schema_editor):
    Capture = apps.get_model("claims", "Capture")
    Capture.objects.filter(state="", job__state="failed").update(state="failed")
    Capture.objects.filter(state="").update(state="queued")


class Migration(migrations.Migration):
    dependencies = [("claims", "0015_outlet_domains")]

    operations = [
        migrations.RemoveConstraint(model_name="capture", name="capture_state_valid"),
        migrations.AlterField(
            model_name="capture",
            name="state",
            field=models.CharField(
                blank=True,
                choices=[
                    ("needs_outlet", "Needs an outlet"),
                    ("needs_claim", "Needs a claim"),
                    ("recorded", "Appearance recorded"),
                ],
                editable=False,
                max_length=20,
            ),
        ),
        migrations.RunPython(keep_own_states, back_to_copies),
        migrations.RemoveField(model_name="capture", name="message"),
        migrations.AddIndex(model_name="capture", index=models.Index(fields=["state", "id"], name="capture_state_idx")),
        migrations.AddConstraint(
            model_name="capture",
            constraint=models.CheckConstraint(
                condition=models.Q(("state__in", ["", *OWN_STATES])), name="capture_state_valid"
            ),
        ),
    ]
