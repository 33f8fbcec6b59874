"""Django set up for a benchmark run as a script: `python -m bench.NAME`."""

import os


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "provenance.settings")
    import django

    django.setup()
