from datetime import date

import pytest

from claims.selectors.chains import claim_chain
from tests.factories import make_appearance, make_citation, make_claim, make_outlet

pytestmark = pytest.mark.django_db


def test_republication_is_part_of_the_chain_but_not_an_origin():
    claim = make_claim()
    first = make_appearance(claim, make_outlet(reliability="C"), published_on=date(2021, 10, 21))
    repeat = make_appearance(claim, make_outlet(), published_on=date(2021, 10, 22))
    make_citation(repeat, first, kind="republished")

    chain = claim_chain(claim)

    assert chain.origins == [first.pk]
    assert [n.id for n in chain.nodes] == [first.pk, repeat.pk]
    assert chain.independent_origin_count == 1
