"""The inbox's intake (SPEC §16): a poll's entries become inbox items, each once.

An entry is found by its link as capture normalises it (claims/capture/addresses.py: tracking
parameters and fragments dropped), so an article announced by two feeds, or by the same feed in
two polls, is one item: the second sighting adds the feed to the item's sightings and, when it
gives an earlier date, moves the item's date back to it. A new item has its language detected
(claims/language.py), the claims it may belong to ranked by the one similar-claims ranking
(claims/selectors/similar.py: by wording, and by meaning where that ranking says so), and the
watches it matches flagged and told (watches.py, inbox_events.py).

Each entry is written in a transaction of its own, and the item's uniqueness is the database's
(a unique normalised URL): a poll cut off half-way leaves every entry it wrote whole, and the
poll made again — the feed's ETag is only kept once a poll has ended, so it is fetched whole
again — finds them and adds only the rest. Two polls racing on one article make one item.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from claims.capture.addresses import normalize_url
from claims.choices import SuggestionMatch
from claims.feeds.parsing import Entry
from claims.language import detect_language
from claims.models import Feed, FeedSighting, InboxItem, ItemSuggestion, WatchMatch
from claims.models.fields import URL_LENGTH
from claims.selectors.similar import similar_claims
from claims.services.inbox_events import listening_owners, record_inbox_matches
from claims.services.watches import WatchKey, active_watch_keys, watches_matching

# How often a long intake renews its feed's lease: every this many entries.
RENEW_EVERY = 25
SUGGESTION_TEXT = 500


@dataclass
class Ingested:
    new: int = 0
    seen: int = 0
    skipped: int = 0
    new_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    """What every entry of one intake is compared with, read once."""

    keys: list[WatchKey]
    listening: set[int]
    by: AbstractBaseUser | None  # whose view of the claims the suggestions rank


def _earlier(day: datetime | None, than: datetime | None) -> bool:
    return day is not None and (than is None or day < than)


def earliest(entries: list[Entry]) -> dict[str, Entry]:
    """The entries by normalised link; of a link given twice, the entry with the earliest date."""
    found: dict[str, Entry] = {}
    for entry in entries:
        key = normalize_url(entry.url)
        if key not in found or _earlier(entry.published_at, found[key].published_at):
            found[key] = entry
    return found


def suggestion_text(item: InboxItem) -> str:
    """What an item is compared with claims by: its headline, else the start of its summary."""
    return (item.title or item.summary)[:SUGGESTION_TEXT]


def suggest_claims(item: InboxItem, by: AbstractBaseUser | None) -> list[ItemSuggestion]:
    ranked = similar_claims(text=suggestion_text(item), user=by, limit=settings.INBOX_SUGGESTIONS)
    rows = []
    for rank, found in enumerate(ranked):
        match = str(getattr(found, "match", SuggestionMatch.WORDING))
        match = match if match in SuggestionMatch.values else SuggestionMatch.WORDING
        rows.append(ItemSuggestion(item=item, claim=found.claim, score=found.score, match=match, rank=rank))
    return ItemSuggestion.objects.bulk_create(rows, ignore_conflicts=True)


def _new_item(feed: Feed, key: str, entry: Entry, published: datetime | None) -> InboxItem | None:
    """The item, created; None if another poll created it first."""
    item = InboxItem(
        normalized_url=key, url=entry.url[:URL_LENGTH], feed=feed, outlet_id=feed.outlet_id, title=entry.title,
        summary=entry.summary, published_at=published, listed_at=published or timezone.now(),
        language=detect_language(f"{entry.title}\n{entry.summary}") or "",
    )  # fmt: skip
    item._change_reason = f"Announced by feed {feed.pk}"
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError:
        return None
    return item


def _seen_again(key: str, published: datetime | None) -> InboxItem:
    item = InboxItem.objects.get(normalized_url=key)
    if published is not None:
        earlier = Q(published_at__isnull=True) | Q(published_at__gt=published)
        InboxItem.objects.filter(earlier, pk=item.pk).update(published_at=published, listed_at=published)
    return item


def entry_ingest(feed: Feed, key: str, entry: Entry, context: Context) -> InboxItem | None:
    """One entry, in one transaction: the new item (returned) or the sighting of one held (None)."""
    # A date in the future (a clock, or a feed's mistake) is the moment it was seen.
    published = min(entry.published_at, timezone.now()) if entry.published_at else None
    with transaction.atomic():
        held = InboxItem.objects.filter(normalized_url=key).exists()
        item = None if held else _new_item(feed, key, entry, published)
        if item is None:
            seen = _seen_again(key, published)
            FeedSighting.objects.bulk_create([FeedSighting(feed=feed, item=seen)], ignore_conflicts=True)
            return None
        FeedSighting.objects.create(feed=feed, item=item)
        suggest_claims(item, context.by)
        matched = watches_matching(item, context.keys)
        WatchMatch.objects.bulk_create([WatchMatch(watch=w, item=item) for w in matched], ignore_conflicts=True)
        record_inbox_matches(item=item, watches=matched, listening=context.listening)
    return item


def entries_ingest(*, feed: Feed, entries: list[Entry], renew: Callable[[], None] = lambda: None) -> Ingested:
    """Every entry of a poll into the inbox; `renew` is called as the work goes on (the poll's lease)."""
    context = Context(active_watch_keys(), listening_owners(), feed.created_by)
    done = Ingested()
    for count, (key, entry) in enumerate(earliest(entries).items(), start=1):
        if len(key) > URL_LENGTH:
            done.skipped += 1
            continue
        item = entry_ingest(feed, key, entry, context)
        if item is None:
            done.seen += 1
        else:
            done.new += 1
            done.new_ids.append(item.pk)
        if count % RENEW_EVERY == 0:
            renew()
    return done
