"""One synthetic claim with its appearances, citations and evidence, as rows.

The derived columns are filled as the claim is made, from what was just
generated (see scores.py), so a corpus of any size needs no rescoring pass.
"""

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from random import Random

from django.utils.text import slugify

from claims.choices import CitationKind, ClaimKind, ReviewState, Stance
from claims.fastpath.synthetic.chains import ChainShape, chain_shape
from claims.fastpath.synthetic.copiers import PlantedCopier, copy_claim
from claims.fastpath.synthetic.directory import FIRST_DAY, ActorInfo, Directory, EventInfo, OutletInfo, stamp
from claims.fastpath.synthetic.ids import Ids
from claims.fastpath.synthetic.scores import derive, origin
from claims.scoring.confidence import Evidence

TEMPLATES: dict[str, list[str]] = {
    ClaimKind.ATTRIBUTION: [
        "{s} was behind the {e}", "{s} carried out the {e}", "the {e} was the work of {s}",
        "{s} is responsible for the {e}", "{s} launched the {e}",
    ],
    ClaimKind.RESPONSIBILITY: ["{s} claimed responsibility for the {e}", "{s} said it carried out the {e}"],
    ClaimKind.DENIAL: ["{s} denied any role in the {e}", "{s} rejected accusations over the {e}"],
    ClaimKind.THREAT: ["{s} threatened further attacks after the {e}", "{s} vowed to avenge the {e}"],
    ClaimKind.STATEMENT: ["{s} said the {e} was a response to provocations", "{s} condemned the {e}"],
    ClaimKind.OTHER: ["{s} was linked to the {e}"],
}  # fmt: skip
KIND_WEIGHTS = [50, 15, 10, 8, 12, 5]
UNNAMED = ["unidentified gunmen", "an unknown group", "unnamed militants", "a foreign intelligence service"]
REVIEW_WEIGHTS = {
    ReviewState.PUBLISHED: 82,
    ReviewState.DRAFT: 6,
    ReviewState.IN_REVIEW: 5,
    ReviewState.REJECTED: 4,
    ReviewState.RETRACTED: 3,
}
SOURCES = [
    "an anonymous US official", "Iraqi muqawama sources", "local sources", "a security source", "residents",
    "two officials familiar with the matter", "the group's Telegram channel", "a military spokesman", "", "",
]  # fmt: skip
CITATION_KINDS = list(CitationKind)
CITATION_KIND_WEIGHTS = [30, 30, 15, 10, 15]
HEADLINE_PREFIXES = ["", "", "", "Report: ", "Sources: ", "Exclusive: ", "Breaking: ", "Analysis: "]
EVIDENCE_SHARE = 0.12


@dataclass(frozen=True)
class ClaimSpec:
    """What kind of claim to make: its number of appearances and the shape of its chain."""

    size: int
    origin_share: float = 0.3
    spread_days: float = 6.0
    external_ref: str | None = None
    spine: bool = False
    review_state: str | None = None


@dataclass
class Batch:
    claims: list[tuple] = field(default_factory=list)
    appearances: list[tuple] = field(default_factory=list)
    citations: list[tuple] = field(default_factory=list)
    evidence: list[tuple] = field(default_factory=list)


class ClaimFactory:
    def __init__(
        self,
        rng: Random,
        directory: Directory,
        ids: Ids,
        *,
        today: date,
        now: datetime,
        copiers: list[PlantedCopier] | None = None,
    ) -> None:
        self.rng, self.directory, self.ids, self.today, self.now = rng, directory, ids, today, now
        self.copiers = copiers or []
        self.outlets_by_id = {outlet.id: outlet for outlet in directory.outlets}
        self.actor_names = directory.actor_names
        self.span = (today - FIRST_DAY).days

    def add(self, spec: ClaimSpec, batch: Batch) -> None:
        rng, directory = self.rng, self.directory
        pk = next(self.ids.claims)
        kind = rng.choices(list(TEMPLATES), weights=KIND_WEIGHTS)[0]
        subject = rng.choices(directory.actors, cum_weights=directory.actor_weights)[0] if rng.random() < 0.92 else None
        event = rng.choice(directory.events) if directory.events and rng.random() < 0.88 else None
        text = self.text(kind, subject, event)
        first = min(event.date + timedelta(days=rng.randrange(3)), self.today) if event else self.random_day()
        shape = chain_shape(
            rng,
            size=spec.size,
            first=first,
            today=self.today,
            origin_share=spec.origin_share,
            spread_days=spec.spread_days,
            spine=spec.spine,
        )
        outlets = rng.choices(directory.outlets, cum_weights=directory.outlet_weights, k=spec.size)
        denied = False
        if self.copiers:
            shape, outlets, denied = copy_claim(rng, self.copiers, shape, outlets, self.outlets_by_id, self.today)
        appearance_ids = self.add_appearances(pk, text, shape, outlets, batch)
        latest, last_evidence = self.add_evidence(pk, kind, subject, shape, appearance_ids, batch, denied=denied)
        origins = tuple(
            origin(appearance_ids[p], outlets[p], shape.days[p]) for p in range(shape.size) if not shape.cites[p]
        )
        derived = derive(
            claim_id=pk,
            text=text,
            subject=subject,
            origins=origins,
            outlets=outlets,
            days=shape.days,
            latest=latest,
            actor_names=self.actor_names,
        )
        state = spec.review_state or rng.choices(list(REVIEW_WEIGHTS), weights=list(REVIEW_WEIGHTS.values()))[0]
        created = stamp(min(first + timedelta(days=rng.randrange(3)), self.today), rng, self.now)
        # Recorded after the first report; touched again when the last reporting or evidence came in.
        updated = max(created, stamp(max(shape.days[-1], last_evidence or first), rng, self.now))
        batch.claims.append(
            (pk, created, updated, text, kind, subject.id if subject else None, event.id if event else None, state,
             spec.external_ref, derived.status, derived.confidence, derived.credibility, derived.admiralty_code,
             derived.confidence_factors, derived.independent_origin_count, derived.appearance_count,
             derived.first_reported, derived.search_text, derived.text_key)
        )  # fmt: skip

    def random_day(self) -> date:
        return FIRST_DAY + timedelta(days=self.rng.randrange(self.span))

    def text(self, kind: str, subject: ActorInfo | None, event: EventInfo | None) -> str:
        rng = self.rng
        if subject is None:
            who = rng.choice(UNNAMED)
        else:
            # Sometimes the claim spells the actor as one of its aliases, as outlets do.
            who = rng.choice(subject.aliases) if subject.aliases and rng.random() < 0.2 else subject.name
        what = event.title if event else f"attacks around {rng.choice(self.directory.places)}"
        text = rng.choice(TEMPLATES[kind]).format(s=who, e=what)
        return text[0].upper() + text[1:]

    def add_appearances(
        self, claim_id: int, text: str, shape: ChainShape, outlets: list[OutletInfo], batch: Batch
    ) -> list[int]:
        rng, now, ids = self.rng, self.now, self.ids.appearances
        appearance_ids = [next(ids) for _ in range(shape.size)]
        created = [stamp(day, rng, now) for day in shape.days]
        path = slugify(" ".join(text.split()[:8]))
        prefixes = rng.choices(HEADLINE_PREFIXES, k=shape.size)
        kinds = rng.choices(CITATION_KINDS, weights=CITATION_KIND_WEIGHTS, k=shape.size)
        for position, (pk, day, outlet, cited) in enumerate(
            zip(appearance_ids, shape.days, outlets, shape.cites, strict=True)
        ):
            if cited:
                source = outlets[cited[0]].name
                excerpt = f"{text}, {source} reported."
                for other in cited:
                    batch.citations.append(
                        (next(self.ids.citations), created[position], claim_id, pk, appearance_ids[other],
                         kinds[position])
                    )  # fmt: skip
            else:
                source = rng.choice(SOURCES)
                excerpt = f"“{text},” {source or outlet.name} said."
            url = f"https://www.{outlet.domain}/{day.year}/{day.month:02}/{path}-{pk}"
            batch.appearances.append(
                (pk, created[position], created[position], claim_id, outlet.id, day, url, prefixes[position] + text,
                 outlet.language, excerpt, source)
            )  # fmt: skip
        return appearance_ids

    def add_evidence(
        self,
        claim_id: int,
        kind: str,
        subject: ActorInfo | None,
        shape: ChainShape,
        appearance_ids: list[int],
        batch: Batch,
        *,
        denied: bool = False,
    ) -> tuple[Evidence | None, date | None]:
        """Some claims are confirmed or denied, once or twice; the latest statement sets the status.
        A claim `denied` (a planted source's false one) is denied once, and nothing else."""
        rng = self.rng
        if not denied and rng.random() >= EVIDENCE_SHARE:
            return None, None
        latest: tuple | None = None
        for _ in range(1 if denied else rng.choice((1, 1, 1, 2))):
            pk = next(self.ids.evidence)
            stance = Stance.DENIES if denied else self.stance(kind)
            actor = subject if subject and rng.random() < 0.7 else rng.choice(self.directory.actors)
            day = min(shape.days[0] + timedelta(days=rng.randrange(60)), self.today)
            reported = bisect_right(shape.days, day)  # appearances out by then: one of them may carry it
            appearance_id = appearance_ids[rng.randrange(reported)] if rng.random() < 0.5 else None
            url = "" if appearance_id else f"https://statements.example/{claim_id}/{pk}"
            verb = "confirmed" if stance == Stance.CONFIRMS else "denied"
            note = f"{actor.name} {verb} responsibility in a statement."
            created = stamp(day, rng, self.now)
            batch.evidence.append((pk, created, created, claim_id, stance, actor.id, day, appearance_id, url, note))
            latest = max(latest or (day, pk, stance, actor.name), (day, pk, stance, actor.name))
        day, _, stance, actor_name = latest
        return Evidence(stance=stance, date=day, actor_name=actor_name), day

    def stance(self, kind: str) -> str:
        if kind == ClaimKind.RESPONSIBILITY:
            return Stance.CONFIRMS
        if kind == ClaimKind.DENIAL:
            return Stance.DENIES
        return Stance.CONFIRMS if self.rng.random() < 0.55 else Stance.DENIES
