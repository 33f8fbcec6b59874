"""The list load test (bench/load.py) with consumers' reads spread over the primary and one
streaming replica, beside the primary alone, in turn.

    python -m bench.replica_load [--claims 10000] [--seconds 20] [--rounds 2]

Starts a primary and a replica of its own (bench/replica_cluster.py, as the postgres user;
nothing of the machine's cluster is touched), writes a synthetic corpus into the primary, waits
for the replica to replay it, then runs wrk against gunicorn twice a round: DATABASE_URL alone,
and with DATABASE_REPLICA_URLS naming the replica. Both servers share the machine with
gunicorn and wrk: on two cores a second server adds no core, only its own work.
"""

import argparse
import os
import subprocess
import sys
import time

from bench.load import ROOT, load
from bench.replica_cluster import start_pair, wait_until


def replica_load(*, claims: int, seconds: int, rounds: int, workers: int, connections: int) -> list[str]:
    import psycopg

    pair = start_pair(shared_buffers="128MB")
    try:
        primary = f"postgres://postgres@127.0.0.1:{pair.primary.port}/postgres"
        replica = f"postgres://postgres@127.0.0.1:{pair.replica.port}/postgres"
        env = {**os.environ, "DATABASE_URL": primary}
        for command in (["migrate", "--noinput", "-v", "0"], ["generate_synthetic", "--claims", str(claims)]):
            subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
        with psycopg.connect(primary, autocommit=True) as p, psycopg.connect(replica, autocommit=True) as r:
            (written,) = p.execute("SELECT pg_current_wal_lsn()").fetchone()
            wait_until(
                lambda: r.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [written]).fetchone()[0],
                seconds=600,
                what="the replica to replay the corpus",
            )
        lines = []
        for round_number in range(1, rounds + 1):
            for label, extra in (("primary alone", {}), ("primary + replica", {"DATABASE_REPLICA_URLS": replica})):
                result = load(
                    seconds=seconds,
                    connections=connections,
                    workers=workers,
                    env={"DATABASE_URL": primary, "DATABASE_REPLICA_URLS": "", **extra},
                )
                lines.append(f"round {round_number}, {label}: {result.line()}")
                print(lines[-1], flush=True)
                time.sleep(2)
        return lines
    finally:
        pair.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    replica_load(
        claims=args.claims, seconds=args.seconds, rounds=args.rounds, workers=args.workers, connections=args.connections
    )


if __name__ == "__main__":
    main()
