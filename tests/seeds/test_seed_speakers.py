"""The people and bodies who speak in the seed documents: actors, their ties, and what they said."""

import json

from claims.choices import ActorKind, ResponsibilityStatus
from claims.models import Actor, ActorAffiliation, Appearance
from claims.seeding import load_seeds
from claims.seeding.claim_checks import QUALIFIER
from claims.seeding.sync import KEPT, UPDATED
from claims.services.actor_affiliations import actor_affiliation_withdraw
from tests.seeds.corpus import SEEDS_DIR, seeded_appearance, seeded_claim
from tests.seeds.test_load_seeds_again import copy_of_seeds, row_counts


def test_the_corpus_holds_the_speakers_by_kind(corpus):
    kinds = {kind: Actor.objects.filter(kind=kind).count() for kind in ActorKind.values}

    assert kinds[ActorKind.ANONYMOUS_SOURCE] == 9
    assert kinds[ActorKind.MILITARY] == 3
    assert kinds[ActorKind.GOVERNMENT_BODY] == 1
    assert kinds[ActorKind.OFFICIAL] == 3
    assert Actor.objects.count() == 50
    assert ActorAffiliation.objects.count() == 15


def test_every_named_speaker_of_an_appearance_is_an_actor_by_one_of_its_names(corpus):
    said = set(Appearance.objects.exclude(attributed_source="").values_list("attributed_source", flat=True))
    names = {name.casefold() for a in Actor.objects.all() for name in [a.name, *a.aliases]}

    unmatched = {s for s in said if QUALIFIER.sub("", s).casefold() not in names}

    # Sources the documents give no speaker for: a document, information, a passive "claims".
    assert unmatched == {
        "a leaked Pentagon document (June 2023)",
        "information obtained by The Cradle",
        "media outlets identified with the axis of resistance (not named)",
        "reportedly (sources not named)",
        "US claims",
    }


def test_the_pentagon_spokesman_attributes_the_red_sea_attack_to_the_houthis(corpus):
    ryder = Actor.objects.get(slug="pat-ryder")
    claim = seeded_claim("houthis-2023-fired-missiles-and-drones-red-sea")
    statement = seeded_appearance("houthis-2023-fired-missiles-and-drones-red-sea/us-department-of-defense")

    tie = ryder.ties.get()

    assert ryder.kind == ActorKind.OFFICIAL
    assert "Pentagon spokesman Brig. Gen. Pat Ryder" in ryder.aliases
    assert (tie.relation, tie.body.slug, tie.stated_by_outlet.slug) == ("speaks_for", "pentagon", "pishtaz-news")
    assert tie.body.ties.get().body.slug == "united-states"
    assert claim.subject.slug == "houthis"
    assert statement.attributed_source == "Pentagon spokesman Brig. Gen. Pat Ryder"
    # Ryder speaks of the Houthis' act: his word is a claim about them, not their confirmation.
    assert claim.status == ResponsibilityStatus.UNCLAIMED


def test_the_unnamed_commander_leads_the_operations_room_and_speaks_in_its_statements(corpus):
    commander = Actor.objects.get(slug="allies-of-syria-commander")

    tie = commander.ties.get()
    spoke_in = set(
        Appearance.objects.filter(
            attributed_source__in=[
                "the commander of the operations room",
                "the commander of the operations room (name withheld)",
                "the commander of the operations room (not named)",
                "the commander of the Allies of Syria operations room (statement)",
            ]
        ).values_list("outlet__slug", flat=True)
    )

    assert commander.kind == ActorKind.ANONYMOUS_SOURCE
    assert (tie.relation, tie.body.slug, tie.stated_by_outlet.slug) == (
        "leads",
        "allies-of-syria-operations-room",
        "memri",
    )
    assert "whose identity was withheld" in tie.quote
    assert spoke_in == {"alalam", "al-safir", "moqawama-org"}
    assert set(commander.evidence.values_list("claim__external_ref", flat=True)) == {
        "seed:israel-2018-downed-iranian-drone",
        "seed:allies-of-syria-2018-threatens-harsh-response",
        "seed:al-fajr-3-2017-launched-by-operations-room",
        "seed:allies-of-syria-members-iran-hezbollah-militias",
    }


def test_who_the_commander_is_stays_a_claim_of_rai_al_youm(corpus):
    claim = seeded_claim("soleimani-2017-wrote-the-commanders-statements")

    assert claim.subject.slug == "qasem-soleimani"
    assert "popular theory" in seeded_appearance(f"{claim.external_ref[5:]}/rai-al-youm").excerpt
    assert "Qasem Soleimani" not in Actor.objects.get(slug="allies-of-syria-commander").aliases


def test_the_foreign_ministers_threat_is_irans_own_word(corpus):
    claim = seeded_claim("iran-2023-proxies-ready-for-preemptive-action")

    evidence = claim.evidence.get()

    assert claim.status == ResponsibilityStatus.CONFIRMED
    assert evidence.actor.slug == "hossein-amir-abdollahian"
    assert evidence.actor.ties.get().body.slug == "iran"
    assert (evidence.stance, evidence.date.isoformat()) == ("confirms", "2023-10-16")
    assert evidence.appearance.outlet.slug == "pishtaz-news"


def test_the_pentagon_denies_that_its_build_up_answers_provocations(corpus):
    claim = seeded_claim("us-2023-reinforcements-answer-iranian-linked-attacks")

    denial = claim.evidence.get()

    assert claim.status == ResponsibilityStatus.DENIED
    assert (denial.stance, denial.actor.slug, denial.date.isoformat()) == ("denies", "pentagon", "2023-07-14")
    assert "Pentagon officials deny" in denial.note
    assert "Pentagon officials" in denial.actor.aliases


def test_the_anonymous_us_military_official_is_one_source_for_two_claims(corpus):
    official = Actor.objects.get(slug="us-military-official-al-monitor-2023-07")
    names = [official.name.casefold(), *(a.casefold() for a in official.aliases)]

    said = Appearance.objects.filter(attributed_source="a high-ranking US military official (anonymous)")

    assert official.kind == ActorKind.ANONYMOUS_SOURCE
    assert official.ties.get().body.slug == "us-military"
    assert "a high-ranking us military official" in names
    assert set(said.values_list("claim__external_ref", flat=True)) == {
        "seed:russia-and-iran-2023-coordinating-to-push-us-out-of-syria",
        "seed:quds-force-and-russia-2023-planning-together-in-syria",
    }


def test_the_researcher_al_nayel_is_a_person_quoted_by_al_fassel(corpus):
    al_nayel = Actor.objects.get(slug="abdul-qader-al-nayel")

    quoted = Appearance.objects.filter(
        outlet__slug="al-fassel", attributed_source="political researcher Abdul Qader al-Nayel"
    )

    assert al_nayel.kind == ActorKind.PERSON
    assert "al-Nayel" in al_nayel.aliases
    assert quoted.count() == 4
    assert not al_nayel.ties.exists()  # the article names no body he speaks for


def test_a_changed_tie_record_updates_only_its_row(corpus, tmp_path):
    folder = copy_of_seeds(tmp_path)
    ties = json.loads((folder / "actor_affiliations.json").read_text(encoding="utf-8"))
    next(t for t in ties if t["actor"] == "pat-ryder")["valid_from"] = "2023-10-19"
    (folder / "actor_affiliations.json").write_text(json.dumps(ties, ensure_ascii=False), encoding="utf-8")
    counts = row_counts()

    tally = load_seeds(folder)

    assert tally.counts["actor_affiliations"][UPDATED] == 1
    assert tally.total(UPDATED) == 1
    assert Actor.objects.get(slug="pat-ryder").ties.get().valid_from.isoformat() == "2023-10-19"
    assert row_counts() == {**counts, "HistoricalActorAffiliation": counts["HistoricalActorAffiliation"] + 1}


def test_a_tie_withdrawn_in_the_app_stays_withdrawn(corpus, editor):
    tie = Actor.objects.get(slug="douglas-sims").ties.get()
    actor_affiliation_withdraw(actor_affiliation=tie, reason="The article does not say he is serving.", by=editor)
    counts = row_counts()

    tally = load_seeds(SEEDS_DIR)

    tie.refresh_from_db()
    assert tie.is_withdrawn
    assert tally.counts["actor_affiliations"][KEPT] == 1
    assert row_counts() == counts
