from datetime import date, timedelta

import pytest
from django.utils import timezone

from claims.choices import Reliability, ReviewState
from claims.errors import InvalidInput, NotAllowed
from claims.models import Appearance, Claim
from claims.services.appearances import appearance_create
from tests.factories import make_appearance, make_claim, make_outlet

pytestmark = pytest.mark.django_db


def test_appearance_is_recorded_and_the_claim_is_rescored_at_once(editor):
    claim = make_claim()
    outlet = make_outlet(reliability=Reliability.B)

    appearance = appearance_create(
        claim=claim,
        outlet=outlet,
        published_on=date(2021, 10, 21),
        url="https://example.org/tanf",
        headline="Drones strike al-Tanf",
        attributed_source="an anonymous US official",
        by=editor,
    )

    saved = Appearance.objects.get(pk=appearance.pk)
    assert (saved.claim, saved.outlet, saved.published_on) == (claim, outlet, date(2021, 10, 21))
    assert saved.attributed_source == "an anonymous US official"
    assert saved.created_by == editor
    stored = Claim.objects.get(pk=claim.pk)
    assert stored.appearance_count == 1
    assert stored.independent_origin_count == 1
    assert stored.first_reported == date(2021, 10, 21)
    assert stored.confidence > 0
    assert stored.admiralty_code.startswith(Reliability.B)


def test_first_reported_is_the_earliest_appearance():
    claim = make_claim()
    make_appearance(claim, published_on=date(2021, 10, 23))
    make_appearance(claim, published_on=date(2021, 10, 21))

    assert Claim.objects.get(pk=claim.pk).first_reported == date(2021, 10, 21)


def test_arabic_text_is_stored_and_read_back_as_given():
    outlet = make_outlet("الأخبار")
    excerpt = "«غرفة عمليات حلفاء سوريا» تتبنى الهجوم على قاعدة التنف"

    appearance = make_appearance(
        outlet=outlet,
        headline="هجوم بطائرات مسيّرة على التنف",
        excerpt=excerpt,
        attributed_source="مصادر في المقاومة العراقية",
        language="ar",
    )

    saved = Appearance.objects.get(pk=appearance.pk)
    assert saved.headline == "هجوم بطائرات مسيّرة على التنف"
    assert saved.excerpt == excerpt
    assert saved.attributed_source == "مصادر في المقاومة العراقية"
    assert saved.outlet.name == "الأخبار"


def test_appearance_published_today_is_accepted():
    appearance = make_appearance(published_on=timezone.localdate())

    assert Appearance.objects.filter(pk=appearance.pk).exists()


def test_appearance_published_in_the_future_is_refused(nothing_changes):
    claim, outlet = make_claim(), make_outlet()
    tomorrow = timezone.localdate() + timedelta(days=1)

    with nothing_changes(), pytest.raises(InvalidInput, match=f"published_on {tomorrow} is in the future") as refused:
        appearance_create(claim=claim, outlet=outlet, published_on=tomorrow)

    assert refused.value.field == "published_on"


def test_appearance_without_a_date_is_refused(nothing_changes):
    claim, outlet = make_claim(), make_outlet()

    with nothing_changes(), pytest.raises(InvalidInput, match="published_on") as refused:
        appearance_create(claim=claim, outlet=outlet, published_on=None)

    assert "published_on" in refused.value.errors


def test_appearance_with_a_malformed_url_is_refused(nothing_changes):
    claim, outlet = make_claim(), make_outlet()

    with nothing_changes(), pytest.raises(InvalidInput, match="url"):
        appearance_create(claim=claim, outlet=outlet, published_on=date(2021, 10, 21), url="not a link")


def test_appearance_of_a_retracted_claim_is_refused(nothing_changes):
    claim, outlet = make_claim(), make_outlet()
    Claim.objects.filter(pk=claim.pk).update(review_state=ReviewState.RETRACTED)
    claim.refresh_from_db()

    with nothing_changes(), pytest.raises(NotAllowed, match="retracted"):
        appearance_create(claim=claim, outlet=outlet, published_on=date(2021, 10, 21))
