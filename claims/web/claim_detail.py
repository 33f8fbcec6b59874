"""The claim page: the claim as recorded now, or as it stood on an "as of" date (SPEC §6.7).

`claim_page` builds the whole page; the edit views in claim_actions.py call it
too, to show a refused form in place with the service's message.
"""

from dataclasses import dataclass
from datetime import date

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.translation import get_language_bidi

from claims.choices import CitationKind, ResponsibilityStatus
from claims.locale_digits import locale_digits
from claims.models import Appearance, Claim, Snapshot
from claims.roles import is_newsroom
from claims.scoring.confidence import RESPONSIBILITY, Score
from claims.selectors.captures import appearance_snapshots, claim_suggestions
from claims.selectors.chains import Chain, claim_chain
from claims.selectors.claims import claim_queryset, claim_score_as_of, survivor_of
from claims.selectors.history import claim_history
from claims.selectors.pages import claim_appearances, claim_evidence
from claims.selectors.pending import pending_reasons
from claims.selectors.similar import duplicates_in_other_languages
from claims.services.abilities import ClaimActions, claim_actions_for
from claims.services.workflow import Step
from claims.web.capture_forms import CaptureForm
from claims.web.forms import AppearanceForm, AsOfForm, CitationForm, EvidenceForm, ServiceForm, TransitionForm
from claims.web.graph import chain_layout
from claims.web.graph_mirror import mirrored
from claims.web.rendering import render_page
from claims.web.wording import CREDIBILITY_WORDS, reliability_words


@dataclass(frozen=True)
class Assessment:
    """Confidence and status as shown: the stored values, or recomputed as of a date."""

    status: str
    confidence: int
    confidence_label: str
    credibility: int
    admiralty_code: str
    confidence_factors: list[dict]
    independent_origin_count: int

    @classmethod
    def of(cls, claim: Claim, score: Score | None) -> "Assessment":
        source = score or claim
        return cls(
            status=source.status,
            confidence=source.confidence,
            confidence_label=source.confidence_label,
            credibility=source.credibility,
            admiralty_code=source.admiralty_code,
            confidence_factors=source.confidence_factors,
            independent_origin_count=source.independent_origin_count,
        )

    @property
    def status_label(self) -> str:
        return ResponsibilityStatus(self.status).label

    @property
    def status_detail(self) -> str:
        """The scorer's own sentence about the latest evidence, e.g. "Confirmed: X confirmed it on …"."""
        return next((f["detail"] for f in self.confidence_factors if f["factor"] == RESPONSIBILITY), "")

    @property
    def reliability_words(self) -> str:
        return reliability_words(self.admiralty_code[:1])

    @property
    def credibility_words(self) -> str:
        return CREDIBILITY_WORDS.get(self.credibility, "")


@dataclass(frozen=True)
class Source:
    kind: str
    cited: int
    label: str

    @property
    def kind_label(self) -> str:
        """How it was taken, in the reader's language."""
        return str(CitationKind(self.kind).label).lower() if self.kind in CitationKind.values else self.kind


@dataclass(frozen=True)
class AppearanceRow:
    appearance: Appearance
    draws_on: list[Source]
    snapshot: Snapshot | None = None


def appearance_rows(
    appearances: list[Appearance], chain: Chain, snapshots: dict[int, Snapshot] | None = None
) -> list[AppearanceRow]:
    """Each appearance with what it took the claim from, as the chain (and its as-of date) has it,
    and its latest snapshot when the newsroom is looking."""
    names = {node.id: f"{node.outlet_name}, {locale_digits(f'{node.published_on:%Y-%m-%d}')}" for node in chain.nodes}
    drawn: dict[int, list[Source]] = {}
    for edge in chain.edges:
        drawn.setdefault(edge.citing, []).append(Source(edge.kind, edge.cited, names[edge.cited]))
    snapshots = snapshots or {}
    return [AppearanceRow(a, drawn.get(a.pk, []), snapshots.get(a.pk)) for a in appearances]


def edit_forms(claim: Claim, actions: ClaimActions, bound: dict[str, ServiceForm]) -> dict[str, ServiceForm]:
    """A form for each row the user may add now; a refused one is shown to whoever sent it, so the
    service's message is seen."""
    forms = {"capture": CaptureForm, "appearance": AppearanceForm, "citation": CitationForm, "evidence": EvidenceForm}
    # A capture records an appearance: offered to whoever may add one.
    needs = {"capture": "appearance"}
    return {
        name: bound.get(name) or form_class(claim=claim)
        for name, form_class in forms.items()
        if actions.adds[needs.get(name, name)] or name in bound
    }


def review_forms(claim: Claim, steps: list[Step], bound: TransitionForm | None) -> list[TransitionForm]:
    """One form per step this user may take now; a refused one is shown bound, with its error."""
    forms = {step.name: TransitionForm(claim=claim, step=step) for step in steps}
    if bound is not None:
        forms[bound.step_obj.name if bound.step_obj else ""] = bound
    return list(forms.values())


def claim_page(
    request: HttpRequest,
    claim: Claim,
    *,
    as_of_form: AsOfForm | None = None,
    bound: dict[str, ServiceForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    bound = bound or {}
    as_of_form = as_of_form or AsOfForm()
    as_of: date | None = as_of_form.cleaned_data.get("as_of") if as_of_form.is_bound and as_of_form.is_valid() else None
    chain = claim_chain(claim, as_of=as_of)
    user = request.user
    actions = claim_actions_for(user, claim)
    context = {
        "claim": claim,
        "as_of": as_of,
        "as_of_form": as_of_form,
        "assessment": Assessment.of(claim, claim_score_as_of(claim, as_of) if as_of else None),
        "evidence": list(claim_evidence(claim, user=user, as_of=as_of)),
        "appearances": appearance_rows(
            list(claim_appearances(claim, user=user, as_of=as_of)), chain, appearance_snapshots(claim, user=user)
        ),
        # Decisions about the record as it is now: not offered while looking at the past.
        "suggestions": list(claim_suggestions(claim, user=user)) if as_of is None else [],
        "duplicates": duplicates_in_other_languages(claim=claim, user=user) if as_of is None else [],
        "may_decide_suggestions": actions.adds["citation"],
        "chain": chain,
        "graph": mirrored(chain_layout(chain)) if get_language_bidi() else chain_layout(chain),
        "history": claim_history(claim),
        # Shown for now only: an "as of" page is computed afresh, from the rows as they are.
        "pending_reasons": pending_reasons(claim) if as_of is None else [],
        "is_newsroom": is_newsroom(user),
        # Forms edit the record as it is now, so they are not offered while looking at the past.
        "edit_forms": edit_forms(claim, actions, bound) if as_of is None else {},
        "review_forms": review_forms(claim, actions.steps, bound.get("review")) if as_of is None else [],
    }
    if as_of_form.is_bound and not as_of_form.is_valid():
        status = 400
    return render_page(request, "web/claim_detail.html", context, status=status)


def claim_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    claim = claim_queryset(request.user).select_related("created_by", "meaning").filter(pk=pk).first()
    if claim is None:
        survivor = survivor_of(user=request.user, claim_id=pk)
        if survivor is None:
            raise Http404("No such claim.")
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(
            reverse("web:claim-detail", args=[survivor.pk]) + (f"?{query}" if query else "")
        )
    as_of_form = AsOfForm(request.GET) if request.GET.get("as_of") else None
    return claim_page(request, claim, as_of_form=as_of_form)
