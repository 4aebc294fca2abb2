"""属地管理、分级负责: who answers for an incident, and where a late one goes."""

import pytest

from gongkai.concerns import territory
from gongkai.concerns.territory import Tier
from gongkai.units.models import UnitKind
from gongkai.units.tests.factories import GovernmentFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def city():
    """A city with a district under it, the district with a sub-district and a department."""
    city = GovernmentFactory(code="city", full_name="测试市人民政府", short_name="测试市")
    city_office = UnitFactory(parent=city, code="city-office", kind=UnitKind.GOVERNMENT_OFFICE)
    district = GovernmentFactory(code="district", full_name="测试市甲区人民政府", parent=city)
    street = UnitFactory(parent=district, code="street", kind=UnitKind.SUBDISTRICT)
    bureau = UnitFactory(parent=district, code="bureau", kind=UnitKind.DEPARTMENT)
    return {
        "city": city,
        "city_office": city_office,
        "district": district,
        "street": street,
        "bureau": bureau,
    }


def test_tiers_follow_the_tree(city):
    assert territory.tier_of(city["street"]) == Tier.TOWNSHIP
    assert territory.tier_of(city["district"]) == Tier.COUNTY
    assert territory.tier_of(city["bureau"]) == Tier.COUNTY
    assert territory.tier_of(city["city"]) == Tier.CITY
    assert territory.tier_of(city["city_office"]) == Tier.CITY


def test_a_government_alone_is_a_county(government, street):
    assert territory.tier_of(government) == Tier.COUNTY
    assert territory.tier_of(street) == Tier.TOWNSHIP


@pytest.mark.parametrize(
    ("tier", "expected"),
    [
        (Tier.TOWNSHIP, "street"),
        (Tier.COUNTY, "district"),
        (Tier.CITY, "city"),
        # No province on the platform: the highest government answers.
        (Tier.PROVINCE, "city"),
    ],
)
def test_the_responsible_unit_is_the_territory_at_the_levels_tier(city, tier, expected):
    assert territory.responsible_unit(city["street"], tier) == city[expected]


def test_a_territory_above_the_levels_tier_answers_itself(city):
    assert territory.responsible_unit(city["district"], Tier.TOWNSHIP) == city["district"]


@pytest.mark.parametrize(
    ("start", "target"),
    [
        ("street", "district"),  # a township goes to its government
        ("bureau", "district"),  # a department to its government's office (none: itself)
        ("district", "city_office"),  # a government to the office of the one above
        ("city_office", None),  # nothing above on the platform
    ],
)
def test_escalation_goes_one_step_up(city, start, target):
    found = territory.escalation_target(city[start])
    assert found == (city[target] if target else None)


def test_a_department_goes_to_its_governments_office(government, unit_a, gov_office):
    assert territory.escalation_target(unit_a) == gov_office
