"""Migration 0019 rewrites the search keys folding changes, and only those."""

import importlib

import pytest
from django.apps import apps

from claims.models import Actor, Claim, Outlet
from claims.scoring.derived import claim_search_text, names_search_text
from claims.transliteration import skeleton
from tests.factories import make_actor, make_appearance, make_claim, make_outlet

pytestmark = pytest.mark.django_db

refold = importlib.import_module("claims.migrations.0029_arabic_script_search_folding").refold


def test_the_keys_written_before_the_folding_are_written_again():
    subject = make_actor("كتائب حزب الله", aliases=["Kataib Hezbollah"])
    outlet = make_outlet("صابرين نيوز")
    arabic = make_claim("أعلنت الكتائب مسؤوليتها", subject=subject)
    make_appearance(arabic, outlet)
    english = make_claim("Reuters reported the strike")
    Claim.objects.update(search_text="stale", text_key="stale")
    Outlet.objects.filter(pk=outlet.pk).update(search_names="stale")
    Actor.objects.filter(pk=subject.pk).update(search_names="stale")

    refold(apps, None)

    arabic.refresh_from_db()
    assert arabic.text_key == skeleton(arabic.text)
    assert arabic.search_text == claim_search_text(
        arabic.text, subject_names=["كتائب حزب الله", "Kataib Hezbollah"], outlet_names=["صابرين نيوز"]
    )
    assert Outlet.objects.get(pk=outlet.pk).search_names == names_search_text("صابرين نيوز", [])
    assert Claim.objects.get(pk=english.pk).search_text == "stale"  # nothing of it in Arabic script
