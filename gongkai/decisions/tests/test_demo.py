"""The demo's 决策公开 is made through the workflow, dated in the past of the load day, and
shows every state a reader meets: a catalogue with decisions at each step, a hearing drawn by
lottery with its record, one taking registrations, meetings with a late and a missing
interpretation."""

import io
from datetime import date

import pytest

from gongkai.audit.models import AuditEvent
from gongkai.core.clock import local_now
from gongkai.decisions import demo, rules, services
from gongkai.decisions.models import (
    Catalogue,
    Decision,
    DecisionState,
    Hearing,
    HearingState,
    Meeting,
    Registration,
)
from gongkai.units.models import Unit


@pytest.fixture
def demo_district(db, known_calendar):
    from gongkai.accounts import demo as accounts_demo
    from gongkai.units import demo as units_demo

    for module in (units_demo, accounts_demo):
        module.load(io.StringIO())


@pytest.mark.parametrize("load_day", [date(2026, 12, 3), date(2026, 5, 12)])
def test_demo_walks_every_state_in_the_past(at, demo_district, load_day):
    at(load_day.year, load_day.month, load_day.day, 14)
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    assert Catalogue.objects.published().count() == 1
    states = set(Decision.objects.values_list("state", flat=True))
    assert {DecisionState.PUBLISHED, DecisionState.DECIDED, DecisionState.WITHDRAWN} <= states
    made = AuditEvent.objects.filter(action__startswith="decisions.")
    assert made.count() > 100 and not made.filter(created_at__gt=local_now()).exists()
    fares = Hearing.objects.get(state=HearingState.HELD)
    numbers = list(
        Registration.objects.filter(hearing=fares).order_by("id").values_list("number", flat=True)
    )
    chosen = set(fares.registrations.filter(selected=True).values_list("number", flat=True))
    assert chosen == set(rules.draw_order(fares.seed, numbers)[: fares.seats])
    assert Hearing.objects.get(state=HearingState.ANNOUNCED).registration_open(load_day)
    assert Meeting.objects.count() == 12
    district = Unit.objects.get(code="dlq")
    late = services.missing_interpretations([district], load_day)
    assert [item.meeting.title for item, _due in late] == ["区政府第10次常务会议"]
