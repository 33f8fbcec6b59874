"""Withdraw, never delete: the admin action asks for a reason and the service records it."""

from datetime import date

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from claims.models import Affiliation, Appearance, Citation, Claim, StatusEvidence
from tests.admin.pages import form_data, messages_of
from tests.factories import (
    make_actor,
    make_affiliation,
    make_appearance,
    make_citation,
    make_claim,
    make_evidence,
    make_outlet,
)

pytestmark = pytest.mark.django_db


def withdraw(client, model: str, rows: list, **extra: str):
    changelist = f"/admin/claims/{model}/"
    token = form_data(client.get(changelist), "changelist-form")["csrfmiddlewaretoken"]
    data = {"csrfmiddlewaretoken": token, "action": "withdraw_selected", ACTION_CHECKBOX_NAME: [r.pk for r in rows]}
    return client.post(changelist, {**data, **extra}, follow=True)


@pytest.fixture
def republished(editor) -> tuple[Claim, Appearance, Appearance]:
    claim = make_claim(by=editor)
    origin = make_appearance(claim, make_outlet("Al-Akhbar"), published_on=date(2021, 10, 20))
    copy = make_appearance(claim, make_outlet("Al-Mayadeen"), published_on=date(2021, 10, 21))
    make_citation(copy, origin, kind="republished")
    return claim, origin, copy


def test_withdrawing_asks_for_a_reason_first_and_changes_nothing_until_given(as_editor, republished):
    _, origin, _ = republished

    asked = withdraw(as_editor, "appearance", [origin])
    blank = withdraw(as_editor, "appearance", [origin], apply="Withdraw", reason="  ")

    assert "reason" in asked.context["form"].fields
    assert "A reason is required to withdraw." in str(blank.context["form"].errors)
    assert Appearance.objects.get(pk=origin.pk).withdrawn_at is None


def test_an_appearance_is_withdrawn_with_its_citations_and_the_claim_is_rescored(as_editor, editor, republished):
    claim, _, copy = republished

    response = withdraw(as_editor, "appearance", [copy], apply="Withdraw", reason="Duplicate of another entry.")

    assert "Withdrew 1 appearances." in messages_of(response)
    stored = Appearance.objects.get(pk=copy.pk)
    assert (stored.withdrawn_reason, stored.withdrawn_by) == ("Duplicate of another entry.", editor)
    assert not Citation.objects.current().exists()
    assert Claim.objects.get(pk=claim.pk).appearance_count == 1


def test_withdrawing_a_row_twice_reports_it_and_keeps_the_first_reason(as_editor, republished):
    _, origin, _ = republished
    withdraw(as_editor, "appearance", [origin], apply="Withdraw", reason="First reason.")

    response = withdraw(as_editor, "appearance", [origin], apply="Withdraw", reason="Second reason.")

    assert any("already withdrawn" in message for message in messages_of(response))
    assert Appearance.objects.get(pk=origin.pk).withdrawn_reason == "First reason."


def test_citations_evidence_and_affiliations_are_withdrawn_the_same_way(as_editor, editor, republished):
    claim, origin, _ = republished
    citation = Citation.objects.get()
    evidence = make_evidence(claim, appearance=origin)
    affiliation = make_affiliation(origin.outlet, make_actor("Hezbollah"))

    for model, row in [("citation", citation), ("statusevidence", evidence), ("affiliation", affiliation)]:
        withdraw(as_editor, model, [row], apply="Withdraw", reason=f"Wrong {model}.")

    for model, row in [(Citation, citation), (StatusEvidence, evidence), (Affiliation, affiliation)]:
        stored = model.objects.get(pk=row.pk)
        assert (stored.withdrawn_by, stored.withdrawn_reason.startswith("Wrong")) == (editor, True)
    assert Claim.objects.get(pk=claim.pk).status == "unclaimed"


def test_withdrawn_rows_stay_listed_for_the_newsroom_and_can_be_filtered(as_editor, republished):
    _, origin, copy = republished
    withdraw(as_editor, "appearance", [copy], apply="Withdraw", reason="Duplicate.")

    everything = as_editor.get("/admin/claims/appearance/").context["cl"].result_list
    withdrawn = as_editor.get("/admin/claims/appearance/", {"withdrawn": "withdrawn"}).context["cl"].result_list

    assert set(everything) == {origin, copy}
    assert list(withdrawn) == [copy]
