"""Writes to actors. A name change reaches the search text and factors of the claims about them,
rescored in the background: the actor's `rescoring` is the job that does it."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from claims.choices import ActorKind
from claims.models import Actor
from claims.scoring.derived import names_search_text
from claims.services.outlets import clean_aliases
from claims.services.persistence import apply_changes, require_perm, save_validated
from claims.services.score_refresh import claims_refresh_scores
from claims.services.slugs import slug_for

ADD = "claims.add_actor"
CHANGE = "claims.change_actor"

EDITABLE = {"name", "slug", "aliases", "kind", "description"}


@transaction.atomic
def actor_create(
    *,
    name: str,
    slug: str | None = None,
    aliases: list[str] | None = None,
    kind: str = ActorKind.OTHER,
    description: str = "",
    by: AbstractBaseUser | None = None,
) -> Actor:
    require_perm(by, ADD)
    actor = Actor(
        name=(name or "").strip(),
        slug=slug_for(Actor, name, slug),
        aliases=clean_aliases(aliases),
        kind=kind,
        description=description,
    )
    actor.search_names = names_search_text(actor.name, actor.aliases)
    return save_validated(actor, by=by)


@transaction.atomic
def actor_update(*, actor: Actor, by: AbstractBaseUser | None = None, **changes: object) -> Actor:
    require_perm(by, CHANGE)
    if "aliases" in changes:
        changes["aliases"] = clean_aliases(changes["aliases"])
    if "slug" in changes:
        changes["slug"] = slug_for(
            Actor, str(changes.get("name") or actor.name), changes["slug"] or None, instance_pk=actor.pk
        )
    before = actor.name
    changed = apply_changes(actor, changes, EDITABLE)
    actor.rescoring = None
    if not changed:
        return actor
    actor.search_names = names_search_text(actor.name, actor.aliases)
    save_validated(actor, by=by)
    if changed & {"name", "aliases"}:
        what = f"was renamed from {before}" if "name" in changed else "has new aliases"
        actor.rescoring = claims_refresh_scores(reason=f"actor {actor.name} {what}", actor_id=actor.pk, by=by)
    return actor
