"""Reads the capture of a URL needs: the outlet a URL belongs to, and what a claim already holds."""

from collections.abc import Mapping
from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import QuerySet

from claims.capture.addresses import domain_candidates, normalize_url
from claims.choices import CaptureState, SuggestionState
from claims.models import Appearance, Capture, Claim, Outlet, Snapshot, SuggestedCitation
from claims.models.capture import metadata_value
from claims.roles import User, is_newsroom
from claims.selectors.capture_filters import CaptureFilter
from claims.selectors.outlet_names import AlikeOutlet, outlets_alike


def outlet_for_url(url: str) -> Outlet | None:
    """The outlet whose domain is the URL's host (www., m., amp. aside), else its registered domain.

    Outlet domains are stored as `domain_key` writes them (claims/services/outlets.py), so this is
    plain equality on the indexed column."""
    candidates = domain_candidates(url)
    found: dict[str, Outlet] = {}
    for outlet in Outlet.objects.filter(domain__in=candidates).order_by("id"):
        found.setdefault(outlet.domain, outlet)
    return next((found[domain] for domain in candidates if domain in found), None)


@dataclass(frozen=True)
class HeldAppearance:
    appearance: Appearance
    normalized_url: str
    text: str = ""  # the main text of its latest snapshot, if it was captured
    links: tuple[str, ...] = ()  # the links of that main text
    base: str = ""  # the address the links are relative to: where the snapshot was fetched
    language: str = ""  # the language of that snapshot's page


def held_appearances(claim: Claim, *, besides: int | None = None) -> list[HeldAppearance]:
    """The claim's current appearances with their addresses normalised and their captured text
    and links (two queries)."""
    appearances = list(Appearance.objects.current().filter(claim=claim).exclude(pk=besides).select_related("outlet"))
    captured: dict[int, tuple[str, tuple[str, ...], str, str]] = {}
    snapshots = Snapshot.objects.filter(appearance__in=appearances).order_by("appearance_id", "fetched_at", "id")
    for appearance_id, text, metadata, base, language in snapshots.values_list(
        "appearance_id", "main_text", "metadata", "final_url", "language"
    ):
        links = tuple(metadata_value(metadata, "links") or ())
        captured[appearance_id] = (text, links, base, language)  # the latest wins
    return [
        HeldAppearance(a, normalize_url(a.url) if a.url else "", *captured.get(a.pk, ("", (), "", "")))
        for a in appearances
    ]


def claim_suggestions(claim: Claim, *, user: User | None) -> QuerySet:
    """The citations suggested for the claim and not yet decided; editorial work, for the newsroom only."""
    if not is_newsroom(user):
        return SuggestedCitation.objects.none()
    return (
        SuggestedCitation.objects.filter(claim=claim, state=SuggestionState.SUGGESTED)
        .select_related("citing__outlet", "cited__outlet")
        .order_by("-score", "id")
    )


def appearance_snapshots(claim: Claim, *, user: User | None) -> dict[int, Snapshot]:
    """Each appearance's latest snapshot among those the user may see (one query)."""
    latest: dict[int, Snapshot] = {}
    visible = Snapshot.objects.visible_to(user).filter(appearance__claim=claim)
    shown = visible.only("id", "appearance_id", "fetched_at", "sha256")
    for snapshot in shown.order_by("fetched_at", "id"):
        latest[snapshot.appearance_id] = snapshot
    return latest


def capture_alike_outlets(capture: Capture) -> list[AlikeOutlet]:
    """While a capture needs an outlet: those we hold whose name or domain is like the one proposed."""
    if capture.state != CaptureState.NEEDS_OUTLET:
        return []
    proposed = capture.proposed_outlet or {}
    return outlets_alike(name=str(proposed.get("name") or ""), domain=str(proposed.get("domain") or ""))


def captures_visible_to(user: User | None) -> QuerySet:
    """The captures the user may see (Capture.objects.visible_to), with what their pages show."""
    return (
        Capture.objects.visible_to(user)
        .select_related("job__created_by", "snapshot", "outlet", "claim", "appearance__outlet")
        .order_by("id")
    )


def capture_filterset(*, user: User | None, filters: Mapping) -> CaptureFilter:
    """The user's captures (everyone's for those who oversee all work), newest first, filtered as
    the API filters them: the form and the rows of the captures page (one query for the rows)."""
    rows = captures_visible_to(user).defer("snapshot__main_text").order_by("-id")
    return CaptureFilter(data=filters, queryset=rows, request=SimpleNamespace(user=user))


def suggestions_visible_to(user: User | None) -> QuerySet:
    return SuggestedCitation.objects.all() if is_newsroom(user) else SuggestedCitation.objects.none()
