"""Every enumerated value of the domain, in one place."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OutletKind(models.TextChoices):
    NEWSPAPER = "newspaper", _("Newspaper")
    TV = "tv", _("Television")
    RADIO = "radio", _("Radio")
    WEBSITE = "website", _("Website")
    NEWS_AGENCY = "news_agency", _("News agency")
    THINK_TANK = "think_tank", _("Think tank")
    GOVERNMENT = "government", _("Government")
    SOCIAL_MEDIA = "social_media", _("Social media")
    WIRE = "wire", _("Wire service")
    OTHER = "other", _("Other")


class Reliability(models.TextChoices):
    """Admiralty (NATO AJP-2.1) source-reliability grades."""

    A = "A", _("A: completely reliable")
    B = "B", _("B: usually reliable")
    C = "C", _("C: fairly reliable")
    D = "D", _("D: not usually reliable")
    E = "E", _("E: unreliable")
    F = "F", _("F: reliability cannot be judged")


class ActorKind(models.TextChoices):
    STATE = "state", pgettext_lazy("actor kind", "State")
    ARMED_GROUP = "armed_group", _("Armed group")
    COALITION = "coalition", _("Coalition")
    OFFICIAL = "official", _("Official")
    PERSON = "person", _("Person")
    GOVERNMENT_BODY = "government_body", _("Government body")
    MILITARY = "military", _("Military")
    # Someone an outlet quotes without a name, known only by the role it gives them.
    ANONYMOUS_SOURCE = "anonymous_source", _("Anonymous source")
    OTHER = "other", _("Other")


class ActorRelation(models.TextChoices):
    """How one actor is tied to another: a spokesman to his ministry, a commander to his group."""

    SPEAKS_FOR = "speaks_for", "Speaks for"
    LEADS = "leads", "Leads"
    MEMBER_OF = "member_of", "Member of"
    PART_OF = "part_of", "Part of"


class AffiliationRelation(models.TextChoices):
    AFFILIATED_WITH = "affiliated_with", _("Affiliated with")
    OWNED_BY = "owned_by", _("Owned by")
    SUPPORTS = "supports", _("Supports")
    OVERSEEN_BY = "overseen_by", _("Overseen by")
    STATE_MEDIA_OF = "state_media_of", _("State media of")
    FUNDED_BY = "funded_by", _("Funded by")


class ClaimKind(models.TextChoices):
    ATTRIBUTION = "attribution", _("Attribution")
    RESPONSIBILITY = "responsibility", _("Claim of responsibility")
    DENIAL = "denial", _("Denial")
    THREAT = "threat", _("Threat")
    STATEMENT = "statement", _("Statement")
    OTHER = "other", _("Other")


class ReviewState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    RETRACTED = "retracted", _("Retracted")


class CitationKind(models.TextChoices):
    REPUBLISHED = "republished", _("Republished")
    CITED = "cited", _("Cited")
    QUOTED = "quoted", _("Quoted")
    TRANSLATED = "translated", _("Translated")
    PARAPHRASED = "paraphrased", _("Paraphrased")


class Stance(models.TextChoices):
    CONFIRMS = "confirms", _("Confirms")
    DENIES = "denies", _("Denies")


class ResponsibilityStatus(models.TextChoices):
    UNCLAIMED = "unclaimed", _("Unclaimed")
    CONFIRMED = "confirmed", _("Confirmed")
    DENIED = "denied", _("Denied")


class ConfidenceLabel(models.TextChoices):
    """ICD 203 words of estimative probability, by STIX 2.1 Appendix A bands."""

    ALMOST_NO_CHANCE = "almost no chance", _("Almost no chance")
    VERY_UNLIKELY = "very unlikely", _("Very unlikely")
    UNLIKELY = "unlikely", _("Unlikely")
    ROUGHLY_EVEN_CHANCE = "roughly even chance", _("Roughly even chance")
    LIKELY = "likely", _("Likely")
    VERY_LIKELY = "very likely", _("Very likely")
    ALMOST_CERTAIN = "almost certain", _("Almost certain")


class JobKind(models.TextChoices):
    RESCORE = "rescore", _("Rescoring after a change that reaches many claims")
    IMPORT = "import", _("Import of a file")
    CAPTURE = "capture", _("Capture of a URL")
    DEPENDENCE = "dependence", _("Learning which outlets depend on which")
    FEED_POLL = "feed_poll", _("Poll of a feed")


class JobState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class CaptureState(models.TextChoices):
    """What a capture has come to of its own, once its job has read the page. Before that (queued,
    running) and when the job could not finish (failed), it is where its job is: CaptureStatus."""

    NEEDS_OUTLET = "needs_outlet", _("Needs an outlet")
    NEEDS_CLAIM = "needs_claim", _("Needs a claim")
    RECORDED = "recorded", _("Appearance recorded")


class CaptureStatus(models.TextChoices):
    """A capture as the API and the pages show it: its own state, else its job's."""

    QUEUED = JobState.QUEUED.value, _("Waiting to be fetched")
    RUNNING = JobState.RUNNING.value, _("Being fetched and read")
    FAILED = JobState.FAILED.value, _("Failed")
    NEEDS_OUTLET = CaptureState.NEEDS_OUTLET.value, CaptureState.NEEDS_OUTLET.label
    NEEDS_CLAIM = CaptureState.NEEDS_CLAIM.value, CaptureState.NEEDS_CLAIM.label
    RECORDED = CaptureState.RECORDED.value, CaptureState.RECORDED.label


class CaptureStep(models.TextChoices):
    """The steps of a capture, in order; its job's `done` counts those behind it."""

    FETCH = "fetch", _("Fetch the page")
    KEEP = "keep", _("Keep the snapshot")
    READ = "read", _("Read the page")
    OUTLET = "outlet", _("Find the outlet")
    RECORD = "record", _("Record the appearance")


class DependenceState(models.TextChoices):
    """Where a learned dependence between two outlets stands with the reviewers (SPEC §17)."""

    SUGGESTED = "suggested", "Suggested by the corpus"
    CONFIRMED = "confirmed", "Confirmed by a reviewer"
    DISMISSED = "dismissed", "Dismissed by a reviewer"


class SuggestionState(models.TextChoices):
    SUGGESTED = "suggested", _("Suggested")
    ACCEPTED = "accepted", _("Accepted")
    DISMISSED = "dismissed", _("Dismissed")


class WebhookEventKind(models.TextChoices):
    """What a webhook subscription can be told of (SPEC §14, docs/webhooks.md)."""

    PUBLISHED = "claim.published", _("A claim was published")
    RETRACTED = "claim.retracted", _("A published claim was retracted")
    STATUS_CHANGED = "claim.status_changed", _("A claim's responsibility status changed")
    CONFIDENCE_CHANGED = "claim.confidence_changed", _("A claim's confidence moved")
    MERGED = "claim.merged", _("A duplicate claim was merged into this one")
    UNMERGED = "claim.unmerged", _("A claim merged into this one was taken out again")
    INBOX_MATCHED = "inbox.matched", _("A new inbox item matches one of the subscriber's watches")


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent, or to be tried again")
    DELIVERED = "delivered", _("Delivered: the receiver answered 2xx")
    FAILED = "failed", _("Failed: refused by the receiver, or out of tries")
    SKIPPED = "skipped", _("Skipped: the claim is no longer one the subscriber may read")


class FeedState(models.TextChoices):
    """Whether a feed is polled: `failing` is set by a poll that could not read it (with the
    reason), and cleared by the next that can; `paused` by an editor."""

    ACTIVE = "active", _("Active")
    FAILING = "failing", _("Failing")
    PAUSED = "paused", _("Paused")


class InboxState(models.TextChoices):
    """What became of an inbox item: nothing yet, attached to a claim (captured into an appearance),
    dismissed (with a reason), or made into a new claim."""

    NEW = "new", _("New")
    ATTACHED = "attached", _("Attached to a claim")
    DISMISSED = "dismissed", _("Dismissed")
    CLAIMED = "claimed", _("A new claim")


class SuggestionMatch(models.TextChoices):
    """How a suggested claim matched an inbox item (the similar-claims ranking says which)."""

    WORDING = "wording", _("By wording")
    MEANING = "meaning", _("By meaning")


class WatchKind(models.TextChoices):
    WORDS = "words", _("Words")
    ACTOR = "actor", _("An actor")
    OUTLET = "outlet", _("An outlet")
