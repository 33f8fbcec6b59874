"""A full recompute of learned source dependence on the configured corpus, on N workers (SPEC §17).

    CELERY_BROKER_URL=redis://127.0.0.1:6379/13 python -m bench.dependence_recompute --workers 2

Starts N workers (`celery -A provenance worker --concurrency=1` each, on a queue of its own),
asks for a full recompute (`manage.py outlet_dependence` does the same) and times it from the
request until its job is done: the plan, the DEPENDENCE_BLOCKS blocks counted at once on the
workers, the weighing; the rescoring it asks for is a job of its own and is not waited for.
Goal: under 10 minutes at 1,000,000 claims on two workers.
"""

import argparse
import os
import tempfile
import time
import uuid
from pathlib import Path

QUEUE = f"provenance-bench-{uuid.uuid4().hex[:6]}"
os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/13")
os.environ["CELERY_QUEUE"] = QUEUE

from bench.rescoring import start_workers, stop_workers, wait_for  # noqa: E402
from bench.setup import django_setup  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    django_setup()
    from django.db import transaction

    from claims.models import Claim, Outlet
    from claims.services.dependence_runs import dependence_recompute

    log = Path(tempfile.mkstemp(suffix=".log")[1])
    workers = start_workers(args.workers, log)
    try:
        started = time.monotonic()
        with transaction.atomic():
            job = dependence_recompute(full=True)
        job = wait_for(job.pk)
        seconds = time.monotonic() - started
    finally:
        stop_workers(workers)
    print(f"{Claim.objects.count():,} claims, {Outlet.objects.count():,} outlets, {args.workers} workers")
    print(f"full recompute: {seconds:.1f} s, job {job.state}: {job.result or job.failure}")


if __name__ == "__main__":
    main()
