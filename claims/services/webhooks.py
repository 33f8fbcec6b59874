"""Webhook subscriptions (SPEC §14): made, changed, paused, resumed and removed by their owners.

Any signed-in user may subscribe, API consumers included: what a subscription is told of is
bounded by what its owner may read (claims/selectors/webhooks.py), not by a role. Bad input is
an InvalidInput naming the field, and nothing is written: an unknown event, a URL the outbound
guard refuses (claims/outbound.py, the rule of URL capture), a filter the claim list would
refuse, a filter it does not have.
"""

import base64
import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from claims.choices import DeliveryState, WebhookEventKind
from claims.errors import Forbidden, InvalidInput, NotAllowed
from claims.models import Delivery, Subscription
from claims.models.webhooks import DEFAULT_MIN_CHANGE
from claims.outbound import check_url, resolve
from claims.selectors.claims import claim_filter_values
from claims.services.jobs import enqueue
from claims.services.persistence import check_value
from claims.task_names import DELIVER_WEBHOOK

# The claim list's filters a subscription takes (SPEC §8): those that say which claims, not how many.
FILTERS = ("actor", "event", "outlet", "min_confidence")
SECRET_BYTES = 32
OWNER_PAUSED = "Paused by its owner."


def new_secret() -> str:
    """A signing key in the form the Standard Webhooks libraries read: `whsec_` and base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def _check_user(by: AbstractBaseUser | None) -> None:
    if by is not None and not (by.is_authenticated and by.is_active):
        raise Forbidden(_("Sign in to subscribe to webhooks."))


def checked_url(url: object) -> str:
    if not isinstance(url, str):
        raise InvalidInput(_("url: a URL (text) is required."), field="url")
    host, port = check_url(url)
    resolve(host, port)  # refused now when the host is one this server does not reach
    return url.strip()


def checked_events(events: object) -> list[str]:
    if not isinstance(events, list) or not events:
        raise InvalidInput(
            _("events: a list of at least one event is required, from: %(events)s.")
            % {"events": ", ".join(WebhookEventKind.values)},
            field="events",
        )
    unknown = [str(e) for e in events if not isinstance(e, str) or e not in WebhookEventKind.values]
    if unknown:
        raise InvalidInput(
            _("events: unknown event %(event)r; the events are: %(events)s.")
            % {"event": unknown[0], "events": ", ".join(WebhookEventKind.values)},
            field="events",
        )
    return list(dict.fromkeys(events))


def checked_filters(filters: object, *, owner: AbstractBaseUser | None) -> dict:
    """The filters as the ids and numbers they name, refused as the claim list refuses them."""
    if filters is None:
        return {}
    if not isinstance(filters, dict):
        raise InvalidInput(
            _("filters: an object of filters is required, of: %(filters)s.") % {"filters": ", ".join(FILTERS)},
            field="filters",
        )
    unknown = sorted(set(filters) - set(FILTERS))
    if unknown:
        raise InvalidInput(
            _("filters: %(name)s is not a filter a subscription takes; it takes: %(filters)s.")
            % {"name": unknown[0], "filters": ", ".join(FILTERS)},
            field="filters",
        )
    for name, value in filters.items():
        wanted = (int,) if name == "min_confidence" else (int, str)
        if isinstance(value, bool) or not isinstance(value, wanted):
            kind = "a whole number" if name == "min_confidence" else "an id or a slug"
            raise InvalidInput(
                _("filters.%(name)s: %(kind)s is required.") % {"name": name, "kind": kind}, field=f"filters.{name}"
            )
    try:
        values = claim_filter_values(user=owner, filters={name: str(value) for name, value in filters.items()})
    except InvalidInput as exc:
        errors = {f"filters.{name}": messages for name, messages in exc.errors.items()}
        raise InvalidInput(exc.message.replace("Invalid filter: ", "filters: "), errors=errors) from exc
    return {name: value for name, value in values.items() if value is not None}


def checked_min_change(min_change: object) -> int:
    if isinstance(min_change, bool) or not isinstance(min_change, int) or not 1 <= min_change <= 100:
        raise InvalidInput(_("min_change: a whole number of points from 1 to 100 is required."), field="min_change")
    return min_change


@transaction.atomic
def subscription_create(
    *,
    url: str,
    events: list[str],
    filters: dict | None = None,
    min_change: int = DEFAULT_MIN_CHANGE,
    by: AbstractBaseUser,
) -> Subscription:
    """A new subscription of `by`'s, with its signing secret (shown to the owner this once)."""
    _check_user(by)
    return Subscription.objects.create(
        owner=by,
        url=checked_url(url),
        events=checked_events(events),
        filters=checked_filters(filters, owner=by),
        min_change=checked_min_change(min_change),
        secret=new_secret(),
    )


@transaction.atomic
def subscription_update(*, subscription: Subscription, by: AbstractBaseUser | None, **changes: object) -> Subscription:
    """Change the URL, events, filters or min_change; every one is checked as at creation."""
    _check_user(by)
    checks = {
        "url": checked_url,
        "events": checked_events,
        "filters": lambda value: checked_filters(value, owner=subscription.owner),
        "min_change": checked_min_change,
    }
    unknown = sorted(set(changes) - set(checks))
    if unknown:
        raise InvalidInput(_("These fields cannot be changed here: %(fields)s.") % {"fields": ", ".join(unknown)})
    for name, value in changes.items():
        setattr(subscription, name, checks[name](value))
    if changes:
        subscription.save()
    return subscription


@transaction.atomic
def subscription_pause(*, subscription: Subscription, by: AbstractBaseUser | None, reason: str = "") -> Subscription:
    """Stop deliveries: none is made for what happens while paused; those waiting wait on."""
    _check_user(by)
    reason = (reason or "").strip() or OWNER_PAUSED
    check_value(Subscription, "pause_reason", reason, named="reason")
    locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if locked.is_paused:
        raise NotAllowed(_("This subscription is paused already: %(reason)s") % {"reason": locked.pause_reason})
    locked.paused_at, locked.pause_reason = timezone.now(), reason
    locked.save(update_fields=["paused_at", "pause_reason", "updated_at"])
    return locked


@transaction.atomic
def subscription_resume(*, subscription: Subscription, by: AbstractBaseUser | None) -> Subscription:
    """Deliver again: the deliveries that were waiting are tried at once, the failure count starts over."""
    _check_user(by)
    locked = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if not locked.is_paused:
        raise NotAllowed(_("This subscription is not paused."))
    locked.paused_at, locked.pause_reason, locked.consecutive_failures = None, "", 0
    locked.save(update_fields=["paused_at", "pause_reason", "consecutive_failures", "updated_at"])
    waiting = Delivery.objects.filter(subscription=locked, state=DeliveryState.PENDING)
    ids = list(waiting.values_list("pk", flat=True))
    waiting.update(next_attempt_at=timezone.now())
    for delivery_id in ids:
        enqueue(DELIVER_WEBHOOK, delivery_id)
    return locked


@transaction.atomic
def subscription_remove(*, subscription: Subscription, by: AbstractBaseUser | None) -> None:
    """A subscription is its owner's own setting, not a record of the newsroom's: it is deleted,
    with its deliveries and their log."""
    _check_user(by)
    subscription.delete()


@transaction.atomic
def delivery_redeliver(*, delivery: Delivery, by: AbstractBaseUser | None) -> Delivery:
    """Send a delivery again, whatever became of it: the same message, with a fresh run of tries."""
    _check_user(by)
    locked = Delivery.objects.select_for_update().select_related("subscription").get(pk=delivery.pk)
    if locked.subscription.is_paused:
        raise NotAllowed(_("This subscription is paused; resume it to deliver again."))
    if locked.try_is_open:
        # One delivery never has two tries in flight: the receiver would see the message twice at once.
        raise NotAllowed(_("A try of this delivery is under way; redeliver it once the try has ended."))
    locked.state, locked.next_attempt_at, locked.finished_at = DeliveryState.PENDING, timezone.now(), None
    locked.attempts_before_run = locked.attempts
    locked.save(update_fields=["state", "next_attempt_at", "finished_at", "attempts_before_run"])
    enqueue(DELIVER_WEBHOOK, locked.pk)
    return locked
