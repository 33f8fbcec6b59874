"""The derived columns have one definition (claims/scoring/derived.py) that every writer uses."""

from claims.models.claim import COMPUTED_FIELDS
from claims.scoring.derived import Derived, outlet_names_in_report_order


def test_the_derived_columns_are_the_claims_computed_fields():
    assert list(Derived.__dataclass_fields__) == list(COMPUTED_FIELDS)


def test_outlet_names_list_each_outlet_once_in_the_order_it_first_reported():
    reports = [(2, ["Al-Mayadeen"]), (1, ["Al-Akhbar", "Akhbar"]), (2, ["Al-Mayadeen"]), (3, [])]

    assert outlet_names_in_report_order(reports) == ["Al-Mayadeen", "Al-Akhbar", "Akhbar"]
