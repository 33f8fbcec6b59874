"""Every HTML response carries a Content-Security-Policy of our own origin only (issue 16).

tests/browser/test_content_security_policy.py loads the pages in Chromium and checks
that nothing they need is refused; here, the header itself on every kind of response.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from claims.services.workflow import claim_publish_imported
from tests.factories import make_appearance, make_claim, make_outlet

pytestmark = pytest.mark.django_db

OWN_ORIGIN_ONLY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


@pytest.fixture
def published(db):
    claim = make_claim("Hezbollah fired the rockets")
    make_appearance(claim, make_outlet("Al-Akhbar", slug="al-akhbar"))
    claim_publish_imported(claim=claim, comment="test")
    return claim


@pytest.mark.parametrize(
    "path",
    ["/", "/?q=rockets", "/outlets/", "/outlets/al-akhbar/", "/events/", "/login/", "/admin/login/", "/no-such-page/"],
)
def test_every_page_allows_only_our_own_origin(published, path):
    response = Client().get(path)

    assert response["Content-Type"].startswith("text/html")
    assert response["Content-Security-Policy"] == OWN_ORIGIN_ONLY


def test_the_claim_page_and_the_newsroom_pages_carry_it_too(published, reviewer, superuser):
    client = Client()
    client.force_login(superuser)

    for path in (f"/claims/{published.pk}/", "/review/", "/admin/", "/admin/claims/claim/", "/claims/new/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["Content-Security-Policy"] == OWN_ORIGIN_ONLY, path


def test_error_and_limit_pages_carry_it(published, settings):
    settings.WEB_RATE_PAGES = "1/minute"
    client = Client()
    client.get("/")

    limited = client.get("/")

    assert limited.status_code == 429
    assert limited["Content-Security-Policy"] == OWN_ORIGIN_ONLY
    assert client.get(f"/claims/{published.pk + 1000}/")["Content-Security-Policy"] == OWN_ORIGIN_ONLY


def test_swagger_ui_alone_may_also_show_data_images_and_loads_its_script_from_us(db):
    page = Client().get("/api/docs/")
    script = Client().get("/api/docs/?script=")

    assert page["Content-Security-Policy"] == OWN_ORIGIN_ONLY.replace("img-src 'self'", "img-src 'self' data:")
    assert '<script src="/api/docs/?script="></script>' in page.text
    assert "<style" not in page.text
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle(" in script.text


def test_json_and_files_are_not_html_and_need_no_policy(published):
    assert "Content-Security-Policy" not in Client().get("/api/v1/claims/")
    assert "Content-Security-Policy" not in Client().get("/api/v1/claims/export.csv")


def test_report_only_sends_the_policy_under_the_report_only_header(db, settings):
    settings.CSP_REPORT_ONLY = True

    response = Client().get("/")

    assert "Content-Security-Policy" not in response
    assert response["Content-Security-Policy-Report-Only"] == OWN_ORIGIN_ONLY


INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "an inline <script>"),
    (re.compile(r"<style\b", re.I), "a <style> element"),
    (re.compile(r"\sstyle\s*=", re.I), "a style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an event handler attribute"),
    (re.compile(r"javascript:", re.I), "a javascript: URL"),
]


def test_no_template_carries_what_the_policy_refuses():
    found = []
    for path in sorted(Path(settings.BASE_DIR, "templates").rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        found += [f"{path.name}: {what}" for pattern, what in INLINE if pattern.search(text)]

    assert found == []
