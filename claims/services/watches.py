"""Watches (SPEC §16): an editor's standing interest in some words, an actor or an outlet.

Made and removed by their owner, a member of the newsroom. What a watch matches is decided once,
when an item arrives (`watches_matching`), by one rule: words and actor names are compared as
their phonetic keys (claims/transliteration.py `skeleton`), whole words, so "Hizbullah" watches
"Hezbollah" and the Arabic article does not stand in the way; an outlet watch matches every item
of that outlet's feeds.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from claims.choices import WatchKind
from claims.errors import Forbidden, InvalidInput
from claims.models import Actor, InboxItem, Outlet, Watch
from claims.roles import is_newsroom
from claims.transliteration import skeleton

WORDS_LENGTH = 200


def _check_user(by: AbstractBaseUser | None) -> None:
    if by is None or not is_newsroom(by):
        raise Forbidden(_("Watches are the newsroom's: sign in as an editor or a reviewer."))


@transaction.atomic
def watch_create(
    *, kind: str, words: str = "", actor: Actor | None = None, outlet: Outlet | None = None, by: AbstractBaseUser
) -> Watch:
    _check_user(by)
    words = " ".join((words or "").split())
    if kind == WatchKind.WORDS:
        if not skeleton(words):
            raise InvalidInput(_("words: some words (with letters) are required for a watch of words."), field="words")
        if len(words) > WORDS_LENGTH:
            raise InvalidInput(_("words: at most %(limit)d characters.") % {"limit": WORDS_LENGTH}, field="words")
        actor = outlet = None
    elif kind == WatchKind.ACTOR:
        if actor is None:
            raise InvalidInput(_("actor: the actor to watch is required."), field="actor")
        words, outlet = "", None
    elif kind == WatchKind.OUTLET:
        if outlet is None:
            raise InvalidInput(_("outlet: the outlet to watch is required."), field="outlet")
        words, actor = "", None
    else:
        raise InvalidInput(
            _("kind: one of %(kinds)s is required.") % {"kinds": ", ".join(WatchKind.values)}, field="kind"
        )
    return Watch.objects.create(owner=by, kind=kind, words=words, actor=actor, outlet=outlet)


@transaction.atomic
def watch_remove(*, watch: Watch, by: AbstractBaseUser) -> None:
    """A watch is its owner's own setting: removed, with its flags."""
    _check_user(by)
    if watch.owner_id != by.pk:
        raise Forbidden(_("Only its owner removes a watch."))
    watch.delete()


@dataclass(frozen=True)
class WatchKey:
    """A watch as it is compared with items: the phonetic keys it needs to find."""

    watch: Watch
    phrases: tuple[str, ...]  # any of them, each whole (an actor's names)
    words: tuple[str, ...]  # all of them, anywhere (a watch of words)


def watch_keys(watches: Iterable[Watch]) -> list[WatchKey]:
    keys = []
    for watch in watches:
        if watch.kind == WatchKind.ACTOR:
            names = [watch.actor.name, *(watch.actor.aliases or [])]
            phrases = tuple(dict.fromkeys(key for key in map(skeleton, names) if key))
            keys.append(WatchKey(watch, phrases, ()))
        elif watch.kind == WatchKind.WORDS:
            keys.append(WatchKey(watch, (), tuple(skeleton(watch.words).split())))
        else:
            keys.append(WatchKey(watch, (), ()))
    return keys


def active_watch_keys() -> list[WatchKey]:
    """Every watch whose owner is still of the newsroom, ready to compare (two queries)."""
    watches = Watch.objects.filter(owner__is_active=True).select_related("owner", "actor")
    return watch_keys(watch for watch in watches if is_newsroom(watch.owner))


def watches_matching(item: InboxItem, keys: list[WatchKey]) -> list[Watch]:
    """The watches this item matches, by the rule of the module's docstring."""
    text = f" {skeleton(f'{item.title} {item.summary}')} "
    present = set(text.split())
    matched = []
    for key in keys:
        if key.watch.kind == WatchKind.OUTLET:
            found = key.watch.outlet_id == item.outlet_id
        elif key.phrases:
            found = any(f" {phrase} " in text for phrase in key.phrases)
        else:
            found = bool(key.words) and all(word in present for word in key.words)
        if found:
            matched.append(key.watch)
    return matched
