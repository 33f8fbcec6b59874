"""The claim page: assessment with its factors, evidence, appearances, graph, and the as-of date."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from claims.models import Appearance
from claims.services.appearances import appearance_withdraw
from tests.factories import make_claim

pytestmark = pytest.mark.django_db


def page(client, claim, **params) -> str:
    response = client.get(reverse("web:claim-detail", args=[claim.pk]), params)
    assert response.status_code == 200, response.status_code
    return response.text


def graph_nodes(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'<g class="node [^"]*" data-id="(\d+)"', html)]


def test_it_shows_confidence_factors_admiralty_code_and_status_evidence(newsroom, client_as):
    newsroom.refresh()
    html = page(client_as(None), newsroom.published)

    assert f'<span class="stat__number">{newsroom.published.confidence}</span>' in html
    assert newsroom.published.admiralty_code in html
    for factor in newsroom.published.confidence_factors:
        assert factor["detail"] in html.replace("&#x27;", "'")
    assert "Confirmed" in html
    assert "Allies of Syria Operations Room" in html


def test_the_graph_draws_one_node_per_current_appearance(newsroom, client_as, editor):
    appearance_withdraw(appearance=newsroom.wire, reason="Wrong article", by=editor)
    current = set(Appearance.objects.current().filter(claim=newsroom.published).values_list("pk", flat=True))

    html = page(client_as(editor), newsroom.published)

    assert set(graph_nodes(html)) == current
    assert html.count('class="edge edge--') == 1
    assert 'class="node node--g0 node--origin"' in html
    assert "republished</text>" in html


def test_withdrawn_appearances_are_listed_for_the_newsroom_only(newsroom, client_as, editor):
    appearance_withdraw(appearance=newsroom.wire, reason="Wrong article", by=editor)

    assert "Wrong article" in page(client_as(editor), newsroom.published)
    assert f'id="appearance-{newsroom.wire.pk}"' not in page(client_as(None), newsroom.published)


def test_as_of_recomputes_confidence_status_and_chain(newsroom, client_as):
    newsroom.refresh()
    client = client_as(None)

    today = page(client, newsroom.published)
    then = page(client, newsroom.published, as_of="2021-10-21")

    assert graph_nodes(today) == [newsroom.origin.pk, newsroom.repeat.pk, newsroom.wire.pk]
    assert graph_nodes(then) == [newsroom.origin.pk]
    assert "As of 2021-10-21." in then
    assert 'badge--status-unclaimed">Unclaimed' in then
    assert 'badge--status-confirmed">Confirmed' in today
    assert f'<span class="stat__number">{newsroom.published.confidence}</span>' not in then
    assert 'id="add-appearance"' not in page(client, newsroom.published, as_of="2021-10-21")


def test_a_future_as_of_date_is_refused(newsroom, client_as):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()

    response = client_as(None).get(reverse("web:claim-detail", args=[newsroom.published.pk]), {"as_of": tomorrow})

    assert response.status_code == 400
    assert "Pick today or an earlier day" in response.text


def test_a_garbled_as_of_date_is_refused(newsroom, client_as):
    response = client_as(None).get(reverse("web:claim-detail", args=[newsroom.published.pk]), {"as_of": "soon"})

    assert response.status_code == 400
    assert "as_of must be a day written YYYY-MM-DD" in response.text


def test_appearances_say_what_they_took_the_claim_from(newsroom, client_as):
    html = page(client_as(None), newsroom.published)
    row = html.split(f'id="appearance-{newsroom.repeat.pk}"', 1)[1].split("</tr>", 1)[0]

    assert "republished" in row
    assert "Al-Akhbar, 2021-10-21" in row


def test_a_claim_with_no_appearance_says_so(db, client_as, editor):
    claim = make_claim("Nothing yet", by=editor)

    html = page(client_as(editor), claim)

    assert "No appearance of this claim is recorded." in html
    assert "<svg" not in html.split('id="chain"', 1)[1].split("</section>", 1)[0]
