"""Reads the capture of a URL needs: the outlet a URL belongs to, and what a claim already holds."""

from dataclasses import dataclass

from django.db.models import QuerySet

from claims.capture.addresses import domain_candidates, normalize_url
from claims.choices import SuggestionState
from claims.models import Appearance, Capture, Claim, Outlet, Snapshot, SuggestedCitation
from claims.roles import User, is_newsroom


def outlet_for_url(url: str) -> Outlet | None:
    """The outlet whose domain is the URL's host (www., m., amp. aside), else its registered domain."""
    candidates = domain_candidates(url)
    spellings = {variant for domain in candidates for variant in (domain, f"www.{domain}")}
    found: dict[str, Outlet] = {}
    for outlet in Outlet.objects.filter(domain__in=spellings).order_by("id"):
        found.setdefault(outlet.domain.lower().removeprefix("www."), outlet)
    return next((found[domain] for domain in candidates if domain in found), None)


@dataclass(frozen=True)
class HeldAppearance:
    appearance: Appearance
    normalized_url: str
    text: str = ""  # the main text of its latest snapshot, if it was captured
    links: tuple[str, ...] = ()  # the links of that main text
    base: str = ""  # the address the links are relative to: where the snapshot was fetched


def held_appearances(claim: Claim, *, besides: int | None = None) -> list[HeldAppearance]:
    """The claim's current appearances with their addresses normalised and their captured text
    and links (two queries)."""
    appearances = list(Appearance.objects.current().filter(claim=claim).exclude(pk=besides).select_related("outlet"))
    captured: dict[int, tuple[str, tuple[str, ...], str]] = {}
    snapshots = Snapshot.objects.filter(appearance__in=appearances).order_by("appearance_id", "fetched_at", "id")
    for appearance_id, text, metadata, base in snapshots.values_list(
        "appearance_id", "main_text", "metadata", "final_url"
    ):
        links = tuple((metadata.get("links") or {}).get("value") or ())
        captured[appearance_id] = (text, links, base)  # the latest wins
    return [
        HeldAppearance(a, normalize_url(a.url) if a.url else "", *captured.get(a.pk, ("", (), ""))) for a in appearances
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


def captures_visible_to(user: User | None) -> QuerySet:
    """The captures the user may see (Capture.objects.visible_to), with what their pages show."""
    return (
        Capture.objects.visible_to(user)
        .select_related("job__created_by", "snapshot", "outlet", "claim", "appearance__outlet")
        .order_by("id")
    )


def suggestions_visible_to(user: User | None) -> QuerySet:
    return SuggestedCitation.objects.all() if is_newsroom(user) else SuggestedCitation.objects.none()
