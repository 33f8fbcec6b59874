"""A big load on PostgreSQL sets indexes and foreign keys aside and puts back exactly what was there."""

import re

import pytest
from django.db import connection

from claims.models import Claim
from claims.synthetic.indexes import FOREIGN_KEYS, SECONDARY_INDEXES
from claims.synthetic.tables import BULK_TABLES
from tests.synthetic.conftest import generate

pytestmark = pytest.mark.django_db


def schema() -> tuple[list, list]:
    names = [table.name for table in BULK_TABLES]
    with connection.cursor() as cursor:
        cursor.execute(SECONDARY_INDEXES, [names])
        indexes = cursor.fetchall()
        cursor.execute(FOREIGN_KEYS, [names])
        return indexes, cursor.fetchall()


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
    assert after[1] == before[1]
    assert len(before[0]) > 10 and len(before[1]) > 10
    assert Claim.objects.filter(search_text__contains=" ").count() == 60


def test_the_option_changes_nothing_elsewhere():
    out = generate("--claims", "10", "--rebuild-indexes")
    assert Claim.objects.count() == 10
    assert ("Indexes and foreign keys rebuilt" in out) == (connection.vendor == "postgresql")
