"""Spot checks of the loaded corpus against what the seed documents say."""

from claims.choices import ResponsibilityStatus, ReviewState
from claims.models import Actor, Affiliation, Appearance, Citation, Claim, Event, Outlet, ReviewTransition
from claims.selectors.chains import claim_chain
from claims.transliteration import fold
from tests.seeds.corpus import SEED_DOCUMENTS, seeded_appearance, seeded_claim

AL_TANF = "al-tanf-2021-allies-of-syria-behind-attack"


def test_the_corpus_loads_dozens_of_claims_outlets_and_citations(corpus):
    assert Claim.objects.count() >= 30
    assert Citation.objects.count() >= 25
    assert Outlet.objects.count() >= 25
    assert Appearance.objects.count() >= 60
    assert Actor.objects.count() >= 20
    assert Event.objects.count() >= 10
    assert Affiliation.objects.count() >= 8


def test_al_tanf_attribution_starts_with_al_akhbar_alone(corpus):
    claim = seeded_claim(AL_TANF)

    chain = claim_chain(claim)

    assert chain.origins == [seeded_appearance(f"{AL_TANF}/al-akhbar").pk]
    assert chain.independent_origin_count == 1
    assert claim.independent_origin_count == 1
    assert claim.status == ResponsibilityStatus.UNCLAIMED
    assert not claim.evidence.exists()
    assert claim.subject.slug == "allies-of-syria-operations-room"
    assert claim.event.slug == "al-tanf-drone-attack-2021-10-20"


def test_central_media_republished_al_akhbars_report(corpus):
    citation = Citation.objects.get(citing=seeded_appearance(f"{AL_TANF}/central-media"))

    assert citation.cited == seeded_appearance(f"{AL_TANF}/al-akhbar")
    assert citation.kind == "republished"
    assert citation.cited.published_on == citation.citing.published_on


def test_the_think_tanks_cite_al_akhbar_on_al_tanf(corpus):
    cited_by = {
        c.citing.outlet.slug
        for c in Citation.objects.filter(cited=seeded_appearance(f"{AL_TANF}/al-akhbar")).select_related(
            "citing__outlet"
        )
    }

    assert cited_by == {"central-media", "washington-institute", "memri"}


def test_al_akhbar_is_affiliated_with_hezbollah_as_the_washington_institute_states(corpus):
    tie = Affiliation.objects.get(
        outlet__slug="al-akhbar", actor__slug="hezbollah", stated_by_outlet__slug="washington-institute"
    )

    assert tie.relation == "affiliated_with"
    assert "pro-Hezbollah" in tie.quote
    assert Affiliation.objects.filter(outlet__slug="al-akhbar", stated_by_outlet__slug="memri").exists()
    assert Affiliation.objects.get(outlet__slug="central-media").relation == "overseen_by"


def test_islamic_resistance_in_iraq_claim_is_confirmed_by_the_group_itself(corpus):
    claim = seeded_claim("iri-2023-drones-on-al-tanf-and-al-malikiyah")

    evidence = claim.evidence.get()

    assert claim.status == ResponsibilityStatus.CONFIRMED
    assert claim.kind == "responsibility"
    assert evidence.actor.slug == "islamic-resistance-in-iraq"
    assert evidence.stance == "confirms"
    assert evidence.appearance.outlet.slug == "pishtaz-news"


def test_the_operations_room_commanders_denial_leaves_the_drone_claim_denied(corpus):
    claim = seeded_claim("israel-2018-downed-iranian-drone")

    denial = claim.evidence.get()

    assert claim.status == ResponsibilityStatus.DENIED
    assert denial.actor.slug == "allies-of-syria-commander"
    assert denial.actor.ties.get().body.slug == "allies-of-syria-operations-room"


def test_outlets_supporting_the_same_axis_count_as_one_voice_on_soleimani(corpus):
    claim = seeded_claim("soleimani-established-and-directed-operations-room")

    groups = claim_chain(claim).independent_groups

    outlets = sorted(sorted(Appearance.objects.get(pk=pk).outlet.slug for pk in group) for group in groups)
    assert outlets == [["al-mayadeen", "rai-al-youm"], ["syriahr"]]
    assert claim.independent_origin_count == 2


def test_every_loaded_row_keeps_its_document_and_words(corpus):
    assert set(Claim.objects.values_list("source_document", flat=True)) <= SEED_DOCUMENTS
    assert set(Appearance.objects.values_list("source_document", flat=True)) <= SEED_DOCUMENTS
    assert not Appearance.objects.filter(excerpt="").exists()
    assert not Affiliation.objects.filter(quote="").exists()
    assert not Citation.objects.filter(note="").exists()
    assert all(ref.startswith("seed:") for ref in Claim.objects.values_list("external_ref", flat=True))


def test_arabic_aliases_survive_the_round_trip(corpus):
    al_akhbar = Outlet.objects.get(slug="al-akhbar")
    hezbollah = Actor.objects.get(slug="hezbollah")

    assert "الأخبار" in al_akhbar.aliases
    assert "حزب الله" in hezbollah.aliases
    assert {"Hizbullah", "Hizballah"} <= set(hezbollah.aliases)
    assert "الأخبار" in al_akhbar.search_names
    assert fold("Al-Akhabar") in al_akhbar.search_names


def test_most_claims_are_published_and_a_few_wait_for_review(corpus):
    counts = {state: Claim.objects.filter(review_state=state).count() for state in ReviewState.values}

    assert counts[ReviewState.PUBLISHED] >= 30
    assert 3 <= counts[ReviewState.DRAFT] + counts[ReviewState.IN_REVIEW] <= 5
    assert counts[ReviewState.IN_REVIEW] >= 1


def test_publishing_on_load_is_recorded_as_an_import_with_no_user(corpus):
    claim = seeded_claim(AL_TANF)

    steps = list(ReviewTransition.objects.filter(claim=claim).values_list("from_state", "to_state", "by", "comment"))

    assert steps == [
        ("draft", "in_review", None, "Loaded from the seed corpus"),
        ("in_review", "published", None, "Loaded from the seed corpus"),
    ]


def test_only_the_demo_graded_outlets_leave_grade_f(corpus):
    graded = Outlet.objects.exclude(reliability="F")

    assert graded.get(slug="al-akhbar").reliability == "D"
    assert graded.get(slug="afp").reliability == "B"
    assert all(o.reliability_note.startswith("Demo grade") for o in graded)
    assert not Outlet.objects.filter(reliability="F").exclude(reliability_note="").exists()
