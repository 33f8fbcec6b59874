"""Actor affiliations in the admin: recorded through the service, withdrawn with a reason."""

import pytest

from claims.models import ActorAffiliation
from tests.admin.pages import form_data
from tests.admin.test_withdraw_admin import withdraw
from tests.factories import make_actor, make_actor_affiliation, make_outlet

pytestmark = pytest.mark.django_db

ADD = "/admin/claims/actoraffiliation/add/"


def test_an_editor_records_a_tie_in_the_admin(as_editor, editor):
    ryder, pentagon, source = make_actor("Pat Ryder"), make_actor("Pentagon"), make_outlet("Pishtaz News")
    data = form_data(as_editor.get(ADD), "actoraffiliation_form")
    data |= {"actor": ryder.pk, "body": pentagon.pk, "relation": "speaks_for", "stated_by_outlet": source.pk}

    response = as_editor.post(ADD, data)

    assert response.status_code == 302
    tie = ActorAffiliation.objects.get()
    assert (tie.actor, tie.body, tie.stated_by_outlet, tie.created_by) == (ryder, pentagon, source, editor)


def test_an_unsourced_tie_is_refused_on_the_form(as_editor):
    actor, body = make_actor(), make_actor()
    data = form_data(as_editor.get(ADD), "actoraffiliation_form")
    data |= {"actor": actor.pk, "body": body.pk, "relation": "member_of"}

    response = as_editor.post(ADD, data)

    assert response.status_code == 200
    assert "stated_by" in response.content.decode()
    assert not ActorAffiliation.objects.exists()


def test_a_tie_is_withdrawn_with_a_reason(as_editor, editor):
    tie = make_actor_affiliation(make_actor(), make_actor())

    withdraw(as_editor, "actoraffiliation", [tie], apply="Withdraw", reason="Wrong body.")

    tie.refresh_from_db()
    assert (tie.withdrawn_by, tie.withdrawn_reason) == (editor, "Wrong body.")
