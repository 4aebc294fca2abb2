"""The demo's enforcement decisions are registered and published on days counted back from
the load day: the late one is late by construction, the revoked one has left the site."""

import io

import pytest

from gongkai.audit.models import AuditEvent
from gongkai.core.clock import local_date, local_today
from gongkai.enforcement import demo, rules
from gongkai.enforcement.models import Decision, DecisionState
from gongkai.workdays.calendar import add_working_days


@pytest.fixture
def demo_district(db, known_calendar):
    from gongkai.accounts import demo as accounts_demo
    from gongkai.units import demo as units_demo

    for module in (units_demo, accounts_demo):
        module.load(io.StringIO())


def test_demo_decisions_are_published_one_late_one_revoked(demo_district, known_calendar):
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    assert Decision.objects.count() == 4
    decisions = Decision.objects.published()
    assert decisions.count() == 3
    late = decisions.get(is_late=True)
    assert late.title == "未取得食品经营许可从事食品经营活动"
    due = rules.publication_due(known_calendar, late.decided_on)
    assert late.published_on == add_working_days(known_calendar, due, demo.LATE_BY)
    for decision in decisions.filter(is_late=False):
        assert decision.decided_on < decision.published_on <= decision.due_on
        assert str(decision.decided_on.year) in decision.number
    person = decisions.get(party_kind="natural_person")
    assert person.shown_party == ("赵**", "330102********0031")
    revoked = Decision.objects.get(state=DecisionState.REVOKED)
    assert revoked.published_on < revoked.revoked_on < local_today()
    # Audited on the days the records carry.
    published = AuditEvent.objects.for_target(late).get(action="enforcement.publish")
    assert local_date(published.created_at) == late.published_on
