"""Feeds (SPEC §16): added to an outlet, changed, paused and resumed by editors.

Adding a feed takes `add_feed`, changing, pausing or polling one `change_feed` (editors hold both,
migration 0026_intake_roles). Its URL
is checked as a webhook's is (the outbound guard's rules, claims/outbound.py): a URL the guard
refuses is refused when the feed is added, not at its first poll. The same feed twice (the same
URL as capture normalises it, tracking parameters dropped) is refused.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from claims.capture.addresses import normalize_url
from claims.choices import FeedState
from claims.errors import InvalidInput, NotAllowed
from claims.models import Feed, Outlet
from claims.models.feed import MAX_INTERVAL, MIN_INTERVAL
from claims.services.persistence import require_perm
from claims.services.webhooks import checked_url

ADD = "claims.add_feed"
CHANGE = "claims.change_feed"


def checked_interval(interval: object) -> int:
    if isinstance(interval, bool) or not isinstance(interval, int) or not MIN_INTERVAL <= interval <= MAX_INTERVAL:
        raise InvalidInput(
            _("interval: a whole number of seconds from %(low)d to %(high)d is required.")
            % {"low": MIN_INTERVAL, "high": MAX_INTERVAL},
            field="interval",
        )
    return interval


def _same_feed(normalized: str, *, other_than: int | None = None) -> None:
    held = Feed.objects.filter(normalized_url=normalized).exclude(pk=other_than).first()
    if held is not None:
        raise InvalidInput(
            _("url: this feed is held already (feed %(feed)d, of %(outlet)s).")
            % {"feed": held.pk, "outlet": held.outlet},
            field="url",
        )


def feed_create(*, outlet: Outlet, url: str, interval: int | None = None, by: AbstractBaseUser | None) -> Feed:
    """A new feed of the outlet, polled from now on."""
    require_perm(by, ADD)
    url = checked_url(url)  # the lookup is made before the transaction: no lock waits on a name server
    normalized = normalize_url(url)
    interval = checked_interval(settings.FEED_DEFAULT_INTERVAL if interval is None else interval)
    with transaction.atomic():
        _same_feed(normalized)
        feed = Feed(outlet=outlet, url=url, normalized_url=normalized, interval=interval, next_poll_at=timezone.now())
        feed.created_by = by if by is not None and by.is_authenticated else None
        feed._history_user = feed.created_by
        try:
            with transaction.atomic():
                feed.save()
        except IntegrityError as exc:  # added at the same moment by another request
            raise InvalidInput(_("url: this feed is held already."), field="url") from exc
    return feed


def feed_update(*, feed: Feed, by: AbstractBaseUser | None, **changes: object) -> Feed:
    """Change the URL or the interval, each checked as at creation."""
    require_perm(by, CHANGE)
    unknown = sorted(set(changes) - {"url", "interval"})
    if unknown:
        raise InvalidInput(_("These fields cannot be changed here: %(fields)s.") % {"fields": ", ".join(unknown)})
    url = checked_url(changes["url"]) if "url" in changes else None  # looked up before any lock is held
    with transaction.atomic():
        return _feed_changed(feed, by, url, changes)


def _feed_changed(feed: Feed, by: AbstractBaseUser | None, url: str | None, changes: dict) -> Feed:
    locked = Feed.objects.select_for_update().get(pk=feed.pk)
    if url is not None:
        locked.url = url
        locked.normalized_url = normalize_url(locked.url)
        _same_feed(locked.normalized_url, other_than=locked.pk)
        locked.etag = locked.last_modified = ""  # a new address owes nothing to the old one's answers
    if "interval" in changes:
        locked.interval = checked_interval(changes["interval"])
    locked._history_user = by
    locked.save()
    return locked


@transaction.atomic
def feed_pause(*, feed: Feed, by: AbstractBaseUser | None) -> Feed:
    """Poll it no more until it is resumed."""
    require_perm(by, CHANGE)
    locked = Feed.objects.select_for_update().get(pk=feed.pk)
    if locked.state == FeedState.PAUSED:
        raise NotAllowed(_("This feed is paused already."))
    locked.state, locked._history_user = FeedState.PAUSED, by
    locked.save()
    return locked


@transaction.atomic
def feed_resume(*, feed: Feed, by: AbstractBaseUser | None) -> Feed:
    """Poll it again, at once; a failing feed starts its backoff over."""
    require_perm(by, CHANGE)
    locked = Feed.objects.select_for_update().get(pk=feed.pk)
    if locked.state != FeedState.PAUSED:
        raise NotAllowed(_("This feed is not paused."))
    locked.state, locked.consecutive_failures, locked.next_poll_at = FeedState.ACTIVE, 0, timezone.now()
    locked._history_user = by
    locked.save()
    return locked
