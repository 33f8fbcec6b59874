"""Capture from a URL (SPEC §13): an editor gives a link, a job fetches it and records the appearance.

`capture_request` checks the URL (the outbound guard's rules, claims/outbound.py) and the claim,
and asks for a job; `capture_run` (a task) goes through the steps (CaptureStep): fetch the page,
keep it as a WARC snapshot, read its metadata, find its outlet by domain and, when it has an
outlet and a claim, record the appearance through `appearance_create` (or fill the one the claim
holds for that article) and the citations the page suggests. The job's `done` counts the steps
behind it. When no outlet has the page's domain the capture waits for an editor to confirm one,
and a capture made from the new-claim form waits for its claim (claims/services/capture_answers.py).

Whether the job is queued, running or failed is the job's to say; the capture holds only what is
its own (waiting for an outlet or a claim, or recorded). A failure says whether trying again may
help (`CaptureFailed.retryable`, from the guard's refusal where it came from there), and the task
decides on that. Nothing is half-written: the appearance and its suggestions are written in one
transaction, after the snapshot, which is kept as evidence of what was fetched.
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
from claims.choices import CaptureState, CaptureStep, JobKind, OutletKind
from claims.errors import DomainError
from claims.language import detect_language, valid_language_code
from claims.models import Capture, Claim, Outlet, Snapshot
from claims.models.fields import max_length_of
from claims.outbound import Fetched, OutboundRefused, check_url, fetch, resolve
from claims.selectors.captures import held_appearances, outlet_for_url
from claims.services import appearances as appearance_services
from claims.services.appearances import appearance_create, appearance_update
from claims.services.claim_rows import claim_rows_guard
from claims.services.jobs import enqueue, job_create, job_finish, job_held, job_progress, job_steps_done
from claims.services.persistence import require_perm
from claims.services.suggestions import suggest_citations
from claims.task_names import RUN_CAPTURE

HTML_TYPES = {"text/html", "application/xhtml+xml"}
EXCERPT_WORDS = 60
STEPS = list(CaptureStep)


class CaptureFailed(Exception):
    """Why the capture cannot go on, for a person to act on; `retryable` when the same fetch may
    succeed later (a timeout, a server error), so the task tries again before giving up."""

    def __init__(self, message: str, *, retryable: bool = False) -> None:
        super().__init__(message)
        self.message, self.retryable = message, retryable


def steps_behind(step: CaptureStep) -> int:
    """The job's `done` once `step` is done."""
    return STEPS.index(step) + 1


def capture_request(
    *,
    url: str,
    claim: Claim | None = None,
    by: AbstractBaseUser | None,
    outlet: Outlet | None = None,
    published_on: date | None = None,
) -> Capture:
    """Ask for a URL to be captured, for a claim (or for a claim to be recorded from it). An inbox
    item names the outlet whose feed announced the page, and the date the feed gave it."""
    require_perm(by, appearance_services.ADD)
    host, port = check_url(url)
    resolve(host, port)  # refused at once when the host is not one this server reaches
    with transaction.atomic():  # after the lookup: no lock is held while a name server answers
        if claim is not None:  # a retracted claim is refused now, not after the fetch
            claim_rows_guard(claim_id=claim.pk)
        job = job_create(kind=JobKind.CAPTURE, description=f"Capture of {url.strip()}", by=by, total=len(STEPS))
        capture = Capture.objects.create(
            job=job, claim=claim, url=url.strip(), normalized_url=normalize_url(url), outlet=outlet,
            published_on=published_on,
        )  # fmt: skip
        enqueue(RUN_CAPTURE, job.pk)
    return capture


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
        raise CaptureFailed(refused.message, retryable=refused.retryable) from refused
    if fetched.status >= 500:
        raise CaptureFailed(f"The site answered {fetched.status} (a server error).", retryable=True)
    if not 200 <= fetched.status < 300:
        raise CaptureFailed(f"The page answered {fetched.status}: check the address, or try the page's own link.")
    return fetched


def proposed_outlet(metadata: PageMetadata, url: str) -> dict:
    """A new outlet as the page describes its publisher, for an editor to confirm: the site's home
    page (its port kept) and its registered domain."""
    parts = urlsplit(url)
    domain = registered_domain(parts.hostname or "")
    name = str(metadata.value("publisher") or metadata.value("site_name") or domain)
    return {
        "name": name[:200],
        "domain": domain,
        "url": f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}/",
        "language": str(metadata.value("language") or "")[:35],
        "kind": OutletKind.WEBSITE,
    }


def page_language(declared: str, main_text: str) -> str:
    """ISO 639-1 of a page: what it declares ("ar-SA" is "ar"), else what its text is written in."""
    primary = declared.strip().lower().replace("_", "-").split("-")[0]
    if valid_language_code(primary):
        return primary
    return detect_language(main_text) or ""


def _read(capture: Capture, fetched: Fetched) -> PageMetadata:
    if fetched.content_type not in HTML_TYPES:
        raise CaptureFailed(
            f"This is not an HTML page ({fetched.content_type or 'no content type'}): its snapshot is kept, "
            "but nothing was read from it. Add the appearance by hand."
        )
    metadata = read_page(decode_file(fetched.body), fetched.url)
    snapshot = capture.snapshot
    snapshot.metadata, snapshot.main_text = metadata.as_json(), metadata.main_text
    snapshot.language = page_language(str(metadata.value("language") or ""), metadata.main_text)
    snapshot.save(update_fields=["metadata", "main_text", "language"])
    return metadata


def capture_run(*, job_id: int) -> None:
    """Fetch, keep, read and record (a task); CaptureFailed says why it stopped, and whether to retry."""
    with job_held(job_id=job_id) as job:
        if job is None:
            return
        capture = Capture.objects.select_related("claim", "job__created_by").get(job=job)
        by = job.created_by
        job_progress(job_id=job_id, done=0)  # a capture taken up again starts from its first step
        fetched = _fetch(capture)
        job_progress(job_id=job_id, done=steps_behind(CaptureStep.FETCH))
        capture.snapshot = _snapshot(capture, fetched, by)
        capture.save(update_fields=["snapshot"])
        job_progress(job_id=job_id, done=steps_behind(CaptureStep.KEEP))
        metadata = _read(capture, fetched)
        job_progress(job_id=job_id, done=steps_behind(CaptureStep.READ))
        capture.outlet = capture.outlet or outlet_for_url(fetched.url)  # a feed's outlet is known
        if capture.outlet is None:
            capture.proposed_outlet = proposed_outlet(metadata, fetched.url)
        done = go_on(capture, by)
        job_finish(job_id=job_id, result=capture_result(capture), done=done)


def go_on(capture: Capture, by: AbstractBaseUser | None) -> int:
    """Record the appearance if the capture has what it needs, else say what it waits for; saves
    the capture and returns how many steps are behind it."""
    if capture.outlet is None:
        capture.state, done = CaptureState.NEEDS_OUTLET, steps_behind(CaptureStep.READ)
    elif capture.claim is None:
        capture.state, done = CaptureState.NEEDS_CLAIM, steps_behind(CaptureStep.OUTLET)
    else:
        _record(capture, by)
        done = steps_behind(CaptureStep.RECORD)
    capture.save()
    return done


def answered(capture: Capture, by: AbstractBaseUser | None) -> None:
    """Go on from a person's answer, after the job ended: its steps and result follow."""
    done = go_on(capture, by)
    job_steps_done(job_id=capture.job_id, done=done, result=capture_result(capture))


def capture_result(capture: Capture) -> dict:
    return {
        "capture": capture.pk,
        "state": capture.state,
        "snapshot": capture.snapshot_id,
        "outlet": capture.outlet_id,
        "appearance": capture.appearance_id,
        "suggestions": capture.suggestions.count(),
    }


def _excerpt(snapshot: Snapshot) -> str:
    description = str(snapshot.read("description") or "")
    if description:
        return description
    # The main text opens with the article's own headings (marked "#"): the excerpt is its prose.
    prose = [line for line in snapshot.main_text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    words = " ".join(prose).split()
    return " ".join(words[:EXCERPT_WORDS]) + ("…" if len(words) > EXCERPT_WORDS else "")


def _published_on(snapshot: Snapshot, fallback: date | None = None) -> date:
    found = snapshot.read("published_on") or fallback
    if not found:
        raise CaptureFailed("The page gives no publication date: add the appearance by hand, with its date.")
    return date.fromisoformat(str(found))


def _record(capture: Capture, by: AbstractBaseUser | None) -> None:
    """The appearance (created, or the claim's one for this article filled in) and its suggestions,
    in one transaction; a refusal of the services ends the capture with their message."""
    snapshot, claim = capture.snapshot, capture.claim
    try:
        with transaction.atomic():
            existing = next(
                (h.appearance for h in held_appearances(claim) if h.normalized_url == snapshot.normalized_url), None
            )
            fields = {
                "headline": str(snapshot.read("headline") or "")[:500],
                "author": str(snapshot.read("author") or "")[:300],
                "language": snapshot.language or str(snapshot.read("language") or "")[:35],
                "excerpt": _excerpt(snapshot)[:4000],
            }
            if existing is None:
                appearance = appearance_create(
                    claim=claim, outlet=capture.outlet, published_on=_published_on(snapshot, capture.published_on),
                    url=snapshot.normalized_url, by=by, **fields,
                )  # fmt: skip
            else:
                blanks = {name: v for name, v in fields.items() if v and not getattr(existing, name)}
                appearance = appearance_update(appearance=existing, by=by, **blanks) if blanks else existing
            Snapshot.objects.filter(pk=snapshot.pk).update(appearance=appearance)
            capture.appearance, capture.appearance_created = appearance, existing is None
            capture.state = CaptureState.RECORDED
            capture.save()
            links = [str(href) for href in snapshot.read("links") or []]
            suggest_citations(
                capture=capture, appearance=appearance, links=links, text=snapshot.main_text,
                language=snapshot.language or appearance.language,
            )  # fmt: skip
    except DomainError as refused:
        raise CaptureFailed(f"The appearance was not recorded: {refused.message}") from refused
