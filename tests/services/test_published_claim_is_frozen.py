import pytest

from claims.errors import NotAllowed
from claims.models import Claim
from claims.services.claims import claim_update
from claims.services.workflow import claim_publish_imported
from tests.factories import make_actor, make_appearance, make_claim, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def published() -> Claim:
    claim = make_claim("Group X attacked al-Tanf.", event=make_event())
    return claim_publish_imported(claim=claim, comment="test")


@pytest.mark.parametrize("field", ["text", "kind", "subject", "event"])
def test_a_published_claims_assertion_cannot_change(published, field, editor):
    value = {"text": "Group Y attacked al-Tanf.", "kind": "denial", "subject": make_actor(), "event": make_event()}[
        field
    ]

    with pytest.raises(NotAllowed, match="retract it"):
        claim_update(claim=published, by=editor, **{field: value})

    saved = Claim.objects.get(pk=published.pk)
    assert (saved.text, saved.kind, saved.subject_id, saved.event_id) == (
        "Group X attacked al-Tanf.",
        "attribution",
        None,
        published.event_id,
    )


def test_a_published_claim_still_takes_notes_and_new_reporting(published, editor):
    claim_update(claim=published, notes="Checked against the Arabic original.", by=editor)
    make_appearance(published)

    saved = Claim.objects.get(pk=published.pk)
    assert saved.notes == "Checked against the Arabic original."
    assert saved.appearance_count == 1
