"""Fan-out rescoring off the request path (SPEC §12): the regrade request, and how fast workers catch up.

    CELERY_BROKER_URL=redis://127.0.0.1:6379/13 python -m bench.rescoring --workers 1,2

On the configured database (a synthetic corpus: `generate_synthetic`), the outlet that carries
the most claims is regraded through the API, as a reviewer does:

1. **in the request, as before**: the grade and every affected claim's rescoring in one
   transaction (then rolled back), the path this replaced; its rate in claims/s;
2. **the request now**: `PATCH /api/v1/outlets/{id}/` with the rescoring enqueued, timed with no
   worker running (the jobs are then dropped);
3. **with N workers** (`celery -A provenance worker --concurrency=1` each, for each N given):
   one regrade, timed from the request until every affected claim is current; the rescoring
   throughput in claims/s.

Every regrade moves the outlet between two grades, so every claim it carries changes.
"""

import argparse
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

QUEUE = f"provenance-bench-{uuid.uuid4().hex[:6]}"
os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/13")
os.environ["CELERY_QUEUE"] = QUEUE

from bench.setup import django_setup  # noqa: E402
from bench.timing import measure  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def busiest_outlet() -> tuple[int, int]:
    from django.db.models import Count

    from claims.models import ClaimOutlet

    row = ClaimOutlet.objects.values("outlet_id").annotate(n=Count("claim_id")).order_by("-n").first()
    return row["outlet_id"], row["n"]


def reviewer_client() -> object:
    from django.contrib.auth.models import Group, User
    from django.test import Client

    from claims.roles import REVIEWER

    user, _ = User.objects.get_or_create(username="bench-reviewer")
    user.groups.add(Group.objects.get(name=REVIEWER))
    client = Client()
    client.force_login(user)
    return client


def other_grade(outlet_id: int) -> str:
    from claims.models import Outlet

    return "D" if Outlet.objects.get(pk=outlet_id).reliability != "D" else "C"


def in_request_rate(outlet_id: int, limit: int) -> tuple[int, float]:
    """The path this replaced: regrade and rescore in the request's transaction, rolled back."""
    from django.db import transaction

    from claims.models import ClaimOutlet, Outlet
    from claims.services.rescoring import claims_rescore

    ids = list(ClaimOutlet.objects.filter(outlet_id=outlet_id).order_by("claim_id").values_list("claim_id", flat=True))
    ids = ids[:limit]
    started = time.perf_counter()
    with transaction.atomic():
        Outlet.objects.filter(pk=outlet_id).update(reliability=other_grade(outlet_id))
        claims_rescore(claim_ids=ids)
        seconds = time.perf_counter() - started
        transaction.set_rollback(True)
    return len(ids), seconds


def regrade(client: object, outlet_id: int) -> tuple[int, float]:
    started = time.perf_counter()
    response = client.patch(
        f"/api/v1/outlets/{outlet_id}/", {"reliability": other_grade(outlet_id)}, content_type="application/json"
    )
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, response.content[:300]
    return response.json()["rescoring_job"]["id"], elapsed


def drop_jobs(job_ids: list[int]) -> None:
    """Jobs regraded with no worker running: their batches are dropped and the queue purged."""
    from claims.models import Job
    from provenance.celery import app

    Job.objects.filter(pk__in=job_ids).delete()
    with app.connection_for_write() as connection:
        connection.default_channel.queue_purge(QUEUE)


def start_workers(count: int, log: Path) -> list[subprocess.Popen]:
    env = {**os.environ, "CELERY_QUEUE": QUEUE, "LOG_LEVEL": "WARNING"}
    command = [sys.executable, "-m", "celery", "-A", "provenance", "worker", "--concurrency=1", "-Q", QUEUE,
               "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel=INFO"]  # fmt: skip
    workers = []
    with log.open("a") as out:
        for n in range(count):
            workers.append(
                subprocess.Popen([*command, "-n", f"bench{n}-{QUEUE}@%h"], cwd=ROOT, env=env, stdout=out, stderr=out)
            )
    deadline = time.monotonic() + 60
    while log.read_text().count(" ready.") < count and time.monotonic() < deadline:
        time.sleep(0.2)
    return workers


def stop_workers(workers: list[subprocess.Popen]) -> None:
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.wait(timeout=60)


def wait_for(job_id: int) -> object:
    from claims.models import Job

    while True:
        job = Job.objects.get(pk=job_id)
        if job.is_finished:
            return job
        time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", default="1,2", help="Worker counts to run, comma-separated.")
    parser.add_argument("--requests", type=int, default=10, help="Regrade requests timed with no worker.")
    parser.add_argument("--baseline-claims", type=int, default=50_000, help="Claims the in-request path rescores.")
    args = parser.parse_args()
    django_setup()
    from claims.models import Claim, Outlet, ScoreBatch

    outlet_id, carried = busiest_outlet()
    total = Claim.objects.count()
    print(f"corpus: {total:,} claims; busiest outlet {outlet_id} carries {carried:,}")

    rescored, seconds = in_request_rate(outlet_id, args.baseline_claims)
    print(f"in the request (before): {rescored:,} claims in {seconds:.1f} s, {rescored / seconds:,.0f} claims/s")

    client = reviewer_client()
    jobs: list[int] = []

    def one_request() -> None:
        job_id, _ = regrade(client, outlet_id)
        jobs.append(job_id)

    start_grade = Outlet.objects.get(pk=outlet_id).reliability
    timing = measure(one_request, runs=args.requests, warmup=1)
    if Outlet.objects.get(pk=outlet_id).reliability != start_grade:
        one_request()  # back to the grade the stored scores are for, so each run below moves them
    drop_jobs(jobs)
    print(timing.line("regrade request (now), rescoring enqueued"))

    log = Path("/tmp") / f"{QUEUE}.log"
    for count in [int(n) for n in args.workers.split(",")]:
        workers = start_workers(count, log)
        try:
            started = time.perf_counter()
            job_id, request = regrade(client, outlet_id)
            job = wait_for(job_id)
            current = time.perf_counter() - started
        finally:
            stop_workers(workers)
        working = (job.finished_at - job.started_at).total_seconds()
        assert job.state == "done" and not ScoreBatch.objects.exists(), (job.state, job.failure)
        print(
            f"{count} worker(s): request {request * 1000:.0f} ms; {job.done:,} claims current after {current:.1f} s; "
            f"rescoring {job.done / working:,.0f} claims/s ({job.result['changed']:,} changed)"
        )


if __name__ == "__main__":
    main()
