"""The task engine (SPEC §12): Celery, configured from the Django settings (CELERY_*).

Workers start with `celery -A provenance worker`. With no CELERY_BROKER_URL (the embedded
default), tasks run in-process, right after the transaction that asked for them commits.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "provenance.settings")

app = Celery("provenance")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
