"""Small builders for test data. They go through the services, as every write does."""

import gzip
import hashlib
import itertools
from datetime import date

from claims.choices import JobKind
from claims.models import (
    Actor,
    ActorAffiliation,
    Appearance,
    Capture,
    Citation,
    Claim,
    Event,
    Job,
    Outlet,
    Snapshot,
    StatusEvidence,
    SuggestedCitation,
)
from claims.services.actor_affiliations import actor_affiliation_create
from claims.services.actors import actor_create
from claims.services.affiliations import affiliation_create
from claims.services.appearances import appearance_create
from claims.services.citations import citation_create
from claims.services.claims import claim_create
from claims.services.events import event_create
from claims.services.evidence import evidence_create
from claims.services.outlets import outlet_create

_seq = itertools.count(1)


def make_outlet(name: str | None = None, **fields) -> Outlet:
    return outlet_create(name=name or f"Outlet {next(_seq)}", **fields)


def make_actor(name: str | None = None, **fields) -> Actor:
    return actor_create(name=name or f"Actor {next(_seq)}", **fields)


def make_event(title: str | None = None, **fields) -> Event:
    fields.setdefault("date", date(2021, 10, 20))
    return event_create(title=title or f"Event {next(_seq)}", **fields)


def make_claim(text: str | None = None, **fields) -> Claim:
    return claim_create(text=text or f"Claim number {next(_seq)}", **fields)


def make_appearance(claim: Claim | None = None, outlet: Outlet | None = None, **fields) -> Appearance:
    fields.setdefault("published_on", date(2021, 10, 21))
    return appearance_create(claim=claim or make_claim(), outlet=outlet or make_outlet(), **fields)


def make_citation(citing: Appearance, cited: Appearance, **fields) -> Citation:
    return citation_create(citing=citing, cited=cited, **fields)


def make_affiliation(outlet: Outlet, actor: Actor, **fields):
    fields.setdefault("relation", "affiliated_with")
    fields.setdefault("stated_by_url", "https://example.org/who-says-so")
    return affiliation_create(outlet=outlet, actor=actor, **fields)


def make_actor_affiliation(actor: Actor, body: Actor, **fields) -> ActorAffiliation:
    fields.setdefault("relation", "speaks_for")
    fields.setdefault("stated_by_url", "https://example.org/who-says-so")
    return actor_affiliation_create(actor=actor, body=body, **fields)


def make_evidence(claim: Claim, **fields) -> StatusEvidence:
    fields.setdefault("stance", "confirms")
    fields.setdefault("date", date(2021, 10, 25))
    fields.setdefault("url", "https://example.org/statement")
    return evidence_create(claim=claim, **fields)


def bulk_appearances(
    claim: Claim, count: int, *, outlet: Outlet | None = None, published_on: date = date(2021, 10, 21)
) -> list[Appearance]:
    """Many appearances of one claim in one INSERT, for graphs of thousands.

    This bypasses the services (no checks, no history, no rescoring), so the
    caller builds only graphs the services would accept.
    """
    outlet = outlet or make_outlet()
    rows = [Appearance(claim=claim, outlet=outlet, published_on=published_on) for _ in range(count)]
    return Appearance.objects.bulk_create(rows, batch_size=500)


def bulk_citations(claim: Claim, edges: list[tuple[Appearance, Appearance]], *, kind: str = "cited") -> list[Citation]:
    """Many (citing, cited) citations in one INSERT; like bulk_appearances, it checks nothing."""
    rows = [Citation(claim=claim, citing=citing, cited=cited, kind=kind) for citing, cited in edges]
    return Citation.objects.bulk_create(rows, batch_size=500)


def make_capture(*, by=None, claim: Claim | None = None, state: str = "needs_outlet", url: str = "") -> Capture:
    """A capture as the capture job leaves it, without the fetch (tests/capture fetch for real)."""
    url = url or f"https://outlet-{next(_seq)}.example/story"
    job = Job.objects.create(kind=JobKind.CAPTURE, description=f"Capture of {url}", created_by=by, state="done")
    proposed = {"name": "Example", "domain": url.split("/")[2], "url": url, "kind": "website", "language": ""}
    snapshot = make_snapshot(url=url)
    snapshot.metadata = {
        "headline": {"value": "A story", "source": "json-ld"},
        "published_on": {"value": "2021-10-28", "source": "json-ld"},
    }
    snapshot.save(update_fields=["metadata"])
    return Capture.objects.create(
        job=job, claim=claim, url=url, normalized_url=url, state=state, proposed_outlet=proposed, snapshot=snapshot
    )


def make_suggestion(citing: Appearance, cited: Appearance, *, kind: str = "cited") -> SuggestedCitation:
    return SuggestedCitation.objects.create(
        claim=citing.claim, citing=citing, cited=cited, kind=kind, score=1.0, evidence={"link": cited.url or "x"}
    )


def make_snapshot(appearance: Appearance | None = None, *, body: bytes = b"<html></html>", url: str = "") -> Snapshot:
    """A snapshot row and its file, as a capture keeps them (the WARC itself is the capture's business)."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    url = url or (appearance.url if appearance else "") or f"https://outlet-{next(_seq)}.example/story"
    snapshot = Snapshot(
        url=url, final_url=url, normalized_url=url, status=200, content_type="text/html", size=len(body),
        sha256=hashlib.sha256(body).hexdigest(), fetched_at=timezone.now(), appearance=appearance,
    )  # fmt: skip
    snapshot.warc.save(f"snapshots/test-{next(_seq)}.warc.gz", ContentFile(gzip.compress(body)), save=False)
    snapshot.save()
    return snapshot


def make_dependence(first: Outlet, second: Outlet, *, score: float, shared: int = 10, denied: int = 0, **fields):
    """A learned pair as a run of the job leaves it (second copies first, a day later), without
    running it; the job itself is tested in tests/dependence/."""
    from claims.dependence.evidence import pair_evidence
    from claims.dependence.model import FIRST_EARLIER, PairCounts, SharedKind, Verdict
    from claims.models import OutletDependence

    counts = PairCounts()
    for n in range(shared):
        counts.add(SharedKind(2, n < denied, FIRST_EARLIER), 1)
    low, high = sorted([first, second], key=lambda outlet: outlet.pk)
    copies_second = 0.99 if high == second else 0.01
    evidence = pair_evidence(
        counts if high == second else counts.flipped(), Verdict(score, copies_second),
        first_claims=shared * 2, second_claims=shared * 2, cited_claims=0, patrons=[],
    )  # fmt: skip
    return OutletDependence.objects.create(
        first=low, second=high, shared_kinds=counts.as_rows(), shared_claims=shared, shared_denied=denied,
        score=score, second_copies_first=copies_second, evidence=evidence, **fields,
    )  # fmt: skip
