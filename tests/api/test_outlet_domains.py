"""/api/v1/outlets/: the domain is writable, stored normalised and read from `url` when not given;
a duplicate name is a 400 naming the outlet we hold (issue 23, item 1)."""

import pytest

from claims.models import Outlet
from tests.factories import make_outlet

pytestmark = pytest.mark.django_db

URL = "/api/v1/outlets/"


def test_an_outlet_made_with_only_a_url_has_its_domain_and_keeps_the_port(as_editor):
    response = as_editor.post(URL, {"name": "Levant Daily Ledger", "url": "http://www.levant-ledger.example:8123/"})

    assert response.status_code == 201, response.content
    assert response.json()["domain"] == "levant-ledger.example"
    stored = Outlet.objects.get(pk=response.json()["id"])
    assert (stored.domain, stored.url) == ("levant-ledger.example", "http://www.levant-ledger.example:8123/")


def test_the_domain_is_written_normalised_and_changed_with_patch(as_editor):
    made = as_editor.post(URL, {"name": "Levant Daily Ledger", "domain": "WWW.Ledger.Example"}).json()

    changed = as_editor.patch(f"{URL}{made['id']}/", {"domain": "https://m.levant-ledger.example/news"})

    assert made["domain"] == "ledger.example"
    assert changed.status_code == 200 and changed.json()["domain"] == "levant-ledger.example"
    assert Outlet.objects.get(pk=made["id"]).domain == "levant-ledger.example"


def test_a_domain_that_is_no_host_name_is_a_400_naming_the_field(as_editor):
    response = as_editor.post(URL, {"name": "Levant Daily Ledger", "domain": "levant daily ledger"})

    assert response.status_code == 400
    assert "is not a host name" in response.json()["errors"]["domain"][0]
    assert not Outlet.objects.exists()


def test_a_duplicate_name_is_a_400_naming_the_existing_outlet(as_editor):
    held = make_outlet("Levant Daily Ledger", domain="ledger.example")

    response = as_editor.post(URL, {"name": "levant daily ledger", "url": "https://elsewhere.example/"})

    assert response.status_code == 400
    body = response.json()
    assert f"id {held.pk}, slug levant-daily-ledger" in body["detail"] and "name" in body["errors"]
    assert Outlet.objects.count() == 1


def test_renaming_to_a_name_we_hold_is_a_400_and_changes_nothing(as_editor):
    make_outlet("Al-Manar")
    other = make_outlet("Al-Mayadeen")

    response = as_editor.patch(f"{URL}{other.pk}/", {"name": "Al Manar"})

    assert response.status_code == 400 and "Al-Manar" in response.json()["detail"]
    assert Outlet.objects.get(pk=other.pk).name == "Al-Mayadeen"
