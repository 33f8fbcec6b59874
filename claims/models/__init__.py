from claims.models.actor import Actor
from claims.models.actor_affiliation import ActorAffiliation
from claims.models.affiliation import Affiliation
from claims.models.appearance import Appearance
from claims.models.capture import Capture, Snapshot, SuggestedCitation
from claims.models.citation import Citation
from claims.models.claim import Claim
from claims.models.claim_outlet import ClaimOutlet
from claims.models.dependence import DependenceBlock, DependenceItem, DependenceRun, OutletDependence
from claims.models.event import Event
from claims.models.evidence import StatusEvidence
from claims.models.feed import Feed
from claims.models.inbox import FeedSighting, InboxItem, ItemSuggestion, Watch, WatchMatch
from claims.models.job import Job
from claims.models.meaning import ClaimVector
from claims.models.merge import ClaimMerge
from claims.models.outlet import Outlet
from claims.models.review import ReviewTransition
from claims.models.score_refresh import ScoreBatch, ScoreRefresh
from claims.models.track_record import ClaimOrigin, TrackRecordEntry
from claims.models.webhooks import Delivery, DeliveryAttempt, Subscription, WebhookEvent

__all__ = [
    "Actor",
    "ActorAffiliation",
    "Affiliation",
    "Appearance",
    "Capture",
    "Citation",
    "Claim",
    "ClaimMerge",
    "ClaimOrigin",
    "ClaimOutlet",
    "ClaimVector",
    "Delivery",
    "DeliveryAttempt",
    "DependenceBlock",
    "DependenceItem",
    "DependenceRun",
    "Event",
    "Feed",
    "FeedSighting",
    "InboxItem",
    "ItemSuggestion",
    "Job",
    "Outlet",
    "OutletDependence",
    "ReviewTransition",
    "ScoreBatch",
    "ScoreRefresh",
    "Snapshot",
    "StatusEvidence",
    "Subscription",
    "SuggestedCitation",
    "TrackRecordEntry",
    "Watch",
    "WatchMatch",
    "WebhookEvent",
]
