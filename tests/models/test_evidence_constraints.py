from datetime import date

import pytest
from django.db import IntegrityError, transaction

from claims.choices import Stance
from claims.models import StatusEvidence
from tests.factories import make_claim, make_evidence

pytestmark = pytest.mark.django_db


def test_an_unknown_stance_is_refused():
    evidence = make_evidence(make_claim(), stance=Stance.CONFIRMS)

    with pytest.raises(IntegrityError), transaction.atomic():
        StatusEvidence.objects.filter(pk=evidence.pk).update(stance="suspects")

    assert StatusEvidence.objects.get(pk=evidence.pk).stance == Stance.CONFIRMS


def test_evidence_with_neither_appearance_nor_url_is_refused():
    claim = make_claim()

    with pytest.raises(IntegrityError), transaction.atomic():
        StatusEvidence.objects.create(claim=claim, stance=Stance.DENIES, date=date(2021, 10, 21))

    assert not StatusEvidence.objects.exists()
