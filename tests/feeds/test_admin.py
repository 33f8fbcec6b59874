"""Feeds in the admin: added through their service (a URL the guard refuses is refused), polled
by an action; inbox items and watches shown, not edited."""

import pytest
from django.test import Client

from claims.models import Feed, Job
from tests.outbound.server import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_for(editor):
    client = Client()
    client.force_login(editor)
    return client


def test_an_editor_adds_a_feed_in_the_admin(admin_client_for, outlet, web_server):
    url = web_server.add("/feed", Page())

    response = admin_client_for.post("/admin/claims/feed/add/", {"outlet": outlet.pk, "url": url, "interval": 900})

    assert response.status_code == 302, response.content.decode()[:2000]
    assert Feed.objects.get().created_by.username == "edna"


def test_a_refused_url_is_shown_on_the_form_and_nothing_saved(admin_client_for, outlet):
    response = admin_client_for.post(
        "/admin/claims/feed/add/", {"outlet": outlet.pk, "url": "http://10.0.0.1/rss", "interval": 900}
    )

    assert response.status_code == 200
    assert "an address this server does not reach" in response.content.decode()
    assert not Feed.objects.exists()


def test_the_poll_action_asks_for_a_job(admin_client_for, add_feed):
    feed = add_feed("/feed", Page())

    response = admin_client_for.post(
        "/admin/claims/feed/", {"action": "poll_now", "_selected_action": [feed.pk]}, follow=True
    )

    assert response.status_code == 200
    assert Job.objects.get().params == {"feed": feed.pk}


def test_inbox_items_and_watches_are_listed(admin_client_for):
    assert admin_client_for.get("/admin/claims/inboxitem/").status_code == 200
    assert admin_client_for.get("/admin/claims/watch/").status_code == 200
    assert admin_client_for.get("/admin/claims/inboxitem/add/").status_code == 403
