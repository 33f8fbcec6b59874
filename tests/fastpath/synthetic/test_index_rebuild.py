"""A big load on PostgreSQL sets indexes and foreign keys aside and puts back exactly what was there."""

import re

import pytest
from django.db import connection

from claims.fastpath.synthetic.indexes import FOREIGN_KEYS, SECONDARY_INDEXES, TRIGGERS
from claims.fastpath.synthetic.tables import BULK_TABLES
from claims.models import Appearance, Claim, ClaimOutlet
from tests.fastpath.synthetic.conftest import generate

pytestmark = pytest.mark.django_db


def schema() -> tuple[list, list, list]:
    names = [table.name for table in BULK_TABLES]
    with connection.cursor() as cursor:
        cursor.execute(SECONDARY_INDEXES, [names])
        indexes = cursor.fetchall()
        cursor.execute(FOREIGN_KEYS, [names])
        foreign_keys = cursor.fetchall()
        cursor.execute(TRIGGERS, [names])
        return indexes, foreign_keys, cursor.fetchall()


def comparable(indexes: list[tuple[str, str]]) -> dict[str, tuple[str, list[str]]]:
    """PostgreSQL prints a partial index's predicate back with its casts rewritten
    (`ARRAY[...]::text[]` for `ARRAY[...::text]`), the same condition in other words:
    compare the definition before WHERE and the values the condition names."""
    result = {}
    for name, definition in indexes:
        head, _, predicate = definition.partition(" WHERE ")
        result[name] = (head, sorted(re.findall(r"'([^']*)'::", predicate)))
    return result


def test_rebuilding_restores_every_index_and_foreign_key_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("Indexes are set aside on PostgreSQL only.")
    before = schema()
    out = generate("--claims", "60", "--rebuild-indexes")
    assert "Indexes and foreign keys rebuilt" in out
    after = schema()
    assert comparable(after[0]) == comparable(before[0])
    assert after[1:] == before[1:]
    assert len(before[0]) > 10 and len(before[1]) > 10 and len(before[2]) >= 5
    assert Claim.objects.filter(search_text__contains=" ").count() == 60


def test_a_load_without_its_triggers_still_pairs_every_claim_with_its_outlets():
    if connection.vendor != "postgresql":
        pytest.skip("Triggers are set aside on PostgreSQL only.")
    generate("--claims", "40")
    generate("--claims", "60", "--rebuild-indexes")
    pairs = set(Appearance.objects.current().values_list("claim_id", "outlet_id", "claim__updated_at").distinct())
    assert set(ClaimOutlet.objects.values_list("claim_id", "outlet_id", "claim_updated_at")) == pairs
    assert len(pairs) > 100


def test_the_option_changes_nothing_elsewhere():
    out = generate("--claims", "10", "--rebuild-indexes")
    assert Claim.objects.count() == 10
    assert ("Indexes and foreign keys rebuilt" in out) == (connection.vendor == "postgresql")
