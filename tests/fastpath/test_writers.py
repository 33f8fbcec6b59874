"""The fast path's writers store what the ORM and django-simple-history would (claims/fastpath/README.md)."""

from datetime import date

import pytest
from django.forms.models import model_to_dict

from claims.fastpath.bulk_rows import bulk_insert, update_columns
from claims.models import Appearance, Claim
from tests.factories import make_claim, make_outlet

pytestmark = pytest.mark.django_db

BOOKKEEPING = {"id", "created_at", "updated_at", "history_id", "history_date"}


def appearance(claim: Claim, outlet, ref: str) -> Appearance:
    return Appearance(
        claim=claim,
        outlet=outlet,
        published_on=date(2021, 10, 21),
        url="https://al-akhbar.com/2021/10/21/tanf",
        headline="غرفة عمليات حلفاء سوريا تتبنى الهجوم",
        language="ar",
        excerpt="“The Operations Room claimed it,” sources said.",
        attributed_source="Iraqi muqawama sources",
        external_ref=ref,
    )


def stored(row: Appearance) -> dict:
    values = model_to_dict(Appearance.objects.get(pk=row.pk))
    return {name: value for name, value in values.items() if name not in BOOKKEEPING | {"external_ref"}}


def history(row: Appearance) -> dict:
    record = Appearance.history.filter(id=row.pk).values().get()
    return {name: value for name, value in record.items() if name not in BOOKKEEPING | {"external_ref"}}


def test_bulk_insert_stores_and_records_a_row_as_save_does(editor):
    claim, outlet = make_claim(), make_outlet("Al-Akhbar")
    saved = appearance(claim, outlet, "saved")
    saved._history_user = editor
    saved.save()

    (written,) = bulk_insert(Appearance, [appearance(claim, outlet, "bulk")], by=editor)

    assert stored(written) == stored(saved)
    assert history(written) == history(saved)
    assert Appearance.objects.get(pk=written.pk).created_at is not None


def test_update_columns_writes_what_save_writes():
    saved, updated = make_claim("One"), make_claim("Two")
    values = {
        "confidence": 64,
        "confidence_factors": [{"factor": "independent_origin", "effect": 40, "detail": "الأخبار, D"}],
        "first_reported": date(2021, 10, 21),
        "search_text": " hezbollah | hizbullah | hzbl ",
    }
    for claim in (saved, updated):
        for name, value in values.items():
            setattr(claim, name, value)
    saved.save(update_fields=list(values))

    update_columns([updated], list(values))

    rows = Claim.objects.filter(pk__in=[saved.pk, updated.pk]).values_list(*values)
    assert len(set(map(repr, rows))) == 1
