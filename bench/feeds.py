"""Feed intake throughput: items per minute from fetch to inbox (language and suggestions included).

    python -m bench.feeds [--feeds 10] [--entries 200] [--workers 1 2] [--claims 2000]

Serves `--feeds` RSS feeds of `--entries` new articles each from a loopback HTTP server, adds
them to an outlet, then polls them all with 1, then 2 worker processes (each polls its share of
the feeds, one after another, through `feed_poll`, the service the task calls), and prints the
items that reached the inbox per minute of wall time. Every run uses fresh article addresses,
so it can be repeated against the same database. The database is DATABASE_URL's (the SQLite
file by default); `--claims` synthetic claims are generated first if it holds fewer, for the
suggestions to rank against. `--single` also times one feed of `--entries` on its own.
"""

import argparse
import multiprocessing
import os
import random
import threading
import time
import uuid
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

os.environ.setdefault("OUTBOUND_ALLOWED_NETWORKS", "127.0.0.0/8")

from bench.setup import django_setup

ACTORS = ["Hezbollah", "the Allies of Syria Operations Room", "Kataib Hezbollah", "the IRGC", "US forces", "Russia"]
PLACES = ["al-Tanf", "Deir ez-Zor", "Abu Kamal", "Palmyra", "Erbil", "Ain al-Asad"]
VERBS = ["attacked", "denied striking", "claimed the drone attack on", "shelled", "was blamed for the raid on"]
ARABIC = ["هجوم بطائرات مسيرة على قاعدة {p}", "نفي مسؤولية الهجوم على {p}", "قصف مدفعي قرب {p}"]


def headline(rng: random.Random, n: int) -> str:
    place = rng.choice(PLACES)
    if n % 4 == 3:
        return rng.choice(ARABIC).format(p=place)
    return f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {place}, officials say ({n})"


def feed_body(base: str, run: str, feed: int, entries: int) -> bytes:
    rng = random.Random(f"{run}-{feed}")
    now = time.time()
    items = "".join(
        f"<item><title>{escape(headline(rng, n))}</title>"
        f"<link>{base}/article/{run}/{feed}/{n}?utm_source=rss</link>"
        f"<description>{escape('Reports from the ground; ' * 8)}</description>"
        f"<pubDate>{format_datetime(datetime.fromtimestamp(now - n * 60, tz=UTC))}</pubDate></item>"
        for n in range(entries)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench {feed}</title>{items}</channel></rss>'.encode()
    )


class Feeds(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    bodies: dict[str, bytes] = {}

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        body = self.bodies.get(self.path, b"")
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def poll_share(feed_ids: list[int]) -> None:
    django_setup()
    from claims.services.feed_polls import feed_poll

    for feed_id in feed_ids:
        outcome = feed_poll(feed_id=feed_id)
        if outcome is None or outcome.error:
            raise SystemExit(f"feed {feed_id}: {outcome.error if outcome else 'held by another poll'}")


def add_feeds(base: str, run: str, count: int, entries: int) -> list[int]:
    from claims.models import Outlet
    from claims.services.feeds import feed_create

    outlet = Outlet.objects.filter(slug="bench-feeds").first()
    if outlet is None:
        from claims.services.outlets import outlet_create

        outlet = outlet_create(name="Bench feeds", slug="bench-feeds")
    ids = []
    for feed in range(count):
        path = f"/feed/{run}/{feed}.xml"
        Feeds.bodies[path] = feed_body(base, run, feed, entries)
        ids.append(feed_create(outlet=outlet, url=base + path, by=None).pk)
    return ids


def run(base: str, *, feeds: int, entries: int, workers: int) -> tuple[int, float]:
    from django.db import connections

    from claims.models import InboxItem

    tag = uuid.uuid4().hex[:8]
    ids = add_feeds(base, tag, feeds, entries)
    before = InboxItem.objects.count()
    connections.close_all()  # the workers open their own
    shares = [ids[w::workers] for w in range(workers)]
    started = time.perf_counter()
    processes = [multiprocessing.get_context("spawn").Process(target=poll_share, args=(share,)) for share in shares]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    seconds = time.perf_counter() - started
    if any(process.exitcode for process in processes):
        raise SystemExit("a worker failed")
    return InboxItem.objects.count() - before, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=10)
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--claims", type=int, default=2000)
    parser.add_argument("--single", action="store_true", help="Also time one feed of --entries alone.")
    options = parser.parse_args()
    django_setup()
    from django.core.management import call_command
    from django.db import connection

    from claims.models import Claim

    have = Claim.objects.count()
    if have < options.claims:
        call_command("generate_synthetic", claims=options.claims - have, seed=have + 1, verbosity=0)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Feeds)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    print(f"database: {connection.vendor}, {Claim.objects.count()} claims; {os.cpu_count()} cores")
    if options.single:
        items, seconds = run(base, feeds=1, entries=options.entries, workers=1)
        print(f"one feed of {options.entries}: {items} items in the inbox after {seconds:.1f} s")
    for workers in options.workers:
        items, seconds = run(base, feeds=options.feeds, entries=options.entries, workers=workers)
        print(f"{workers} worker(s): {items} items in {seconds:.1f} s = {items / seconds * 60:,.0f} items/min")
    server.shutdown()


if __name__ == "__main__":
    main()
