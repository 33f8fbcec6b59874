"""Every page speaks the reader's language: lang and dir from it, a switcher, no chrome left in English."""

import pytest
from django.urls import reverse
from django.utils.translation import get_language_info

from claims.choices import CaptureState
from claims.models import Job
from tests.i18n.chrome import latin_words
from tests.web.test_capture_and_webhook_pages import make_capture

pytestmark = pytest.mark.django_db

RTL = ["ar", "fa"]


def pages(newsroom, editor) -> list[str]:
    capture = make_capture(editor, state=CaptureState.NEEDS_OUTLET)
    job = Job.objects.get(capture=capture)
    return [
        reverse("web:claim-list"),
        reverse("web:claim-list") + "?q=Tanf&ordering=-confidence",
        reverse("web:claim-detail", args=[newsroom.published.pk]),
        reverse("web:claim-detail", args=[newsroom.published.pk]) + "?as_of=2021-10-22",
        reverse("web:claim-detail", args=[newsroom.waiting.pk]),
        reverse("web:claim-create"),
        reverse("web:outlet-list"),
        reverse("web:outlet-detail", args=["al-akhbar"]),
        reverse("web:outlet-detail", args=["reuters"]),
        reverse("web:event-list"),
        reverse("web:event-detail", args=["al-tanf-2021"]),
        reverse("web:review-queue"),
        reverse("web:capture-list"),
        reverse("web:capture-detail", args=[capture.pk]),
        reverse("web:job-list"),
        reverse("web:job-detail", args=[job.pk]),
        reverse("web:webhook-list"),
        reverse("web:import"),
        "/no-such-page/",
    ]


@pytest.mark.parametrize("language", RTL)
def test_no_page_leaves_a_word_of_its_own_in_english(language, newsroom, editor_reviewer, client_as):
    client = client_as(editor_reviewer, language)

    for url in pages(newsroom, editor_reviewer):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert latin_words(response.text) == [], url


def test_the_login_page_is_translated_too(client_as):
    response = client_as(None, "fa").get(reverse("web:login"))
    assert latin_words(response.text) == []
    assert "ورود" in response.text


@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("ar", "rtl"), ("fa", "rtl")])
def test_the_page_says_its_language_and_direction(language, direction, newsroom, client_as):
    page = client_as(None, language).get(reverse("web:claim-list")).text
    assert f'<html lang="{language}" dir="{direction}">' in page


def test_an_unknown_language_falls_back_to_english(client_as):
    page = client_as(None, "de-CH, sw").get(reverse("web:claim-list")).text
    assert '<html lang="en" dir="ltr">' in page


def test_every_page_offers_the_three_languages(newsroom, editor_reviewer, client_as):
    client = client_as(editor_reviewer, "ar")
    for url in pages(newsroom, editor_reviewer):
        page = client.get(url).text
        assert 'action="/i18n/setlang/"' in page, url
        for code in ("en", "ar", "fa"):
            # Each language by its own name, whatever the page's language.
            assert f'value="{code}"' in page and get_language_info(code)["name_local"] in page, url


def test_the_switcher_keeps_the_choice_over_the_browser_language(newsroom, client_as):
    client = client_as(None, "en")
    url = reverse("web:outlet-detail", args=["al-akhbar"])

    response = client.post("/i18n/setlang/", {"language": "fa", "next": url})

    assert response.status_code == 302 and response["Location"] == url
    assert '<html lang="fa" dir="rtl">' in client.get(url).text


def test_the_switcher_refuses_a_language_it_does_not_offer(client_as):
    client = client_as(None, "en")
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    assert '<html lang="en" dir="ltr">' in client.get(reverse("web:claim-list")).text


def test_the_switcher_never_sends_the_reader_off_the_site(client_as):
    response = client_as(None).post("/i18n/setlang/", {"language": "ar", "next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/"
