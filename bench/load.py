"""Throughput of `GET /api/v1/claims/?limit=100` under gunicorn with concurrent clients (wrk).

    python -m bench.load [--seconds 20] [--connections 16] [--workers 4]

Starts gunicorn on a free local port against the configured database, lets
wrk (Debian's package) drive it, and prints requests per second, latency and
every error wrk saw (socket errors and non-2xx answers). The throttle is off:
this measures the endpoint.
"""

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATH = "/api/v1/claims/?limit=100"


@dataclass(frozen=True)
class LoadResult:
    seconds: int
    connections: int
    workers: int
    requests: int
    per_second: float
    latency: str
    errors: int

    def line(self) -> str:
        return (
            f"load {PATH} workers={self.workers} connections={self.connections} {self.seconds}s: "
            f"{self.requests} requests, {self.per_second:,.0f} req/s, latency avg {self.latency}, "
            f"errors {self.errors}"
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, timeout: float = 90.0) -> None:
    deadline, last = time.monotonic() + timeout, "nothing"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError as exc:  # not listening yet, or an error answer (HTTPError is an OSError)
            last = repr(exc)
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {url} within {timeout:.0f} s (last: {last})")


def parse_wrk(output: str) -> tuple[int, float, str, int]:
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    per_second = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = re.search(r"Latency\s+(\S+)", output).group(1)
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return requests, per_second, latency, errors + (int(non_2xx.group(1)) if non_2xx else 0)


def load(*, seconds: int = 20, connections: int = 16, workers: int = 4, env: dict | None = None) -> LoadResult:
    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("wrk is not installed: apt-get install wrk")
    port = free_port()
    # Production settings (DEBUG off), served over plain http on loopback.
    server_env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "benchmark-only-secret-key-0123456789-abcdefghijklmnop"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "THROTTLE_ANON": "off",
        "THROTTLE_USER": "off",
        **(env or {}),
    }
    gunicorn = [sys.executable, "-m", "gunicorn", "provenance.wsgi", "--bind", f"127.0.0.1:{port}"]
    gunicorn += ["--workers", str(workers), "--log-level", "warning"]
    server = subprocess.Popen(gunicorn, cwd=ROOT, env=server_env)
    try:
        url = f"http://127.0.0.1:{port}{PATH}"
        wait_until_up(url, server)
        run = subprocess.run(
            [wrk, "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--latency", url],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    requests, per_second, latency, errors = parse_wrk(run.stdout)
    return LoadResult(seconds, connections, workers, requests, per_second, latency, errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    print(load(seconds=args.seconds, connections=args.connections, workers=args.workers).line())


if __name__ == "__main__":
    main()
