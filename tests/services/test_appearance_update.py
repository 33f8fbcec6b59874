from datetime import date, timedelta

import pytest
from django.utils import timezone

from claims.choices import ReviewState
from claims.errors import InvalidInput, NotAllowed
from claims.models import Appearance, Claim
from claims.services.appearances import appearance_update, appearance_withdraw
from claims.services.citations import citation_withdraw
from tests.factories import make_appearance, make_citation, make_claim, make_outlet

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain() -> tuple[Appearance, Appearance, Appearance]:
    """origin (Oct 21) <- middle (Oct 23) <- latest (Oct 25)."""
    claim = make_claim()
    origin = make_appearance(claim, published_on=date(2021, 10, 21))
    middle = make_appearance(claim, published_on=date(2021, 10, 23))
    latest = make_appearance(claim, published_on=date(2021, 10, 25))
    make_citation(middle, origin)
    make_citation(latest, middle)
    return origin, middle, latest


def test_appearance_fields_are_updated(editor):
    appearance = make_appearance()
    outlet = make_outlet()

    appearance_update(appearance=appearance, outlet=outlet, headline="Updated headline", by=editor)

    saved = Appearance.objects.get(pk=appearance.pk)
    assert (saved.outlet, saved.headline) == (outlet, "Updated headline")


def test_redating_between_what_it_cites_and_what_cites_it_is_accepted(chain):
    origin, middle, latest = chain

    appearance_update(appearance=middle, published_on=date(2021, 10, 22))

    assert Appearance.objects.get(pk=middle.pk).published_on == date(2021, 10, 22)


def test_redating_the_first_appearance_moves_first_reported(chain):
    origin, middle, latest = chain

    appearance_update(appearance=origin, published_on=date(2021, 10, 20))

    assert Claim.objects.get(pk=origin.claim_id).first_reported == date(2021, 10, 20)


def test_redating_before_an_appearance_it_cites_is_refused(chain, nothing_changes):
    origin, middle, latest = chain

    with (
        nothing_changes(),
        pytest.raises(InvalidInput, match="2021-10-20 is before 2021-10-21, the date of an appearance it cites"),
    ):
        appearance_update(appearance=middle, published_on=date(2021, 10, 20))

    assert Appearance.objects.get(pk=middle.pk).published_on == date(2021, 10, 23)


def test_redating_after_an_appearance_citing_it_is_refused(chain, nothing_changes):
    origin, middle, latest = chain

    with (
        nothing_changes(),
        pytest.raises(InvalidInput, match="2021-10-26 is after 2021-10-25, the date of an appearance citing it"),
    ):
        appearance_update(appearance=middle, published_on=date(2021, 10, 26))


def test_a_withdrawn_citation_no_longer_bounds_the_date(chain):
    origin, middle, latest = chain
    citation_withdraw(citation=middle.citations_made.get(), reason="It did not cite the origin after all.")

    appearance_update(appearance=middle, published_on=date(2021, 10, 20))

    assert Appearance.objects.get(pk=middle.pk).published_on == date(2021, 10, 20)


def test_redating_into_the_future_is_refused(nothing_changes):
    appearance = make_appearance()
    tomorrow = timezone.localdate() + timedelta(days=1)

    with nothing_changes(), pytest.raises(InvalidInput, match="is in the future"):
        appearance_update(appearance=appearance, published_on=tomorrow)


def test_removing_the_date_of_a_cited_appearance_is_refused(chain, nothing_changes):
    origin, middle, latest = chain

    with nothing_changes(), pytest.raises(InvalidInput, match="published_on"):
        appearance_update(appearance=middle, published_on=None)


def test_moving_an_appearance_to_another_claim_is_refused(nothing_changes):
    appearance = make_appearance()
    other = make_claim()

    with nothing_changes(), pytest.raises(NotAllowed, match="cannot move to another claim"):
        appearance_update(appearance=appearance, claim=other)


def test_updating_a_withdrawn_appearance_is_refused(nothing_changes):
    appearance = make_appearance()
    appearance_withdraw(appearance=appearance, reason="Wrong outlet recorded.")

    with nothing_changes(), pytest.raises(NotAllowed, match="withdrawn"):
        appearance_update(appearance=appearance, headline="Too late")


def test_updating_an_appearance_of_a_retracted_claim_is_refused(nothing_changes):
    appearance = make_appearance()
    Claim.objects.filter(pk=appearance.claim_id).update(review_state=ReviewState.RETRACTED)

    with nothing_changes(), pytest.raises(NotAllowed, match="retracted"):
        appearance_update(appearance=appearance, headline="Rewritten")


def test_an_unchanged_update_writes_nothing(nothing_changes):
    appearance = make_appearance(headline="Same")

    with nothing_changes():
        appearance_update(appearance=appearance, headline="Same", published_on=appearance.published_on)
