import pytest

from claims.choices import CitationKind
from claims.errors import FrozenRow, InvalidInput, NotAllowed
from claims.models import Citation
from claims.services.citations import citation_update, citation_withdraw
from tests.factories import make_appearance, make_citation, make_claim

pytestmark = pytest.mark.django_db


@pytest.fixture
def citation() -> Citation:
    claim = make_claim()
    return make_citation(make_appearance(claim), make_appearance(claim))


def test_kind_and_note_are_updated(citation, editor):
    citation_update(citation=citation, kind=CitationKind.TRANSLATED, note="From the Arabic.", by=editor)

    saved = Citation.objects.get(pk=citation.pk)
    assert (saved.kind, saved.note) == (CitationKind.TRANSLATED, "From the Arabic.")


@pytest.mark.parametrize("end", ["citing", "cited"])
def test_changing_an_end_of_a_citation_is_refused(citation, end, nothing_changes):
    other = make_appearance(citation.claim)

    with nothing_changes(), pytest.raises(NotAllowed, match="ends cannot change"):
        citation_update(citation=citation, **{end: other})


def test_moving_a_citation_to_another_claim_is_refused(citation, nothing_changes):
    elsewhere = make_claim()

    with nothing_changes(), pytest.raises(FrozenRow, match="cannot move to another claim"):
        citation_update(citation=citation, claim=elsewhere)


def test_an_unknown_kind_is_refused(citation, nothing_changes):
    with nothing_changes(), pytest.raises(InvalidInput, match="kind"):
        citation_update(citation=citation, kind="rumoured")


def test_updating_a_withdrawn_citation_is_refused(citation, nothing_changes):
    citation_withdraw(citation=citation, reason="Misread.")

    with nothing_changes(), pytest.raises(NotAllowed, match="withdrawn"):
        citation_update(citation=citation, note="Too late.")


def test_a_field_that_cannot_be_edited_is_refused(citation, nothing_changes):
    with nothing_changes(), pytest.raises(InvalidInput, match="cannot be changed here: created_by"):
        citation_update(citation=citation, created_by=None)
