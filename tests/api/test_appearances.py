"""/api/v1/appearances/: one outlet publishing a claim; withdrawn with a reason, never deleted."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from claims.models import Appearance, Citation, Claim
from claims.services.workflow import claim_retract
from tests.api.conftest import publish
from tests.factories import make_appearance, make_citation, make_claim, make_outlet

pytestmark = pytest.mark.django_db

URL = "/api/v1/appearances/"


def test_editor_records_an_appearance_and_the_claim_is_rescored(as_editor, editor):
    claim, outlet = make_claim(), make_outlet(reliability="B")

    response = as_editor.post(
        URL,
        {
            "claim": claim.pk,
            "outlet": outlet.pk,
            "published_on": "2021-10-21",
            "url": "https://example.org/report",
            "headline": "هجوم على التنف",
            "language": "ar",
            "excerpt": "…",
            "attributed_source": "Iraqi muqawama sources",
        },
    )

    assert response.status_code == 201
    appearance = Appearance.objects.get(pk=response.json()["id"])
    assert (appearance.claim, appearance.outlet, appearance.published_on, appearance.created_by) == (
        claim,
        outlet,
        date(2021, 10, 21),
        editor,
    )
    assert appearance.headline == "هجوم على التنف"
    claim.refresh_from_db()
    assert (claim.appearance_count, claim.first_reported) == (1, date(2021, 10, 21))
    assert claim.confidence > 0


def test_a_future_date_is_a_400(as_editor, nothing_changes):
    claim, outlet = make_claim(), make_outlet()
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()

    with nothing_changes():
        response = as_editor.post(URL, {"claim": claim.pk, "outlet": outlet.pk, "published_on": tomorrow})

    assert response.status_code == 400
    assert "published_on" in response.json()["errors"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"outlet": 999999}, "outlet"),
        ({"outlet": "al-akhbar"}, "outlet"),
        ({"claim": None}, "claim"),
        ({"published_on": "21/10/2021"}, "published_on"),
        ({"published_on": "2021-02-29"}, "published_on"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"headline": "x" * 501}, "headline"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(as_editor, nothing_changes, change, field):
    body = {"claim": make_claim().pk, "outlet": make_outlet().pk, "published_on": "2021-10-21", **change}

    with nothing_changes():
        response = as_editor.post(URL, body)

    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_a_retracted_claim_takes_no_new_appearance(as_editor, nothing_changes):
    claim, outlet = publish(make_claim()), make_outlet()
    claim_retract(claim=claim, reason="Wrong")

    with nothing_changes():
        response = as_editor.post(URL, {"claim": claim.pk, "outlet": outlet.pk, "published_on": "2021-10-21"})

    assert response.status_code == 409


def test_editor_redates_an_appearance(as_editor):
    appearance = make_appearance(published_on=date(2021, 10, 22))

    response = as_editor.patch(f"{URL}{appearance.pk}/", {"published_on": "2021-10-21"})

    assert response.status_code == 200
    appearance.refresh_from_db()
    assert appearance.published_on == date(2021, 10, 21)
    assert Claim.objects.get(pk=appearance.claim_id).first_reported == date(2021, 10, 21)


def test_an_appearance_cannot_be_dated_before_what_it_cites(as_editor, nothing_changes):
    claim = make_claim()
    cited = make_appearance(claim, published_on=date(2021, 10, 21))
    citing = make_appearance(claim, published_on=date(2021, 10, 22))
    make_citation(citing, cited)

    with nothing_changes():
        response = as_editor.patch(f"{URL}{citing.pk}/", {"published_on": "2021-10-20"})

    assert response.status_code == 400
    assert "published_on" in response.json()["errors"]


def test_an_appearance_cannot_move_to_another_claim(as_editor, nothing_changes):
    appearance, other = make_appearance(), make_claim()

    with nothing_changes():
        response = as_editor.patch(f"{URL}{appearance.pk}/", {"claim": other.pk})

    assert response.status_code == 409


def test_a_put_repeating_the_claim_is_fine(as_editor):
    appearance = make_appearance()

    response = as_editor.put(
        f"{URL}{appearance.pk}/",
        {"claim": appearance.claim_id, "outlet": appearance.outlet_id, "published_on": "2021-10-20", "headline": "H"},
    )

    assert response.status_code == 200
    appearance.refresh_from_db()
    assert (appearance.published_on, appearance.headline) == (date(2021, 10, 20), "H")


def test_withdraw_takes_the_citations_that_touch_it(as_editor):
    claim = make_claim()
    cited = make_appearance(claim, published_on=date(2021, 10, 21))
    citing = make_appearance(claim, published_on=date(2021, 10, 22))
    citation = make_citation(citing, cited)

    response = as_editor.post(f"{URL}{cited.pk}/withdraw/", {"reason": "Wrong article"})

    assert response.status_code == 200
    assert response.json()["withdrawn_reason"] == "Wrong article"
    cited.refresh_from_db()
    assert cited.withdrawn_at is not None
    assert Citation.objects.get(pk=citation.pk).withdrawn_at is not None
    assert Claim.objects.get(pk=claim.pk).appearance_count == 1


def test_withdraw_needs_a_reason(as_editor, nothing_changes):
    appearance = make_appearance()

    with nothing_changes():
        response = as_editor.post(f"{URL}{appearance.pk}/withdraw/")

    assert response.status_code == 400
    assert "reason" in response.json()["errors"]


def test_appearances_are_never_deleted(as_editor, nothing_changes):
    appearance = make_appearance()

    with nothing_changes():
        assert as_editor.delete(f"{URL}{appearance.pk}/").status_code == 405


def test_consumers_see_current_appearances_of_published_claims_only(anonymous, as_editor):
    public = publish(make_claim())
    shown, withdrawn = make_appearance(public), make_appearance(public)
    as_editor.post(f"{URL}{withdrawn.pk}/withdraw/", {"reason": "Gone"})
    hidden = make_appearance(make_claim())

    assert [a["id"] for a in anonymous.get(URL).json()["results"]] == [shown.pk]
    assert anonymous.get(f"{URL}{hidden.pk}/").status_code == 404
    assert anonymous.get(f"{URL}{withdrawn.pk}/").status_code == 404
    assert {a["id"] for a in as_editor.get(URL).json()["results"]} == {shown.pk, withdrawn.pk, hidden.pk}


def test_a_consumer_cannot_attach_an_appearance(as_consumer, nothing_changes):
    claim, outlet = publish(make_claim()), make_outlet()

    with nothing_changes():
        response = as_consumer.post(URL, {"claim": claim.pk, "outlet": outlet.pk, "published_on": "2021-10-21"})

    assert response.status_code == 403


def test_claim_filter(anonymous):
    claim = publish(make_claim())
    appearance = make_appearance(claim)
    make_appearance(publish(make_claim()))

    assert [a["id"] for a in anonymous.get(URL, {"claim": claim.pk}).json()["results"]] == [appearance.pk]


def test_outlet_filter(anonymous):
    claim, outlet = publish(make_claim()), make_outlet()
    appearance = make_appearance(claim, outlet)
    make_appearance(claim)

    assert [a["id"] for a in anonymous.get(URL, {"outlet": outlet.pk}).json()["results"]] == [appearance.pk]
