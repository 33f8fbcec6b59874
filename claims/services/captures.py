"""Capture from a URL (SPEC §13): an editor gives a link, a job fetches it and records the appearance.

`capture_request` checks the URL (the outbound guard's rules, claims/outbound.py) and the claim,
and asks for a job; `capture_run` (a task) fetches the page, keeps it as a WARC snapshot, reads
its metadata, matches its outlet by domain and, when it has an outlet and a claim, records the
appearance through `appearance_create` (or fills the one the claim holds for that article) and
the citations the page suggests. When no outlet has the page's domain, the capture waits for an
editor to confirm one (`capture_choose_outlet`, a new outlet prefilled from the page, or an
existing one); a capture made from the new-claim form waits for its claim (`capture_attach_claim`).

Every refusal ends the job with a reason a person can act on, and leaves nothing half-written:
the appearance and its suggestions are written in one transaction, after the snapshot, which
is kept as evidence of what was fetched.
"""

import uuid
from datetime import date
from urllib.parse import urlsplit

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from trafilatura.utils import decode_file

from claims.capture.addresses import normalize_url, registered_domain
from claims.capture.metadata import PageMetadata, read_page
from claims.capture.snapshots import body_sha256, warc_record
from claims.choices import CaptureState, JobKind, OutletKind
from claims.errors import DomainError, InvalidInput, NotAllowed
from claims.models import Capture, Claim, Outlet, Snapshot
from claims.models.fields import max_length_of
from claims.outbound import Fetched, OutboundRefused, check_url, fetch, resolve
from claims.selectors.captures import held_appearances, outlet_for_url
from claims.services import appearances as appearance_services
from claims.services.appearances import appearance_create, appearance_update
from claims.services.claim_rows import claim_rows_guard
from claims.services.jobs import enqueue, job_create, job_fail, job_finish, job_held
from claims.services.outlets import outlet_create
from claims.services.persistence import require_perm
from claims.services.suggestions import suggest_citations

RUN = "claims.run_capture"
HTML_TYPES = {"text/html", "application/xhtml+xml"}
EXCERPT_WORDS = 60


class CaptureFailed(Exception):
    """The capture cannot succeed by trying again: the reason, for a person to act on."""


class PageUnavailable(Exception):
    """The site failed (a 5xx, a timeout): worth trying again later."""


def capture_request(*, url: str, claim: Claim | None = None, by: AbstractBaseUser | None) -> Capture:
    """Ask for a URL to be captured, for a claim (or for a claim to be recorded from it)."""
    require_perm(by, appearance_services.ADD)
    host, port = check_url(url)
    resolve(host, port)  # refused at once when the host is not one this server reaches
    with transaction.atomic():  # after the lookup: no lock is held while a name server answers
        if claim is not None:  # a retracted claim is refused now, not after the fetch
            claim_rows_guard(claim_id=claim.pk)
        job = job_create(kind=JobKind.CAPTURE, description=f"Capture of {url.strip()}", by=by)
        capture = Capture.objects.create(job=job, claim=claim, url=url.strip(), normalized_url=normalize_url(url))
        enqueue(RUN, job.pk)
    return capture


def capture_requeued(*, job_id: int) -> None:
    """A failed capture asked for again: it says it is being fetched, not why it failed before."""
    Capture.objects.filter(job_id=job_id, state=CaptureState.FAILED).update(state=CaptureState.QUEUED, message="")


def _snapshot(capture: Capture, fetched: Fetched, by: AbstractBaseUser | None) -> Snapshot:
    now = timezone.now()
    normalized = normalize_url(fetched.url)
    previous = Snapshot.objects.filter(normalized_url=normalized).order_by("-fetched_at", "-id").first()
    sha = body_sha256(fetched.body)
    snapshot = Snapshot(
        url=capture.url, final_url=fetched.url[: max_length_of(Snapshot._meta.get_field("final_url"))],
        normalized_url=normalized, status=fetched.status, content_type=fetched.content_type[:200],
        size=len(fetched.body), sha256=sha, fetched_at=now, previous=previous,
        content_changed=None if previous is None else previous.sha256 != sha, captured_by=by,
    )  # fmt: skip
    name = f"snapshots/{now:%Y/%m}/{uuid.uuid4().hex}.warc.gz"
    snapshot.warc.save(name, ContentFile(warc_record(fetched, fetched_at=now)), save=False)
    snapshot.save()
    return snapshot


def _fetch(capture: Capture) -> Fetched:
    try:
        fetched = fetch(capture.url)
    except OutboundRefused as refused:
        if "did not" in refused.message or "could not be reached" in refused.message:
            raise PageUnavailable(refused.message) from refused
        raise CaptureFailed(refused.message) from refused
    if fetched.status >= 500:
        raise PageUnavailable(f"The site answered {fetched.status} (a server error).")
    if not 200 <= fetched.status < 300:
        raise CaptureFailed(f"The page answered {fetched.status}: check the address, or try the page's own link.")
    return fetched


def _proposed_outlet(metadata: PageMetadata, url: str) -> dict:
    """A new outlet as the page describes its publisher, for an editor to confirm."""
    parts = urlsplit(url)
    domain = registered_domain(parts.hostname or "")
    name = str(metadata.value("publisher") or metadata.value("site_name") or domain)
    return {
        "name": name[:200],
        "domain": domain,
        "url": f"{parts.scheme}://{parts.hostname}/",
        "language": str(metadata.value("language") or "")[:35],
        "kind": OutletKind.WEBSITE,
    }


def capture_run(*, job_id: int) -> None:
    """Fetch, keep, read and record (a task); CaptureFailed and PageUnavailable end or retry it."""
    with job_held(job_id=job_id) as job:
        if job is None:
            return
        capture = Capture.objects.select_related("claim", "job__created_by").get(job=job)
        by = job.created_by
        fetched = _fetch(capture)
        capture.snapshot = _snapshot(capture, fetched, by)
        capture.save(update_fields=["snapshot"])
        if fetched.content_type not in HTML_TYPES:
            raise CaptureFailed(
                f"This is not an HTML page ({fetched.content_type or 'no content type'}): its snapshot is kept, "
                "but nothing was read from it. Add the appearance by hand."
            )
        html = decode_file(fetched.body)
        metadata = read_page(html, fetched.url)
        snapshot = capture.snapshot
        snapshot.metadata, snapshot.main_text = metadata.as_json(), metadata.main_text
        snapshot.save(update_fields=["metadata", "main_text"])
        capture.outlet = outlet_for_url(fetched.url)
        if capture.outlet is None:
            capture.proposed_outlet = _proposed_outlet(metadata, fetched.url)
        _go_on(capture, by)


def _go_on(capture: Capture, by: AbstractBaseUser | None) -> None:
    """Record the appearance if the capture has what it needs, else say what it waits for."""
    if capture.outlet is None:
        capture.state = CaptureState.NEEDS_OUTLET
        capture.message = "No outlet has this page's domain: confirm the one proposed, or choose one."
    elif capture.claim is None:
        capture.state = CaptureState.NEEDS_CLAIM
        capture.message = "Read: record the claim this page reports, and the appearance is added to it."
    else:
        _record(capture, by)
    capture.save()
    job_finish(job_id=capture.job_id, result=_result(capture))


def _result(capture: Capture) -> dict:
    return {
        "capture": capture.pk,
        "state": capture.state,
        "snapshot": capture.snapshot_id,
        "outlet": capture.outlet_id,
        "appearance": capture.appearance_id,
        "suggestions": capture.suggestions.count(),
    }


def _excerpt(metadata: dict, text: str) -> str:
    description = (metadata.get("description") or {}).get("value") or ""
    if description:
        return description
    # The main text opens with the article's own headings (marked "#"): the excerpt is its prose.
    prose = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    words = " ".join(prose).split()
    return " ".join(words[:EXCERPT_WORDS]) + ("…" if len(words) > EXCERPT_WORDS else "")


def _published_on(metadata: dict) -> date:
    found = (metadata.get("published_on") or {}).get("value")
    if not found:
        raise CaptureFailed("The page gives no publication date: add the appearance by hand, with its date.")
    return date.fromisoformat(found)


def _record(capture: Capture, by: AbstractBaseUser | None) -> None:
    """The appearance (created, or the claim's one for this article filled in) and its suggestions,
    in one transaction; a refusal of the services ends the capture with their message."""
    snapshot, claim = capture.snapshot, capture.claim
    metadata = snapshot.metadata
    value = lambda name: (metadata.get(name) or {}).get("value") or ""  # noqa: E731
    try:
        with transaction.atomic():
            existing = next(
                (h.appearance for h in held_appearances(claim) if h.normalized_url == snapshot.normalized_url), None
            )
            fields = {
                "headline": str(value("headline"))[:500],
                "language": str(value("language"))[:35],
                "excerpt": _excerpt(metadata, snapshot.main_text)[:4000],
            }
            if existing is None:
                appearance = appearance_create(
                    claim=claim, outlet=capture.outlet, published_on=_published_on(metadata),
                    url=snapshot.normalized_url, by=by, **fields,
                )  # fmt: skip
            else:
                blanks = {name: v for name, v in fields.items() if v and not getattr(existing, name)}
                appearance = appearance_update(appearance=existing, by=by, **blanks) if blanks else existing
            Snapshot.objects.filter(pk=snapshot.pk).update(appearance=appearance)
            capture.appearance, capture.appearance_created = appearance, existing is None
            capture.state, capture.message = CaptureState.RECORDED, ""
            capture.save()
            links = [href for href in (metadata.get("links") or {}).get("value") or []]
            suggest_citations(capture=capture, appearance=appearance, links=links, text=snapshot.main_text)
    except DomainError as refused:
        raise CaptureFailed(f"The appearance was not recorded: {refused.message}") from refused


def _waiting(capture: Capture, state: str) -> None:
    if capture.state != state:
        raise CaptureStateError(capture)


class CaptureStateError(NotAllowed):
    def __init__(self, capture: Capture) -> None:
        super().__init__(f"This capture does not wait for that (its state: {capture.get_state_display().lower()}).")


@transaction.atomic
def capture_choose_outlet(
    *, capture: Capture, by: AbstractBaseUser | None, outlet: Outlet | None = None, name: str = ""
) -> Capture:
    """The outlet of a capture no outlet's domain matched: an existing one, or the new one the page
    proposes (its name as the editor confirms it); then the capture goes on."""
    capture = Capture.objects.select_for_update(of=("self",)).select_related("claim", "snapshot").get(pk=capture.pk)
    _waiting(capture, CaptureState.NEEDS_OUTLET)
    if outlet is None:
        proposed = {**capture.proposed_outlet, **({"name": name} if name.strip() else {})}
        outlet = outlet_create(by=by, **proposed)
    capture.outlet = outlet
    _continue(capture, by)
    return capture


@transaction.atomic
def capture_attach_claim(*, capture: Capture, claim: Claim, by: AbstractBaseUser | None) -> Capture:
    """The claim a capture made from the new-claim form reports; the appearance is then recorded."""
    require_perm(by, appearance_services.ADD)
    claim_rows_guard(claim_id=claim.pk)
    capture = Capture.objects.select_for_update(of=("self",)).select_related("snapshot").get(pk=capture.pk)
    if capture.state not in (CaptureState.NEEDS_CLAIM, CaptureState.NEEDS_OUTLET) or capture.claim_id:
        raise CaptureStateError(capture)
    capture.claim = claim
    _continue(capture, by)
    return capture


def _continue(capture: Capture, by: AbstractBaseUser | None) -> None:
    """Go on from a person's answer: a refusal is theirs to see (400), and the capture waits still."""
    try:
        _go_on(capture, by)
    except CaptureFailed as failed:
        raise InvalidInput(str(failed)) from failed


def capture_fail(*, job_id: int, reason: str) -> None:
    """The capture cannot go on: the job and the capture say why."""
    Capture.objects.filter(job_id=job_id).exclude(state=CaptureState.RECORDED).update(
        state=CaptureState.FAILED, message=reason
    )
    job_fail(job_id=job_id, reason=reason)
