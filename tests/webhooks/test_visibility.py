"""A subscriber hears only of claims it may read, when the event is fanned out and when it is sent."""

import json
from datetime import date

import pytest
from django.contrib.auth.models import Group

from claims.choices import DeliveryState
from claims.models import Delivery
from claims.roles import EDITOR
from claims.services.webhook_delivery import UNREADABLE
from claims.services.webhook_dispatch import events_dispatch
from claims.services.webhook_sweep import webhooks_sweep
from claims.services.workflow import claim_approve, claim_reject, claim_retract, claim_submit
from tests.factories import make_appearance, make_claim, make_evidence, make_outlet
from tests.webhooks.conftest import posted

pytestmark = pytest.mark.django_db


def claims_told(receiver, path: str = "/hook") -> list[tuple[str, int, str]]:
    messages = [json.loads(r.body) for r in posted(receiver, path)]
    return [(m["type"], m["data"]["claim"]["id"], m["data"]["claim"]["review_state"]) for m in messages]


def test_a_consumer_subscribed_to_everything_never_hears_of_an_unpublished_claim(
    consumer, editor, reviewer, subscribe, receiver, committed
):
    subscribe(consumer)
    subscribe(editor, path="/newsroom")
    receiver.add("/newsroom", receiver.pages["/hook"])
    outlet = make_outlet(reliability="B")
    with committed():
        draft = make_claim("A draft", by=editor)
        make_appearance(draft, outlet, published_on=date(2021, 10, 21))  # its confidence moves
        make_evidence(draft, stance="confirms")  # and its status
        rejected = make_claim("Sent back", by=editor)
        claim_submit(claim=rejected, by=editor)
        claim_reject(claim=rejected, comment="Needs a second source", by=reviewer)
        make_appearance(rejected, outlet, published_on=date(2021, 10, 21))
        webhooks_sweep()

    assert claims_told(receiver) == []
    newsroom = {(kind, claim) for kind, claim, _ in claims_told(receiver, "/newsroom")}
    assert ("claim.confidence_changed", draft.pk) in newsroom and ("claim.status_changed", draft.pk) in newsroom


def test_a_consumer_hears_of_publication_then_of_retraction(consumer, editor, reviewer, subscribe, receiver, committed):
    subscribe(consumer)
    claim = make_claim("Published then retracted", by=editor)

    with committed():
        claim_submit(claim=claim, by=editor)
        claim_approve(claim=claim, by=reviewer)
    with committed():
        claim_retract(claim=claim, reason="The source withdrew it", by=reviewer)

    assert claims_told(receiver) == [
        ("claim.published", claim.pk, "published"),
        ("claim.retracted", claim.pk, "retracted"),
    ]


def test_a_claim_no_longer_readable_when_its_turn_comes_is_skipped_and_logged(editor, subscribe, receiver, committed):
    subscribe(editor, ["claim.confidence_changed"])
    claim = make_claim("A draft the editor may read today", by=editor)
    make_appearance(claim, make_outlet(reliability="A"))  # an event for the editor, before they leave
    events_dispatch()  # fanned out while they may read it; sent below, after they left
    editor.groups.remove(Group.objects.get(name=EDITOR))
    del editor._perm_cache, editor._group_perm_cache
    delivery = Delivery.objects.get()

    with committed():
        webhooks_sweep()

    delivery.refresh_from_db()
    assert (delivery.state, delivery.last_error) == (DeliveryState.SKIPPED, UNREADABLE)
    assert posted(receiver) == []
