"""Nothing is hard-deleted through the admin (SPEC §4), and history is read, never reverted."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from claims.models import Actor, Affiliation, Appearance, Citation, Claim, Event, Outlet, StatusEvidence
from tests.admin.pages import form_data
from tests.factories import make_appearance, make_claim, make_outlet

pytestmark = pytest.mark.django_db

MODELS = [Actor, Affiliation, Appearance, Citation, Claim, Event, Outlet, StatusEvidence]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_no_one_may_delete_not_even_a_superuser(model, superuser):
    model_admin = admin.site._registry[model]
    request = RequestFactory().get("/admin/")
    request.user = superuser

    assert model_admin.has_delete_permission(request) is False
    assert "delete_selected" not in model_admin.get_actions(request)
    for inline in model_admin.get_inline_instances(request):
        assert inline.has_delete_permission(request) is False


def test_the_delete_page_of_a_claim_is_refused_and_the_claim_stays(browser_for, superuser, editor):
    claim = make_claim(by=editor)
    client = browser_for(superuser)

    assert client.get(f"/admin/claims/claim/{claim.pk}/delete/").status_code == 403
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_the_change_page_offers_no_delete_link(browser_for, superuser):
    outlet = make_outlet()

    page = browser_for(superuser).get(f"/admin/claims/outlet/{outlet.pk}/change/").content.decode()

    assert f"/admin/claims/outlet/{outlet.pk}/delete/" not in page


def test_an_old_version_can_be_read_but_not_restored(browser_for, superuser, editor):
    appearance = make_appearance(make_claim(by=editor), headline="First headline")
    version = appearance.history.get()
    url = f"/admin/claims/appearance/{appearance.pk}/history/{version.history_id}/"
    client = browser_for(superuser)

    shown = client.get(url)
    token = form_data(shown)["csrfmiddlewaretoken"]
    restored = client.post(url, {"csrfmiddlewaretoken": token, "headline": "Changed through the history page"})

    assert shown.status_code == 200
    assert restored.status_code == 403
    assert Appearance.objects.get(pk=appearance.pk).headline == "First headline"
