"""Running the command: appending to a corpus, determinism, and its options."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from claims.fastpath.synthetic import chain_ref
from claims.models import Appearance, Citation, Claim, Outlet
from tests.factories import make_outlet
from tests.fastpath.synthetic.conftest import generate

pytestmark = pytest.mark.django_db


def test_running_twice_appends_without_clashing_ids():
    generate("--claims", "40", "--seed", "1")
    first = set(Claim.objects.values_list("id", flat=True))
    first_appearances = Appearance.objects.count()
    out = generate("--claims", "40", "--seed", "2")
    second = set(Claim.objects.values_list("id", flat=True)) - first
    assert len(second) == 40 and min(second) > max(first)
    assert Appearance.objects.count() > first_appearances
    assert Claim.objects.filter(external_ref=chain_ref(100)).count() == 1
    assert "Already present" in out


def test_the_services_keep_working_after_a_run():
    """Ids were given explicitly; the sequences must have moved past them."""
    generate("--claims", "20")
    outlet = make_outlet("A newsroom added by hand")
    assert outlet.pk > Outlet.objects.exclude(pk=outlet.pk).order_by("-id").first().pk


def test_the_same_seed_gives_the_same_claims():
    generate("--claims", "30", "--seed", "5", "--chain-sizes", "none")
    generate("--claims", "30", "--seed", "5", "--chain-sizes", "none")
    texts = list(Claim.objects.order_by("id").values_list("text", "confidence", "appearance_count"))
    assert texts[:30] == texts[30:]


def test_chain_sizes_are_configurable():
    generate("--claims", "10", "--chain-sizes", "12,30", "--viral", "1")
    assert Claim.objects.get(external_ref=chain_ref(12)).appearances.count() == 12
    assert Claim.objects.get(external_ref=chain_ref(30)).appearances.count() == 30
    assert Citation.objects.filter(claim__external_ref=chain_ref(30)).exists()
    assert Claim.objects.order_by("-appearance_count").first().appearance_count >= 1_500


@pytest.mark.parametrize(
    "args",
    [["--claims", "0"], ["--claims", "2", "--chain-sizes", "100,200,300"], ["--claims", "5", "--chain-sizes", "x"]],
)
def test_it_refuses_bad_options(args):
    with pytest.raises(CommandError):
        call_command("generate_synthetic", *args, stdout=StringIO(), stderr=StringIO())
    assert Claim.objects.count() == 0
