"""Every admin page an editor or a reviewer opens renders (or is plainly refused), never a 500."""

from datetime import date

import pytest

from claims.services.workflow import claim_submit
from tests.factories import (
    make_actor,
    make_affiliation,
    make_appearance,
    make_citation,
    make_claim,
    make_event,
    make_evidence,
    make_outlet,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls(editor) -> list[str]:
    actor = make_actor("Hezbollah", aliases=["حزب الله"])
    event = make_event("Drone attack on al-Tanf")
    claim = make_claim("Allies of Syria struck al-Tanf", subject=actor, event=event, by=editor)
    outlet = make_outlet("Al-Akhbar", aliases=["الأخبار"])
    origin = make_appearance(claim, outlet, published_on=date(2021, 10, 20))
    copy = make_appearance(claim, published_on=date(2021, 10, 21))
    citation = make_citation(copy, origin)
    evidence = make_evidence(claim, appearance=origin)
    affiliation = make_affiliation(outlet, actor)
    claim_submit(claim=claim, by=editor)
    pages = ["/admin/", "/admin/claims/claim/?q=حزب الله", "/admin/claims/outlet/?q=الأخبار"]
    for model, pk in [
        ("claim", claim.pk),
        ("outlet", outlet.pk),
        ("actor", actor.pk),
        ("event", event.pk),
        ("appearance", origin.pk),
        ("citation", citation.pk),
        ("statusevidence", evidence.pk),
        ("affiliation", affiliation.pk),
    ]:
        base = f"/admin/claims/{model}/"
        pages += [base, f"{base}add/", f"{base}{pk}/change/", f"{base}{pk}/history/"]
    pages += ["/admin/claims/reviewtransition/", f"/admin/claims/claim/{claim.pk}/review/reject/"]
    return pages


@pytest.mark.parametrize("role", ["editor", "reviewer", "superuser"])
def test_admin_pages_render_for_each_role(request, browser_for, urls, role):
    client = browser_for(request.getfixturevalue(role))

    statuses = {url: client.get(url).status_code for url in urls}

    assert set(statuses.values()) <= {200, 403}, statuses
    if role != "reviewer":
        assert set(statuses.values()) == {200}, statuses
    else:  # reviewers read everything and add nothing
        assert {url for url, status in statuses.items() if status == 403} == {u for u in urls if u.endswith("/add/")}
