"""Nothing is deleted: appearances, citations, evidence and affiliations are withdrawn with a reason."""

from datetime import date

import pytest

from claims.choices import Reliability, ResponsibilityStatus, ReviewState, Stance
from claims.errors import InvalidInput, NotAllowed
from claims.models import Affiliation, Appearance, Citation, Claim, StatusEvidence
from claims.selectors.chains import claim_chain
from claims.services.affiliations import affiliation_withdraw
from claims.services.appearances import appearance_withdraw
from claims.services.citations import citation_withdraw
from claims.services.evidence import evidence_withdraw
from tests.factories import (
    make_actor,
    make_affiliation,
    make_appearance,
    make_citation,
    make_claim,
    make_evidence,
    make_outlet,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain() -> tuple[Claim, Appearance, Appearance, Appearance]:
    """A strong origin (Oct 21, grade A) republished by two later appearances; a weak origin (Oct 22)."""
    claim = make_claim()
    strong = make_appearance(claim, make_outlet(reliability=Reliability.A), published_on=date(2021, 10, 21))
    weak = make_appearance(claim, make_outlet(reliability=Reliability.E), published_on=date(2021, 10, 22))
    repeat = make_appearance(claim, make_outlet(), published_on=date(2021, 10, 23))
    make_citation(repeat, strong)
    make_citation(make_appearance(claim, make_outlet(), published_on=date(2021, 10, 24)), repeat)
    return claim, strong, weak, repeat


def test_withdrawing_an_appearance_keeps_the_row_with_who_and_why(chain, editor):
    claim, strong, weak, repeat = chain

    appearance_withdraw(appearance=weak, reason="  Wrong outlet recorded.  ", by=editor)

    saved = Appearance.objects.get(pk=weak.pk)
    assert saved.withdrawn_at is not None
    assert (saved.withdrawn_reason, saved.withdrawn_by) == ("Wrong outlet recorded.", editor)
    assert Appearance.objects.filter(claim=claim).count() == 4
    assert weak.pk not in Appearance.objects.current().values_list("pk", flat=True)


def test_withdrawing_an_appearance_withdraws_the_citations_that_touch_it(chain, editor):
    claim, strong, weak, repeat = chain

    appearance_withdraw(appearance=repeat, reason="Not about this attack.", by=editor)

    touching = Citation.objects.filter(citing=repeat) | Citation.objects.filter(cited=repeat)
    assert touching.count() == 2
    for citation in touching:
        assert citation.withdrawn_at is not None
        assert citation.withdrawn_by == editor
        assert citation.withdrawn_reason == f"Appearance {repeat.pk} withdrawn: Not about this attack."
    assert not Citation.objects.current().filter(claim=claim).exists()


def test_a_withdrawn_appearance_stops_counting(chain):
    claim, strong, weak, repeat = chain
    before = Claim.objects.get(pk=claim.pk)
    assert (before.appearance_count, before.independent_origin_count) == (4, 2)
    assert before.admiralty_code.startswith(Reliability.A)

    appearance_withdraw(appearance=strong, reason="The article was about another claim.")

    after = Claim.objects.get(pk=claim.pk)
    assert after.appearance_count == 3
    assert after.first_reported == date(2021, 10, 22)
    assert after.confidence < before.confidence
    assert not after.admiralty_code.startswith(Reliability.A)
    # The republication that cited it now cites nothing: it is an origin in its own right.
    assert set(claim_chain(after).origins) == {weak.pk, repeat.pk}
    assert after.independent_origin_count == 2


def test_withdrawing_the_only_appearance_leaves_no_origin():
    appearance = make_appearance(outlet=make_outlet(reliability=Reliability.B))

    appearance_withdraw(appearance=appearance, reason="Duplicate record.")

    claim = Claim.objects.get(pk=appearance.claim_id)
    assert (claim.appearance_count, claim.independent_origin_count, claim.confidence) == (0, 0, 0)
    assert claim.first_reported is None
    assert claim_chain(claim).origins == []


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_withdrawing_an_appearance_without_a_reason_is_refused(chain, reason, nothing_changes):
    claim, strong, weak, repeat = chain

    with nothing_changes(), pytest.raises(InvalidInput, match="A reason is required") as refused:
        appearance_withdraw(appearance=repeat, reason=reason)

    assert refused.value.field == "reason"


def test_withdrawing_an_appearance_twice_is_refused(chain, nothing_changes):
    claim, strong, weak, repeat = chain
    appearance_withdraw(appearance=weak, reason="Duplicate record.")

    with nothing_changes(), pytest.raises(NotAllowed, match="already withdrawn"):
        appearance_withdraw(appearance=Appearance.objects.get(pk=weak.pk), reason="Again.")


def test_withdrawing_a_citation_makes_the_citing_appearance_an_origin(chain):
    claim, strong, weak, repeat = chain
    citation = Citation.objects.get(citing=repeat)

    citation_withdraw(citation=citation, reason="It did not cite the origin after all.")

    assert Citation.objects.get(pk=citation.pk).withdrawn_reason == "It did not cite the origin after all."
    assert repeat.pk in claim_chain(claim).origins
    assert Claim.objects.get(pk=claim.pk).independent_origin_count == 3


def test_withdrawing_a_citation_twice_or_without_a_reason_is_refused(chain, nothing_changes):
    claim, strong, weak, repeat = chain
    citation = Citation.objects.get(citing=repeat)

    with nothing_changes(), pytest.raises(InvalidInput, match="A reason is required"):
        citation_withdraw(citation=citation, reason=" ")
    citation_withdraw(citation=citation, reason="Misread.")
    with nothing_changes(), pytest.raises(NotAllowed, match="already withdrawn"):
        citation_withdraw(citation=citation, reason="Misread.")


def test_withdrawing_evidence_keeps_the_row_and_rederives_the_status(editor):
    claim = make_claim()
    evidence = make_evidence(claim, stance=Stance.CONFIRMS)

    evidence_withdraw(evidence=evidence, reason="The statement was fabricated.", by=editor)

    saved = StatusEvidence.objects.get(pk=evidence.pk)
    assert (saved.withdrawn_reason, saved.withdrawn_by) == ("The statement was fabricated.", editor)
    assert Claim.objects.get(pk=claim.pk).status == ResponsibilityStatus.UNCLAIMED


def test_withdrawing_evidence_twice_or_without_a_reason_is_refused(nothing_changes):
    evidence = make_evidence(make_claim())

    with nothing_changes(), pytest.raises(InvalidInput, match="A reason is required"):
        evidence_withdraw(evidence=evidence, reason="")
    evidence_withdraw(evidence=evidence, reason="Fabricated.")
    with nothing_changes(), pytest.raises(NotAllowed, match="already withdrawn"):
        evidence_withdraw(evidence=evidence, reason="Fabricated.")


def test_withdrawing_a_shared_affiliation_makes_the_origins_independent_again(committed):
    claim, actor = make_claim(), make_actor()
    first, second = make_outlet(), make_outlet()
    make_appearance(claim, first, published_on=date(2021, 10, 21))
    make_appearance(claim, second, published_on=date(2021, 10, 21))
    with committed():
        make_affiliation(first, actor)
        tie = make_affiliation(second, actor)
    assert Claim.objects.get(pk=claim.pk).independent_origin_count == 1

    with committed():
        affiliation_withdraw(affiliation=tie, reason="The report confused two channels.")

    assert Affiliation.objects.get(pk=tie.pk).withdrawn_reason == "The report confused two channels."
    assert Claim.objects.get(pk=claim.pk).independent_origin_count == 2


def test_withdrawing_an_affiliation_twice_is_refused(nothing_changes):
    tie = make_affiliation(make_outlet(), make_actor())
    affiliation_withdraw(affiliation=tie, reason="Corrected.")

    with nothing_changes(), pytest.raises(NotAllowed, match="already withdrawn"):
        affiliation_withdraw(affiliation=tie, reason="Corrected.")


def test_nothing_of_a_retracted_claim_can_be_withdrawn(chain, nothing_changes):
    claim, strong, weak, repeat = chain
    evidence = make_evidence(claim)
    Claim.objects.filter(pk=claim.pk).update(review_state=ReviewState.RETRACTED)

    with nothing_changes():
        with pytest.raises(NotAllowed, match="retracted"):
            appearance_withdraw(appearance=weak, reason="Tidying up.")
        with pytest.raises(NotAllowed, match="retracted"):
            citation_withdraw(citation=Citation.objects.get(citing=repeat), reason="Tidying up.")
        with pytest.raises(NotAllowed, match="retracted"):
            evidence_withdraw(evidence=StatusEvidence.objects.get(pk=evidence.pk), reason="Tidying up.")
