"""A small newsroom for the page tests, built through the services like every write."""

from datetime import date

from django.contrib.auth.models import User

from claims.models import Claim
from claims.services.workflow import claim_publish_imported, claim_submit
from tests.factories import (
    make_actor,
    make_affiliation,
    make_appearance,
    make_citation,
    make_claim,
    make_event,
    make_evidence,
    make_outlet,
)

ROLES = ["anonymous", "consumer", "editor", "reviewer", "superuser"]


class Newsroom:
    """A drone attack, two competing attributions, an affiliated outlet and a draft."""

    def __init__(self, editor: User) -> None:
        self.patron = make_actor("Hezbollah", slug="hezbollah", aliases=["Hizbullah", "حزب الله"])
        self.group = make_actor("Allies of Syria Operations Room", slug="allies-of-syria")
        self.other = make_actor("Islamic State", slug="islamic-state")
        self.attack = make_event("Drone attack on al-Tanf", slug="al-tanf-2021", date=date(2021, 10, 20))
        self.akhbar = make_outlet("Al-Akhbar", slug="al-akhbar", reliability="D", language="ar")
        self.manar = make_outlet("Al-Manar", slug="al-manar", reliability="D")
        self.reuters = make_outlet("Reuters", slug="reuters", reliability="B")
        make_affiliation(self.akhbar, self.patron, stated_by_outlet=self.reuters, valid_from=date(2010, 1, 1))
        make_affiliation(self.manar, self.patron, stated_by_url="https://example.org/manar")

        self.published = make_claim(
            "The Allies of Syria Operations Room was behind the al-Tanf drone attack",
            subject=self.group,
            event=self.attack,
            by=editor,
        )
        self.origin = make_appearance(
            self.published, self.akhbar, published_on=date(2021, 10, 21), headline="غرفة عمليات حلفاء سوريا"
        )
        self.repeat = make_appearance(self.published, self.manar, published_on=date(2021, 10, 22))
        self.wire = make_appearance(self.published, self.reuters, published_on=date(2021, 10, 25))
        make_citation(self.repeat, self.origin, kind="republished")
        make_evidence(self.published, stance="confirms", date=date(2021, 10, 27), actor=self.group)
        claim_publish_imported(claim=self.published, comment="test corpus")

        self.rival = make_claim("Islamic State carried out the al-Tanf attack", subject=self.other, event=self.attack)
        make_appearance(self.rival, self.manar, published_on=date(2021, 10, 23))
        claim_publish_imported(claim=self.rival, comment="test corpus")

        self.draft = make_claim("A draft nobody outside the newsroom may read", by=editor)
        make_appearance(self.draft, self.reuters, published_on=date(2021, 10, 24))

        self.waiting = make_claim("A claim waiting for a reviewer", by=editor)
        make_appearance(self.waiting, self.reuters, published_on=date(2021, 10, 24))
        claim_submit(claim=self.waiting, by=editor)

    def refresh(self) -> None:
        for claim in (self.published, self.rival, self.draft, self.waiting):
            claim.refresh_from_db()


def claim_state(claim: Claim) -> str:
    return Claim.objects.values_list("review_state", flat=True).get(pk=claim.pk)
