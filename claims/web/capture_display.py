"""How a capture is shown: its steps (how far its job got, and where it stopped or waits), what was
read from the page in words, and where each field was read from."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from claims.choices import CaptureState, CaptureStep, JobState
from claims.models import Capture

# What the page shows of each field read from the page, in this order, with its label.
METADATA_SHOWN = [
    ("headline", _("Headline")),
    ("author", _("Byline")),
    ("published_on", _("Published on")),
    ("publisher", _("Publisher")),
    ("site_name", _("Site name")),
    ("language", _("Language")),
    ("description", _("Description")),
]
# Where a value was read, in words (claims/capture/metadata.py names the sources).
SOURCES = {
    "json-ld": _("the page's structured data (JSON-LD)"),
    "opengraph": _("the page's OpenGraph tags"),
    "meta": _("the page's description tag"),
    "html": _("the page's language attribute"),
    "htmldate": _("a date in the page (htmldate)"),
    "trafilatura": _("the article's text (trafilatura)"),
}
# Step states, as the page words them.
STEP_WORDS = {
    "done": _("Done"),
    "current": _("Under way"),
    "waiting": _("Waits for you"),
    "failed": _("Stopped here"),
    "todo": _("To do"),
}
# Which step a capture that waits for a person waits at.
WAITS_AT = {CaptureState.NEEDS_OUTLET: CaptureStep.OUTLET, CaptureState.NEEDS_CLAIM: CaptureStep.RECORD}


@dataclass(frozen=True)
class StepShown:
    label: str
    state: str

    @property
    def words(self) -> str:
        return str(STEP_WORDS[self.state])


def _step_state(capture: Capture, step: CaptureStep, index: int) -> str:
    job = capture.job
    if capture.state == CaptureState.RECORDED or index < job.done:
        return "done"
    if WAITS_AT.get(capture.state) == step:
        return "waiting"
    if index == job.done and job.state == JobState.FAILED:
        return "failed"
    if index == job.done and job.state == JobState.RUNNING:
        return "current"
    return "todo"


def capture_steps(capture: Capture) -> list[StepShown]:
    """Each step of the capture with how far it is: done, under way, waiting for a person, where
    the job stopped, or still to do (read from its job's `done` and state, and its own state)."""
    return [StepShown(str(step.label), _step_state(capture, step, i)) for i, step in enumerate(CaptureStep)]


@dataclass(frozen=True)
class ReadField:
    name: str
    label: str
    value: object
    source: str


def fields_read(capture: Capture) -> list[ReadField]:
    snapshot = capture.snapshot
    if snapshot is None:
        return []
    shown = []
    for name, label in METADATA_SHOWN:
        value = snapshot.read(name)
        if value:
            source = snapshot.read_source(name)
            shown.append(ReadField(name, str(label), value, str(SOURCES.get(source, source))))
    return shown
