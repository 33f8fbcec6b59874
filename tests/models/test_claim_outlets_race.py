"""ClaimOutlet stays right when two transactions change one claim's appearances at once (PostgreSQL).

The writes are made straight on the models, not through the services, so the guarantee
tested is the database's own: the services' claim lock would serialise them anyway.
"""

import threading
import time
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from claims.models import Appearance, Claim, ClaimOutlet
from tests.factories import make_appearance, make_claim, make_outlet

# transaction=True: each thread needs its own connection that sees committed rows.
# serialized_rollback: the flush after each test would drop the groups made by migration 0003.
pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.slow]

WAIT = 10  # seconds for each step of the race to happen before the test gives up


def blocked_by_me(pid: int) -> bool:
    """Whether the backend `pid` is waiting for a lock this connection holds (PostgreSQL's own view)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid() = ANY(pg_blocking_pids(%s))", [pid])
        return bool(cursor.fetchone()[0])


def race(first: Callable[[], None], second: Callable[[], None]) -> list[str]:
    """`first` writes and holds its transaction open until `second`'s write is seen waiting for its
    lock (PostgreSQL says so): the two writes overlap, or the test fails saying they did not."""
    wrote, second_pid = threading.Event(), []
    errors: list[str] = []

    def run(write: Callable[[], None], before: Callable[[], None], after: Callable[[], None]) -> None:
        try:
            before()
            with transaction.atomic():
                write()
                after()
        except Exception as exc:  # reported, so the test shows what went wrong
            errors.append(repr(exc))
        finally:
            connection.close()

    def hold() -> None:
        wrote.set()
        deadline = time.monotonic() + WAIT
        while not (second_pid and blocked_by_me(second_pid[0])):
            if time.monotonic() > deadline:
                raise AssertionError("the second write never waited for the first one's lock: nothing raced")
            time.sleep(0.01)  # polling the database for the event itself, not guessing how long it takes

    def wait_for_first() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            second_pid.append(cursor.fetchone()[0])
        wrote.wait(timeout=WAIT)

    threads = [
        threading.Thread(target=run, args=(first, lambda: None, hold)),
        threading.Thread(target=run, args=(second, wait_for_first, lambda: None)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.fixture(autouse=True)
def postgres_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the in-memory SQLite test database cannot take two writers")


def test_a_withdrawal_racing_an_addition_keeps_the_pair():
    claim, outlet = make_claim(), make_outlet()
    first = make_appearance(claim, outlet)

    def add() -> None:
        Appearance.objects.bulk_create([Appearance(claim=claim, outlet=outlet, published_on=date(2021, 10, 22))])

    def withdraw() -> None:
        Appearance.objects.filter(pk=first.pk).update(withdrawn_at=timezone.now(), withdrawn_reason="a duplicate")

    assert race(add, withdraw) == []
    assert list(ClaimOutlet.objects.filter(claim=claim, outlet=outlet).values_list("appearances", flat=True)) == [1]


def test_a_claim_changed_while_an_outlet_is_added_keeps_its_latest_updated_at():
    claim = make_claim()
    make_appearance(claim)
    later = Claim.objects.get(pk=claim.pk).updated_at + timedelta(hours=1)
    outlet = make_outlet()

    def add() -> None:
        Appearance.objects.bulk_create([Appearance(claim=claim, outlet=outlet, published_on=date(2021, 10, 22))])

    def touch() -> None:
        Claim.objects.filter(pk=claim.pk).update(updated_at=later)

    assert race(add, touch) == []
    assert ClaimOutlet.objects.get(claim=claim, outlet=outlet).claim_updated_at == later
