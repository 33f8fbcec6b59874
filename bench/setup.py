"""Django set up for a benchmark run as a script: `python -m bench.NAME`.

Benchmarks measure the endpoints, not the throttle, so it is switched off, and
DEBUG's query log is off as in production.
"""

import os


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "provenance.settings")
    os.environ.setdefault("THROTTLE_ANON", "off")
    os.environ.setdefault("THROTTLE_USER", "off")
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False
