import pytest

from claims.choices import ClaimKind, ReviewState
from claims.errors import InvalidInput, NotAllowed
from claims.models import Claim
from claims.services.claims import claim_update
from tests.factories import make_actor, make_claim

pytestmark = pytest.mark.django_db


def test_claim_fields_are_updated_and_search_text_follows(editor):
    claim = make_claim("Someone attacked al-Tanf.")
    actor = make_actor("Kataib Hezbollah", aliases=["كتائب حزب الله"])

    returned = claim_update(claim=claim, text="Kataib Hezbollah attacked al-Tanf.", subject=actor, by=editor)

    saved = Claim.objects.get(pk=claim.pk)
    assert (saved.text, saved.subject) == ("Kataib Hezbollah attacked al-Tanf.", actor)
    assert "كتائب حزب الله" in saved.search_text
    assert returned.search_text == saved.search_text


@pytest.mark.parametrize(
    "field, value",
    [("review_state", ReviewState.PUBLISHED), ("confidence", 100), ("status", "confirmed"), ("created_by", None)],
)
def test_a_field_that_cannot_be_edited_here_is_refused(field, value, nothing_changes):
    claim = make_claim()

    with nothing_changes(), pytest.raises(InvalidInput, match=f"cannot be changed here: {field}"):
        claim_update(claim=claim, **{field: value})


def test_an_unknown_kind_is_refused(nothing_changes):
    claim = make_claim()

    with nothing_changes(), pytest.raises(InvalidInput, match="kind"):
        claim_update(claim=claim, kind="rumour")


def test_a_retracted_claim_cannot_be_edited(nothing_changes):
    claim = make_claim()
    Claim.objects.filter(pk=claim.pk).update(review_state=ReviewState.RETRACTED)
    claim.refresh_from_db()

    with nothing_changes(), pytest.raises(NotAllowed, match="retracted"):
        claim_update(claim=claim, kind=ClaimKind.DENIAL)
