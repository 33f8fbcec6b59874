from datetime import date

import pytest

from claims.choices import CitationKind, Reliability, ReviewState
from claims.errors import InvalidInput, NotAllowed
from claims.models import Appearance, Citation, Claim
from claims.services.appearances import appearance_withdraw
from claims.services.citations import citation_create, citation_withdraw
from tests.factories import make_appearance, make_citation, make_claim, make_outlet

pytestmark = pytest.mark.django_db

DAY = date(2021, 10, 21)


def appearances(claim: Claim, count: int, *, published_on: date = DAY) -> list[Appearance]:
    return [
        make_appearance(claim, make_outlet(reliability=Reliability.C), published_on=published_on) for _ in range(count)
    ]


def test_citation_is_recorded_and_the_citing_appearance_stops_being_an_origin(editor):
    claim = make_claim()
    first = make_appearance(claim, make_outlet(reliability=Reliability.B), published_on=date(2021, 10, 21))
    repeat = make_appearance(claim, make_outlet(reliability=Reliability.B), published_on=date(2021, 10, 22))
    claim.refresh_from_db()
    assert claim.independent_origin_count == 2

    citation = citation_create(
        citing=repeat, cited=first, kind=CitationKind.REPUBLISHED, note="Word for word.", by=editor
    )

    saved = Citation.objects.get(pk=citation.pk)
    assert (saved.claim_id, saved.citing_id, saved.cited_id) == (claim.pk, repeat.pk, first.pk)
    assert (saved.kind, saved.note, saved.created_by) == (CitationKind.REPUBLISHED, "Word for word.", editor)
    assert list(Appearance.objects.filter(claim=claim).origins()) == [first]
    claim.refresh_from_db()
    assert claim.independent_origin_count == 1
    assert claim.appearance_count == 2


def test_citation_of_an_appearance_published_the_same_day_is_accepted():
    claim = make_claim()
    wire, paper = appearances(claim, 2)

    citation = citation_create(citing=paper, cited=wire)

    assert Citation.objects.filter(pk=citation.pk, citing=paper, cited=wire).exists()


def test_self_citation_is_refused(nothing_changes):
    (appearance,) = appearances(make_claim(), 1)

    with nothing_changes(), pytest.raises(InvalidInput, match="cannot cite itself") as refused:
        citation_create(citing=appearance, cited=appearance)

    assert refused.value.field == "cited"


def test_citation_between_appearances_of_different_claims_is_refused(nothing_changes):
    (one,) = appearances(make_claim(), 1)
    (other,) = appearances(make_claim(), 1)

    with nothing_changes(), pytest.raises(InvalidInput, match="must carry the same claim"):
        citation_create(citing=one, cited=other)


def test_citing_an_appearance_published_later_is_refused(nothing_changes):
    claim = make_claim()
    early = make_appearance(claim, published_on=date(2021, 10, 21))
    late = make_appearance(claim, published_on=date(2021, 10, 23))

    with nothing_changes(), pytest.raises(InvalidInput, match=r"published later \(2021-10-23\)"):
        citation_create(citing=early, cited=late)


def test_duplicate_citation_is_refused(nothing_changes):
    claim = make_claim()
    cited, citing = appearances(claim, 2)
    make_citation(citing, cited)

    with nothing_changes(), pytest.raises(InvalidInput, match="already cites"):
        citation_create(citing=citing, cited=cited, kind=CitationKind.QUOTED)


def test_a_withdrawn_citation_can_be_recorded_again():
    claim = make_claim()
    cited, citing = appearances(claim, 2)
    citation_withdraw(citation=make_citation(citing, cited), reason="Recorded on the wrong appearance.")

    again = citation_create(citing=citing, cited=cited)

    assert Citation.objects.filter(citing=citing, cited=cited).count() == 2
    assert list(Citation.objects.current().filter(citing=citing)) == [again]


def test_citation_that_closes_a_direct_cycle_is_refused(nothing_changes):
    claim = make_claim()
    a, b = appearances(claim, 2)
    make_citation(a, b)
    claim.refresh_from_db()
    confidence = claim.confidence

    with nothing_changes(), pytest.raises(InvalidInput, match="would close a cycle"):
        citation_create(citing=b, cited=a)

    claim.refresh_from_db()
    assert claim.confidence == confidence


def test_citation_that_closes_a_cycle_through_several_appearances_is_refused(nothing_changes):
    claim = make_claim()
    a, b, c, d = appearances(claim, 4)
    make_citation(b, a)
    make_citation(c, b)
    make_citation(d, c)

    with nothing_changes(), pytest.raises(InvalidInput, match=f"Appearance {d.pk} already draws on appearance {a.pk}"):
        citation_create(citing=a, cited=d)


def test_a_withdrawn_citation_does_not_count_towards_a_cycle():
    claim = make_claim()
    a, b = appearances(claim, 2)
    citation_withdraw(citation=make_citation(a, b), reason="Misread the article.")

    citation = citation_create(citing=b, cited=a)

    assert Citation.objects.current().get() == citation


def test_citation_from_or_to_a_withdrawn_appearance_is_refused(nothing_changes):
    claim = make_claim()
    kept, gone = appearances(claim, 2)
    appearance_withdraw(appearance=gone, reason="Duplicate of another record.")

    with nothing_changes():
        with pytest.raises(NotAllowed, match=f"Appearance {gone.pk} is withdrawn"):
            citation_create(citing=kept, cited=gone)
        with pytest.raises(NotAllowed, match=f"Appearance {gone.pk} is withdrawn"):
            citation_create(citing=gone, cited=kept)


def test_unknown_citation_kind_is_refused(nothing_changes):
    cited, citing = appearances(make_claim(), 2)

    with nothing_changes(), pytest.raises(InvalidInput, match="kind") as refused:
        citation_create(citing=citing, cited=cited, kind="rumoured")

    assert "kind" in refused.value.errors


def test_citation_on_a_retracted_claim_is_refused(nothing_changes):
    claim = make_claim()
    cited, citing = appearances(claim, 2)
    Claim.objects.filter(pk=claim.pk).update(review_state=ReviewState.RETRACTED)

    with nothing_changes(), pytest.raises(NotAllowed, match="retracted"):
        citation_create(citing=citing, cited=cited)
