"""Hypothesis strategies for origins, shared by the property tests."""

from datetime import date, timedelta

from hypothesis import strategies as st

from claims.choices import Reliability
from claims.scoring.independence import Origin

GRADES = st.sampled_from(Reliability.values)
DAYS = st.integers(min_value=0, max_value=400).map(lambda n: date(2021, 1, 1) + timedelta(days=n))


@st.composite
def origins(draw, max_size: int = 8) -> list[Origin]:
    """Origins over a small pool of outlets and actors, so dependence happens often."""
    count = draw(st.integers(min_value=0, max_value=max_size))
    grade_of_outlet = {}
    result = []
    for index in range(count):
        outlet_id = draw(st.integers(min_value=1, max_value=6))
        grade = grade_of_outlet.setdefault(outlet_id, draw(GRADES))
        actors = draw(st.frozensets(st.integers(min_value=100, max_value=104), max_size=2))
        result.append(
            Origin(
                appearance_id=index + 1,
                outlet_id=outlet_id,
                outlet_name=f"Outlet {outlet_id}",
                reliability=grade,
                published_on=draw(DAYS),
                actor_ids=actors,
            )
        )
    return result
