"""Suggested citations (SPEC §13): what a captured page says it took from, for a person to decide.

`suggest_citations` runs when a capture records an appearance: (1) a link in the page's main
text to the address of an appearance the claim holds suggests a `cited` edge; (2) passages of
its text found in the captured text of another appearance suggest `republished` or
`paraphrased` (claims/capture/reuse.py); (3) passages that say, in another language, what the
captured passages of another appearance say suggest `translated` (claims/capture/translation.py).
The later appearance is the citing one, as a citation must be. Nothing becomes a citation until
a person accepts it, through `citation_create` and all its checks; a dismissed suggestion is not
made again.
"""

from urllib.parse import urljoin

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from claims.capture.addresses import normalize_url
from claims.capture.reuse import text_reuse
from claims.capture.translation import Embedded, translation
from claims.choices import CitationKind, SuggestionState
from claims.errors import NotAllowed
from claims.models import Appearance, Capture, Citation, SuggestedCitation
from claims.selectors.captures import HeldAppearance, held_appearances
from claims.services import citations as citation_services
from claims.services.citations import citation_create
from claims.services.persistence import require_perm

PASSAGE_SHOWN = 400  # characters of each copied passage, on each side, kept with a suggestion


def _links_to(base: str, links: list[str]) -> dict[str, str]:
    """Each link's normalised address, and the link as written."""
    found = {}
    for href in links:
        try:
            found.setdefault(normalize_url(urljoin(base, href)), href)
        except ValueError:
            continue
    return found


def _later_and_earlier(new: Appearance, held: Appearance) -> tuple[Appearance, Appearance] | None:
    if new.published_on > held.published_on:
        return new, held
    if new.published_on < held.published_on:
        return held, new
    return None  # the same day: which took from which is the person's call, through the share shown


def suggest_citations(
    *, capture: Capture, appearance: Appearance, links: list[str], text: str, language: str = ""
) -> list:
    """Record the suggestions a captured page makes for its appearance; returns them."""
    held = held_appearances(appearance.claim, besides=appearance.pk)
    taken = _pairs_taken(appearance)
    suggestions = []

    def add(citing: Appearance, cited: Appearance, kind: str, score: float, evidence: dict) -> None:
        if (citing.pk, cited.pk) in taken or (cited.pk, citing.pk) in taken:
            return
        taken.add((citing.pk, cited.pk))
        suggestions.append(
            SuggestedCitation(
                claim=appearance.claim, citing=citing, cited=cited, kind=kind, score=score, evidence=evidence,
                capture=capture,
            )
        )  # fmt: skip

    linked = _links_to(capture.snapshot.final_url if capture.snapshot else capture.url, links)
    address = normalize_url(appearance.url) if appearance.url else ""
    for other in held:
        # This page links to one we hold…
        if (
            other.normalized_url
            and other.normalized_url in linked
            and other.appearance.published_on <= appearance.published_on
        ):
            add(appearance, other.appearance, CitationKind.CITED, 1.0, {"link": linked[other.normalized_url]})
        # …or one captured before it links to this page: the order of the captures does not matter.
        back = _links_to(other.base, list(other.links)) if address and other.links else {}
        if address in back and appearance.published_on <= other.appearance.published_on:
            add(other.appearance, appearance, CitationKind.CITED, 1.0, {"link": back[address]})
    for other in held:
        _suggest_reuse(appearance, text, other, add)
    _suggest_translations(appearance, text, language, held, add)
    SuggestedCitation.objects.bulk_create(suggestions)
    return suggestions


def _suggest_reuse(appearance: Appearance, text: str, other: HeldAppearance, add: object) -> None:
    if not (text and other.text):
        return
    order = _later_and_earlier(appearance, other.appearance)
    if order is None:
        ours, theirs = text_reuse(text, other.text), text_reuse(other.text, text)
        best = max([r for r in (ours, theirs) if r], key=lambda r: r.share, default=None)
        if best is None:
            return
        order = (appearance, other.appearance) if best is ours else (other.appearance, appearance)
        reuse = best
    else:
        later_text, earlier_text = (text, other.text) if order[0] is appearance else (other.text, text)
        reuse = text_reuse(later_text, earlier_text)
        if reuse is None:
            return
    passages = [{side: _shown(words) for side, words in p.as_json().items()} for p in reuse.passages]
    add(order[0], order[1], reuse.kind, reuse.share, {"share": reuse.share, "passages": passages})


def _suggest_translations(
    appearance: Appearance, text: str, language: str, held: list[HeldAppearance], add: object
) -> None:
    """Pages captured before in another language whose passages this page's say again."""
    others = [h for h in held if h.text and h.language and language and h.language != language]
    if not (text and others):
        return
    ours = Embedded.of(text)
    for other in others:
        theirs = Embedded.of(other.text)
        # The same day, the page captured now is taken to render the one captured before.
        later, earlier = _later_and_earlier(appearance, other.appearance) or (appearance, other.appearance)
        found = translation(ours, theirs) if later is appearance else translation(theirs, ours)
        if found is None:
            continue
        passages = [{side: _shown(words) for side, words in p.as_json().items()} for p in found.passages]
        languages = {"citing": language, "cited": other.language}
        if later is not appearance:
            languages = {"citing": other.language, "cited": language}
        evidence = {"share": found.share, "similarity": found.similarity, "languages": languages, "passages": passages}
        add(later, earlier, CitationKind.TRANSLATED, found.share, evidence)


def _shown(words: str) -> str:
    return words if len(words) <= PASSAGE_SHOWN else words[: PASSAGE_SHOWN - 1].rstrip() + "…"


def _pairs_taken(appearance: Appearance) -> set[tuple[int, int]]:
    """Pairs already linked by a current citation, or suggested before (whatever was decided)."""
    touching = Q(citing=appearance) | Q(cited=appearance)
    pairs = set(Citation.objects.current().filter(touching).values_list("citing_id", "cited_id"))
    pairs |= set(SuggestedCitation.objects.filter(touching).values_list("citing_id", "cited_id"))
    return pairs


def _decide(suggestion: SuggestedCitation, state: str, by: AbstractBaseUser | None) -> None:
    if suggestion.state != SuggestionState.SUGGESTED:
        raise NotAllowed(
            _("This suggestion was %(state)s already.") % {"state": suggestion.get_state_display().lower()}
        )
    suggestion.state, suggestion.decided_by, suggestion.decided_at = state, by, timezone.now()


def _why(suggestion: SuggestedCitation) -> str:
    evidence, share = suggestion.evidence, round(100 * suggestion.evidence.get("share", suggestion.score))
    if "link" in evidence:
        return f"the page links to {evidence['link']}"
    if suggestion.kind == CitationKind.TRANSLATED:
        return f"{share}% of its passages say, in another language, what the other's say"
    return f"{share}% of its text is found in the other"


@transaction.atomic
def suggestion_accept(*, suggestion: SuggestedCitation, by: AbstractBaseUser | None) -> SuggestedCitation:
    """Make the suggested citation, with every check `citation_create` makes."""
    suggestion = SuggestedCitation.objects.select_for_update().get(pk=suggestion.pk)
    _decide(suggestion, SuggestionState.ACCEPTED, by)
    note = "Suggested by a capture: " + _why(suggestion)
    suggestion.citation = citation_create(
        citing=suggestion.citing, cited=suggestion.cited, kind=suggestion.kind, note=note, by=by
    )
    suggestion.save(update_fields=["state", "decided_by", "decided_at", "citation"])
    return suggestion


@transaction.atomic
def suggestion_dismiss(*, suggestion: SuggestedCitation, by: AbstractBaseUser | None) -> SuggestedCitation:
    require_perm(by, citation_services.ADD)
    suggestion = SuggestedCitation.objects.select_for_update().get(pk=suggestion.pk)
    _decide(suggestion, SuggestionState.DISMISSED, by)
    suggestion.save(update_fields=["state", "decided_by", "decided_at"])
    return suggestion
