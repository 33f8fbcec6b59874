"""`GET /api/v1/outlets/{id}/` for the busiest outlet (the one that originated the most claims),
its track record read from the kept entries, beside the count it replaced.

    python -m bench.track_record [--runs 30]

The count is the query the outlet page ran before the records were kept (every claim the
outlet originated, counted by status), run on the same connection in turn with the request;
both answer the same numbers, which the script checks.
"""

import argparse

from bench.setup import django_setup
from bench.timing import measure, measure_side_by_side


def counted(outlet_id: int) -> dict[str, int]:
    """The track record counted at read, as before it was kept: consumers' view."""
    from django.db.models import Count

    from claims.models import Appearance, Claim

    originated = Appearance.objects.current().origins().filter(outlet_id=outlet_id).values("claim_id")
    rows = Claim.objects.visible_to(None).filter(pk__in=originated).values_list("status").annotate(n=Count("id"))
    return dict(rows.order_by().values_list("status", "n"))


def track_record(*, runs: int = 30) -> str:
    from django.db.models import Count
    from django.test import Client

    from claims.models import ClaimOrigin, Outlet, TrackRecordEntry
    from claims.selectors.claims import outlet_track_record

    busiest = ClaimOrigin.objects.values("outlet_id").annotate(n=Count("claim_id")).order_by("-n").first()
    client = Client(HTTP_HOST="localhost")
    path = f"/api/v1/outlets/{busiest['outlet_id']}/"
    record = client.get(path).json()["track_record"]
    expected = counted(busiest["outlet_id"])
    if {k: v for k, v in record.items() if k != "originated" and v} != expected:
        raise RuntimeError(f"kept {record} but counted {expected}")
    api, count = measure_side_by_side(
        lambda: client.get(path).content, lambda: counted(busiest["outlet_id"]), runs=runs
    )
    outlet = Outlet.objects.get(pk=busiest["outlet_id"])
    kept = measure(lambda: outlet_track_record(outlet, user=None), runs=runs)
    return (
        f"track record outlet={busiest['outlet_id']} originated={busiest['n']} (published: {record['originated']}) "
        f"entries={TrackRecordEntry.objects.filter(outlet_id=busiest['outlet_id']).count()}: "
        f"api median {api.median_ms:.2f} ms p95 {api.p95_ms:.2f} ms | "
        f"kept record median {kept.median_ms:.2f} ms p95 {kept.p95_ms:.2f} ms | "
        f"count at read median {count.median_ms:.2f} ms p95 {count.p95_ms:.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    django_setup()
    print(track_record(runs=args.runs))


if __name__ == "__main__":
    main()
