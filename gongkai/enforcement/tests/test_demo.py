import io

import pytest

from gongkai.enforcement import demo
from gongkai.enforcement.models import Decision


@pytest.fixture
def demo_district(db, known_calendar):
    from gongkai.accounts import demo as accounts_demo
    from gongkai.units import demo as units_demo

    for module in (units_demo, accounts_demo):
        module.load(io.StringIO())


def test_demo_decisions_are_published_one_of_them_late(demo_district):
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    decisions = Decision.objects.published()
    assert decisions.count() == len(demo.DECISIONS)
    # Made thirty days ago: more than seven working days, whatever the holidays.
    assert [d.number for d in decisions.filter(is_late=True)] == ["东市监罚〔2026〕71号"]
    person = decisions.get(party_kind="natural_person")
    assert person.shown_party == ("赵**", "330102********0031")
