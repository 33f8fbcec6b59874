"""/api/v1/events/: the detail lists competing attributions side by side, most confident first (SPEC §6)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from claims.models import Event
from tests.api.conftest import publish
from tests.factories import make_actor, make_appearance, make_claim, make_event, make_evidence, make_outlet

pytestmark = pytest.mark.django_db

URL = "/api/v1/events/"


def test_editor_records_an_event(as_editor):
    response = as_editor.post(
        URL, {"title": "Drone attack on al-Tanf", "date": "2021-10-20", "location": "al-Tanf, Syria"}
    )

    assert response.status_code == 201
    event = Event.objects.get(pk=response.json()["id"])
    assert (event.title, event.date, event.location) == (
        "Drone attack on al-Tanf",
        date(2021, 10, 20),
        "al-Tanf, Syria",
    )


def test_a_future_date_is_a_400(as_editor, nothing_changes):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()

    with nothing_changes():
        response = as_editor.post(URL, {"title": "Not yet", "date": tomorrow})

    assert response.status_code == 400
    assert "future" in response.json()["errors"]["date"][0]


def test_editor_corrects_an_event(as_editor):
    event = make_event("Atack", date=date(2021, 10, 21))

    response = as_editor.put(f"{URL}{event.pk}/", {"title": "Attack", "date": "2021-10-20"})

    assert response.status_code == 200
    event.refresh_from_db()
    assert (event.title, event.date) == ("Attack", date(2021, 10, 20))


@pytest.fixture
def attack() -> dict:
    attack = make_event("Drone attack on al-Tanf")
    weak = make_claim("Group A did it", subject=make_actor("Group A"), event=attack)
    make_appearance(weak, make_outlet(reliability="E"))
    make_evidence(weak, stance="denies")
    strong = make_claim("Group B did it", subject=make_actor("Group B"), event=attack)
    make_appearance(strong, make_outlet(reliability="B"))
    make_appearance(strong, make_outlet(reliability="C"))
    draft = make_claim("Group C did it", event=attack)
    return {"event": attack, "weak": publish(weak), "strong": publish(strong), "draft": draft}


def test_attributions_are_ranked_by_confidence_with_status_and_origins(anonymous, attack):
    body = anonymous.get(f"{URL}{attack['event'].pk}/").json()

    ranked = body["attributions"]
    assert [a["id"] for a in ranked] == [attack["strong"].pk, attack["weak"].pk]
    assert [a["confidence"] for a in ranked] == sorted((a["confidence"] for a in ranked), reverse=True)
    assert (ranked[0]["status"], ranked[0]["independent_origin_count"]) == ("unclaimed", 2)
    assert (ranked[1]["status"], ranked[1]["independent_origin_count"]) == ("denied", 1)
    assert ranked[0]["subject"]["name"] == "Group B"


def test_editors_also_see_unpublished_attributions(as_editor, attack):
    ids = [a["id"] for a in as_editor.get(f"{URL}{attack['event'].pk}/").json()["attributions"]]

    assert attack["draft"].pk in ids


def test_the_list_does_not_carry_attributions(anonymous, attack):
    [row] = anonymous.get(URL).json()["results"]

    assert "attributions" not in row
    assert row["title"] == "Drone attack on al-Tanf"
