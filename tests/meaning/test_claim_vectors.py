"""Meaning vectors: a row written with the claim, filled after the commit, stale when the text changes."""

import io

import numpy as np
import pytest
from django.core.management import call_command

from claims.meaning.model import DIMENSIONS, from_bytes, text_sha
from claims.models import Claim, ClaimVector
from claims.services.background import executor
from claims.services.claims import claim_update
from claims.services.meaning import claim_vectors_compute
from tests.factories import make_claim
from tests.meaning.conftest import vector_of

pytestmark = pytest.mark.django_db


def test_a_new_claim_waits_for_its_vector_until_the_task_runs(django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        claim = make_claim("Hezbollah claimed the drone attack on al-Tanf base")
    row = ClaimVector.objects.get(claim=claim)
    assert row.vector is None and row.text_sha == text_sha(claim.text)
    assert executor.run_queued() == 1  # the task, after the response
    vector = from_bytes(vector_of(claim))
    assert vector.shape == (DIMENSIONS,)
    assert np.isclose(np.linalg.norm(vector), 1.0, atol=1e-3)


def test_a_changed_text_makes_the_vector_wait_again(embedded) -> None:
    claim = make_claim("Hezbollah claimed the drone attack on al-Tanf base")
    embedded()
    first = vector_of(claim)
    claim = claim_update(claim=claim, text="Kataib Hezbollah claimed the rocket attack on Erbil airport")
    assert vector_of(claim) is None
    embedded()
    assert vector_of(claim) not in (None, first)


def test_a_late_task_for_an_older_text_writes_nothing(embedded) -> None:
    claim = make_claim("Hezbollah claimed the drone attack on al-Tanf base")
    ClaimVector.objects.filter(claim=claim).update(text_sha=text_sha("an older text"))
    assert claim_vectors_compute(claim_ids=[claim.pk]) == 0
    assert vector_of(claim) is None


def test_the_task_run_twice_writes_once(embedded) -> None:
    claim = make_claim("Hezbollah claimed the drone attack on al-Tanf base")
    assert claim_vectors_compute(claim_ids=[claim.pk]) == 1
    assert claim_vectors_compute(claim_ids=[claim.pk]) == 0


def test_embed_claims_fills_what_no_task_did(embedded) -> None:
    claims = [make_claim(f"Claim {n} about the attack on al-Tanf") for n in range(3)]
    ClaimVector.objects.filter(claim=claims[0]).delete()  # as after a load that writes no row
    Claim.objects.filter(pk=claims[1].pk).update(language="")
    out, err = io.StringIO(), io.StringIO()
    call_command("embed_claims", stdout=out, stderr=err)
    assert "1 languages detected, 3 vectors computed." in out.getvalue()
    assert "meaning vectors" in err.getvalue()  # the progress bar
    assert all(vector_of(claim) is not None for claim in claims)
    assert Claim.objects.get(pk=claims[1].pk).language == "en"
    out = io.StringIO()
    call_command("embed_claims", stdout=out, stderr=io.StringIO())
    assert "0 languages detected, 0 vectors computed." in out.getvalue()
