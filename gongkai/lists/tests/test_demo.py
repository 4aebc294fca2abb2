"""The demo district's lists are made through the import and review workflow, each step on
a day counted back from the load day, so the flags the office and the public see are true
whenever the demo is loaded."""

import io
from datetime import timedelta

import pytest

from gongkai.audit.models import AuditEvent
from gongkai.core.clock import local_date, local_today
from gongkai.lists import demo, rules, services
from gongkai.lists.models import ListVersion, PublicList
from gongkai.units.models import Unit


@pytest.fixture
def demo_district(db, known_calendar):
    from gongkai.accounts import demo as accounts_demo
    from gongkai.units import demo as units_demo

    for module in (units_demo, accounts_demo):
        module.load(io.StringIO())


def _standings(today):
    government = Unit.objects.get(code="dlq")
    units = list(services.units_of_government(government))
    return {
        (unit.code, kind): standing
        for unit, states in services.office_overview(units, government, today)
        for kind, standing in states
    }


def test_demo_lists_are_imported_reviewed_and_revised(demo_district):
    demo.load(io.StringIO())
    published = PublicList.objects.published()
    steps = demo._steps(local_today())
    assert set(published.values_list("unit__code", "kind")) == {(s[0], s[1]) for s in steps}
    market = published.get(unit__code="scjgj", kind="powers")
    assert market.current.number == 2 and market.current.note == demo.REVISION_NOTE
    assert services.changes_in(market.current).summary == "新增 1 项，修改 1 项"
    # Every version went through an editor's import and another person's publication, on
    # the day the version says it was published.
    for version in ListVersion.objects.published():
        imported = AuditEvent.objects.for_target(version).get(action="lists.import")
        published_by = AuditEvent.objects.for_target(version).get(action="lists.publish")
        assert imported.actor.username.endswith("-editor")
        assert published_by.actor.username.endswith("-reviewer")
        assert (
            local_date(published_by.created_at) == local_date(version.published_at) < local_today()
        )
    catalogue = published.get(unit__code="scjgj", kind="functions").current
    assert catalogue.entries.get(key="ZN-02").data["powers"] == "CF-001、QZ-001"


def test_the_offices_flags_are_true_on_the_load_day(demo_district):
    demo.load(io.StringIO())
    today = local_today()
    states = _standings(today)
    assert states[("fgj", "powers")].state == "stale"
    assert states[("fgj", "powers")].age_days > 365
    assert states[("xzspj", "services")].state == "stale"
    assert states[("scjgj", "powers")].state == "current"
    assert states[("zjj", "key_tasks")].state == "current"
    assert (states[("jyj", "powers")].state, states[("jyj", "powers")].age_days) == ("late", 200)


def test_a_milestone_and_two_answers_are_late_on_the_load_day(demo_district):
    demo.load(io.StringIO())
    today = local_today()

    def flags(code, kind):
        version = PublicList.objects.get(unit__code=code, kind=kind).current
        found = {
            e.key: rules.variance(version.schema, e.data, today) for e in version.entries.all()
        }
        return {key: flag for key, flag in found.items() if flag}

    tasks = flags("zjj", "key_tasks")
    assert list(tasks.values()) == ["逾期未完成"]
    assert next(iter(tasks)).endswith("-01-2")  # the west estate
    assert sorted(flags("jtj", "proposals").values()) == sorted(["逾期答复", "逾期未答复"])
    # The second version's new progress came with new evidence.
    tasks_list = PublicList.objects.get(unit__code="zjj", kind="key_tasks")
    assert tasks_list.current.number == 2
    assert "佐证材料" in str(services.changes_in(tasks_list.current).changed[0].fields)


def test_content_dates_follow_the_load_day(demo_district):
    demo.load(io.StringIO())
    today = local_today()
    officers = PublicList.objects.get(unit__code="scjgj", kind="officers").current
    assert {e.data["valid_until"] for e in officers.entries.all()} == {
        (today + timedelta(days=700)).isoformat()
    }
    findings = PublicList.objects.get(unit__code="sjj", kind="audit_findings").current
    deadlines = sorted(e.data["deadline"] for e in findings.entries.all())
    assert deadlines == [
        (today - timedelta(days=90)).isoformat(),
        (today + timedelta(days=30)).isoformat(),
    ]


def test_loading_twice_adds_nothing(demo_district):
    demo.load(io.StringIO())
    count = ListVersion.objects.count()
    demo.load(io.StringIO())
    assert ListVersion.objects.count() == count
