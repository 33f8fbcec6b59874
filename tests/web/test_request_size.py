"""A form post over DATA_UPLOAD_MAX_MEMORY_SIZE gets a page that says so (413), in the web UI and
the admin alike, never Django's bare 400 or a 500; nothing is saved."""

from urllib.parse import urlencode

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from claims.models import Claim
from tests.admin.pages import form_data
from tests.factories import bulk_appearances, make_claim, make_outlet
from tests.services.conftest import database_state

pytestmark = pytest.mark.django_db

LIMIT = 10_000
FORM = "application/x-www-form-urlencoded"


@pytest.fixture(autouse=True)
def small_limits(settings) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = LIMIT
    settings.IMPORT_MAX_UPLOAD_BYTES = 3 * LIMIT


def form_body(size: int, **fields: str) -> str:
    """The fields, urlencoded, with a padding field that brings the body to exactly `size` bytes."""
    body = urlencode(fields) + "&pad="
    return body + "p" * (size - len(body))


def test_a_form_at_the_limit_is_read(client_as, editor):
    response = client_as(editor).post(
        reverse("web:claim-create"), form_body(LIMIT, text="A claim", kind="attribution"), content_type=FORM
    )

    assert response.status_code == 302
    assert Claim.objects.get().text == "A claim"


@pytest.mark.parametrize("url", [reverse("web:claim-create"), "/admin/claims/claim/add/"])
def test_a_form_over_the_limit_gets_a_page_that_says_why(client_as, editor, url):
    before = database_state()

    response = client_as(editor).post(url, form_body(LIMIT + 1, text="A claim"), content_type=FORM)

    assert response.status_code == 413
    assert "Too large to accept" in response.text
    assert "a request body of at most 9.8 KB (10,000 bytes)" in response.text
    assert database_state() == before


def test_a_form_with_files_whose_fields_pass_the_limit_gets_the_same_page(client_as, editor):
    """Within the upload limit, Django reads the form and refuses its fields (files aside) itself."""
    body = encode_multipart(BOUNDARY, {"text": "a" * (2 * LIMIT), "kind": "attribution"})
    before = database_state()

    response = client_as(editor).generic("POST", reverse("web:claim-create"), body, content_type=MULTIPART_CONTENT)

    assert response.status_code == 413
    assert "form fields (files aside) of at most 9.8 KB" in response.text
    assert database_state() == before


def test_too_many_fields_get_a_page_rather_than_a_bare_400(client_as, editor, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    fields = {f"field{n}": "x" for n in range(20)}

    response = client_as(editor).post(reverse("web:claim-create"), urlencode(fields), content_type=FORM)

    assert response.status_code == 400
    assert "The request could not be read: this server takes a form of at most 10 fields." in response.text
    assert not Claim.objects.exists()


def test_the_admin_saves_the_page_of_a_claim_with_hundreds_of_rows(client_as, editor, settings):
    """Django's default of 1,000 fields refused this page (eight fields a row); the setting takes it."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # the default
    claim = make_claim("A claim carried by a hundred and fifty outlets")
    bulk_appearances(claim, 150, outlet=make_outlet())
    url = f"/admin/claims/claim/{claim.pk}/change/"
    client = client_as(editor)
    form = form_data(client.get(url), "claim_form")
    assert len(form) > 1_000

    response = client.post(url, urlencode({**form, "notes": "All checked."}, doseq=True), content_type=FORM)

    assert response.status_code == 302
    assert Claim.objects.get(pk=claim.pk).notes == "All checked."
