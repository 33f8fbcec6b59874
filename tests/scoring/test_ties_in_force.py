""" "An affiliation in force on a day" is one rule in two forms: the Q expression the database
answers (`in_force_on`, behind `valid_on` and the `affiliated_with` filter) and the Python
check on ties already read (`Tie.holds_on`, behind independence). They must agree."""

from datetime import date, timedelta
from itertools import product

import pytest

from claims.models import Affiliation
from claims.scoring.independence import Tie
from tests.factories import make_actor, make_affiliation, make_outlet

pytestmark = pytest.mark.django_db

DAY = date(2021, 10, 20)
BOUNDS = [None, DAY - timedelta(days=1), DAY, DAY + timedelta(days=1)]


def test_the_database_and_python_agree_on_every_span_and_day():
    outlet = make_outlet("Al-Akhbar")
    spans = [(start, end) for start, end in product(BOUNDS, BOUNDS) if not (start and end and end < start)]
    ties = {}
    for number, (start, end) in enumerate(spans):
        affiliation = make_affiliation(outlet, make_actor(f"Actor {number}"), valid_from=start, valid_to=end)
        ties[affiliation.pk] = Tie(affiliation.actor_id, "", start, end)

    for day in [DAY - timedelta(days=2), *BOUNDS[1:], DAY + timedelta(days=2)]:
        in_database = set(Affiliation.objects.valid_on(day).values_list("pk", flat=True))
        in_python = {pk for pk, tie in ties.items() if tie.holds_on(day)}
        assert in_database == in_python, day
