"""Every enumerated value of the domain, in one place."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutletKind(models.TextChoices):
    NEWSPAPER = "newspaper", "Newspaper"
    TV = "tv", "Television"
    RADIO = "radio", "Radio"
    WEBSITE = "website", "Website"
    NEWS_AGENCY = "news_agency", "News agency"
    THINK_TANK = "think_tank", "Think tank"
    GOVERNMENT = "government", "Government"
    SOCIAL_MEDIA = "social_media", "Social media"
    WIRE = "wire", "Wire service"
    OTHER = "other", "Other"


class Reliability(models.TextChoices):
    """Admiralty (NATO AJP-2.1) source-reliability grades."""

    A = "A", "A: completely reliable"
    B = "B", "B: usually reliable"
    C = "C", "C: fairly reliable"
    D = "D", "D: not usually reliable"
    E = "E", "E: unreliable"
    F = "F", "F: reliability cannot be judged"


class ActorKind(models.TextChoices):
    STATE = "state", "State"
    ARMED_GROUP = "armed_group", "Armed group"
    COALITION = "coalition", "Coalition"
    OFFICIAL = "official", "Official"
    PERSON = "person", "Person"
    GOVERNMENT_BODY = "government_body", "Government body"
    MILITARY = "military", "Military"
    # Someone an outlet quotes without a name, known only by the role it gives them.
    ANONYMOUS_SOURCE = "anonymous_source", "Anonymous source"
    OTHER = "other", "Other"


class ActorRelation(models.TextChoices):
    """How one actor is tied to another: a spokesman to his ministry, a commander to his group."""

    SPEAKS_FOR = "speaks_for", "Speaks for"
    LEADS = "leads", "Leads"
    MEMBER_OF = "member_of", "Member of"
    PART_OF = "part_of", "Part of"


class AffiliationRelation(models.TextChoices):
    AFFILIATED_WITH = "affiliated_with", "Affiliated with"
    OWNED_BY = "owned_by", "Owned by"
    SUPPORTS = "supports", "Supports"
    OVERSEEN_BY = "overseen_by", "Overseen by"
    STATE_MEDIA_OF = "state_media_of", "State media of"
    FUNDED_BY = "funded_by", "Funded by"


class ClaimKind(models.TextChoices):
    ATTRIBUTION = "attribution", "Attribution"
    RESPONSIBILITY = "responsibility", "Claim of responsibility"
    DENIAL = "denial", "Denial"
    THREAT = "threat", "Threat"
    STATEMENT = "statement", "Statement"
    OTHER = "other", "Other"


class ReviewState(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Rejected"
    RETRACTED = "retracted", "Retracted"


class CitationKind(models.TextChoices):
    REPUBLISHED = "republished", "Republished"
    CITED = "cited", "Cited"
    QUOTED = "quoted", "Quoted"
    TRANSLATED = "translated", "Translated"
    PARAPHRASED = "paraphrased", "Paraphrased"


class Stance(models.TextChoices):
    CONFIRMS = "confirms", "Confirms"
    DENIES = "denies", "Denies"


class ResponsibilityStatus(models.TextChoices):
    UNCLAIMED = "unclaimed", "Unclaimed"
    CONFIRMED = "confirmed", "Confirmed"
    DENIED = "denied", "Denied"


class ConfidenceLabel(models.TextChoices):
    """ICD 203 words of estimative probability, by STIX 2.1 Appendix A bands."""

    ALMOST_NO_CHANCE = "almost no chance", "Almost no chance"
    VERY_UNLIKELY = "very unlikely", "Very unlikely"
    UNLIKELY = "unlikely", "Unlikely"
    ROUGHLY_EVEN_CHANCE = "roughly even chance", "Roughly even chance"
    LIKELY = "likely", "Likely"
    VERY_LIKELY = "very likely", "Very likely"
    ALMOST_CERTAIN = "almost certain", "Almost certain"


class JobKind(models.TextChoices):
    RESCORE = "rescore", "Rescoring after a change that reaches many claims"
    IMPORT = "import", "Import of a file"
    CAPTURE = "capture", "Capture of a URL"
    DEPENDENCE = "dependence", "Learning which outlets depend on which"
    FEED_POLL = "feed_poll", "Poll of a feed"


class JobState(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


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
    SUGGESTED = "suggested", "Suggested"
    ACCEPTED = "accepted", "Accepted"
    DISMISSED = "dismissed", "Dismissed"


class WebhookEventKind(models.TextChoices):
    """What a webhook subscription can be told of (SPEC §14, docs/webhooks.md)."""

    PUBLISHED = "claim.published", "A claim was published"
    RETRACTED = "claim.retracted", "A published claim was retracted"
    STATUS_CHANGED = "claim.status_changed", "A claim's responsibility status changed"
    CONFIDENCE_CHANGED = "claim.confidence_changed", "A claim's confidence moved"
    MERGED = "claim.merged", "A duplicate claim was merged into this one"
    UNMERGED = "claim.unmerged", "A claim merged into this one was taken out again"
    INBOX_MATCHED = "inbox.matched", "A new inbox item matches one of the subscriber's watches"


class DeliveryState(models.TextChoices):
    PENDING = "pending", "Waiting to be sent, or to be tried again"
    DELIVERED = "delivered", "Delivered: the receiver answered 2xx"
    FAILED = "failed", "Failed: refused by the receiver, or out of tries"
    SKIPPED = "skipped", "Skipped: the claim is no longer one the subscriber may read"


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
