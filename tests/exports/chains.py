"""A small claim with everything the exports describe: a chain, ties, evidence, a publication."""

from dataclasses import dataclass
from datetime import date

from claims.models import Appearance, Claim, Outlet
from claims.services.workflow import claim_publish_imported
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


@dataclass
class SampleChain:
    claim: Claim
    akhbar: Outlet
    manar: Outlet
    wire: Outlet
    tank: Outlet
    origin: Appearance  # Al-Akhbar, the first report
    second_origin: Appearance  # Al-Manar, same affiliation: not independent
    republished: Appearance  # the wire republishes Al-Akhbar
    quoted: Appearance  # the think tank quotes the wire
    translated: Appearance  # an English translation of Al-Manar


def sample_chain(*, publish: bool = True) -> SampleChain:
    hezbollah = make_actor("Hezbollah", kind="armed_group", aliases=["Hizbullah", "Hizballah"])
    aos = make_actor("Allies of Syria Operations Room", kind="armed_group")
    iran = make_actor("Iran", kind="state")
    akhbar = make_outlet("Al-Akhbar", kind="newspaper", country="Lebanon", url="https://al-akhbar.com", reliability="D")
    manar = make_outlet("Al-Manar", kind="tv", reliability="E")
    wire = make_outlet("Levant Wire", kind="wire", reliability="B")
    tank = make_outlet("Desert Institute", kind="think_tank", reliability="C")
    for outlet in (akhbar, manar):
        make_affiliation(outlet, hezbollah)
    attack = make_event("Drone attack on the al-Tanf base", date=date(2021, 10, 20), location="al-Tanf, Syria")
    claim = make_claim(
        "The Allies of Syria Operations Room was behind the October 20, 2021 drone attack on the al-Tanf base.",
        subject=aos,
        event=attack,
        external_ref="test:al-tanf-aos",
    )
    origin = make_appearance(
        claim,
        akhbar,
        published_on=date(2021, 10, 21),
        url="https://al-akhbar.com/Syria/316850",
        headline="The Allies of Syria operations room kept its promise",
        language="ar",
        excerpt="The Allies of Syria operations room was behind the attack.",
    )
    second_origin = make_appearance(claim, manar, published_on=date(2021, 10, 21), language="ar")
    republished = make_appearance(claim, wire, published_on=date(2021, 10, 22), url="https://wire.example/aos")
    quoted = make_appearance(claim, tank, published_on=date(2021, 10, 25), attributed_source="Iraqi muqawama sources")
    translated = make_appearance(claim, wire, published_on=date(2021, 10, 23), language="en")
    make_citation(republished, origin, kind="republished")
    make_citation(quoted, republished, kind="quoted")
    make_citation(translated, second_origin, kind="translated")
    make_evidence(claim, stance="denies", actor=iran, date=date(2021, 10, 26), url="https://example.org/denial")
    if publish:
        claim_publish_imported(claim=claim, comment="published for a test")
    claim.refresh_from_db()
    return SampleChain(claim, akhbar, manar, wire, tank, origin, second_origin, republished, quoted, translated)
