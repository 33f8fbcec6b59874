"""Writes to appearances: one outlet publishing a claim."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max, Min
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from claims.errors import InvalidInput
from claims.language import detect_language
from claims.models import Appearance, Citation, Claim, Outlet
from claims.models.fields import max_length_of
from claims.services.claim_rows import claim_rows_guard
from claims.services.persistence import apply_changes, reject_future, require_perm, save_validated, withdraw
from claims.services.rescoring import claims_rescore

EDITABLE = {
    "outlet", "published_on", "url", "headline", "author", "language", "excerpt", "attributed_source",
    "source_document",
}  # fmt: skip
ADD = "claims.add_appearance"
CHANGE = "claims.change_appearance"
CITATION_REASON_LENGTH = max_length_of(Citation._meta.get_field("withdrawn_reason"))


def appearance_new(
    *,
    claim: Claim,
    outlet: Outlet,
    published_on: date,
    url: str = "",
    headline: str = "",
    author: str = "",
    language: str = "",
    excerpt: str = "",
    attributed_source: str = "",
    source_document: str = "",
    external_ref: str | None = None,
    by: AbstractBaseUser | None = None,
) -> Appearance:
    """A new appearance of the claim, not yet saved, if `by` may record one. The claim is the
    caller's to guard (`claim_rows_guard`): a bulk write's claims are new drafts, not yet saved."""
    require_perm(by, ADD)
    reject_future(published_on, "published_on")
    return Appearance(
        claim=claim,
        outlet=outlet,
        published_on=published_on,
        url=url,
        headline=headline,
        author=author,
        language=language or detect_language(excerpt or headline) or "",
        excerpt=excerpt,
        attributed_source=attributed_source,
        source_document=source_document,
        external_ref=external_ref or None,
        created_by=by,
    )


@transaction.atomic
def appearance_create(*, claim: Claim, by: AbstractBaseUser | None = None, **values: object) -> Appearance:
    """Record that an outlet published the claim (the fields of `appearance_new`)."""
    require_perm(by, ADD)
    claim_rows_guard(claim_id=claim.pk)
    appearance = appearance_new(claim=claim, by=by, **values)
    save_validated(appearance, by=by)
    claims_rescore(claim_ids=[claim.pk])
    return appearance


def check_date_order(appearance: Appearance, published_on: date | None) -> None:
    """A new date must stay on or after what it cites, and on or before what cites it."""
    if published_on is None:
        return  # A missing date is refused by the model's own validation, with its message.
    current = Citation.objects.current()
    latest_cited = current.filter(citing=appearance).aggregate(d=Max("cited__published_on"))["d"]
    earliest_citing = current.filter(cited=appearance).aggregate(d=Min("citing__published_on"))["d"]
    if latest_cited and published_on < latest_cited:
        raise InvalidInput(
            _("published_on %(day)s is before %(other)s, the date of an appearance it cites.")
            % {"day": published_on, "other": latest_cited},
            field="published_on",
        )
    if earliest_citing and published_on > earliest_citing:
        raise InvalidInput(
            _("published_on %(day)s is after %(other)s, the date of an appearance citing it.")
            % {"day": published_on, "other": earliest_citing},
            field="published_on",
        )


@transaction.atomic
def appearance_update(*, appearance: Appearance, by: AbstractBaseUser | None = None, **changes: object) -> Appearance:
    require_perm(by, CHANGE)
    claim = claim_rows_guard(claim_id=appearance.claim_id, row=appearance, changes=changes)
    if "published_on" in changes:
        reject_future(changes["published_on"], "published_on")
        check_date_order(appearance, changes["published_on"])
    if apply_changes(appearance, changes, EDITABLE):
        save_validated(appearance, by=by)
        claims_rescore(claim_ids=[claim.pk])
    return appearance


@transaction.atomic
def appearance_withdraw(*, appearance: Appearance, reason: str, by: AbstractBaseUser | None = None) -> Appearance:
    """Withdraw the appearance and the citations that touch it, with the same reason."""
    require_perm(by, CHANGE)
    claim_rows_guard(claim_id=appearance.claim_id, row=appearance)
    withdraw(appearance, reason=reason, by=by)
    touching = Citation.objects.current().filter(citing=appearance) | Citation.objects.current().filter(
        cited=appearance
    )
    # The citations' reason quotes the appearance's, which may already be as long as a reason may be.
    said = Truncator(f"Appearance {appearance.pk} withdrawn: {reason.strip()}").chars(CITATION_REASON_LENGTH)
    for citation in touching:
        withdraw(citation, reason=said, by=by)
    claims_rescore(claim_ids=[appearance.claim_id])
    return appearance
