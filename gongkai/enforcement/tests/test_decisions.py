"""Enforcement decisions: the deadline on the working-day calendar, masking, review,
revocation, the publication period, scoping over HTTP, and the count in table 二."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from gongkai.accounts.tests.factories import MembershipFactory
from gongkai.enforcement import rules, services
from gongkai.enforcement.models import DecisionState
from gongkai.enforcement.tests.factories import register_penalty
from gongkai.reports import presentation, workflow
from gongkai.reports import services as report_services

pytestmark = pytest.mark.django_db


def test_the_deadline_counts_working_days_across_the_national_day_holiday(known_calendar):
    # Monday 28 September 2026: seven working days later is 13 October (the holiday runs
    # 1–7 October and Saturday 10 October is worked), not 7 October.
    assert rules.publication_due(known_calendar, date(2026, 9, 28)) == date(2026, 10, 13)
    assert not rules.is_late(known_calendar, date(2026, 9, 28), date(2026, 10, 13))
    assert rules.is_late(known_calendar, date(2026, 9, 28), date(2026, 10, 14))


@pytest.mark.parametrize(("day", "late"), [(13, False), (14, True)])
def test_a_decision_published_after_the_deadline_is_flagged(
    known_calendar, at, unit_a, editor_a, reviewer_a, client, day, late
):
    at(2026, 9, 30)
    decision = register_penalty(editor_a, unit_a)
    assert decision.due_on == date(2026, 10, 13)
    at(2026, 10, day)
    decision = services.publish(actor=reviewer_a, decision=decision)
    assert decision.is_late is late
    page = client.get(reverse("enforcement:detail", args=[decision.pk])).content.decode()
    assert ("逾期公示" in page) is late


def test_a_natural_persons_data_is_masked_and_an_enterprises_is_not(
    known_calendar, unit_a, editor_a, reviewer_a, client, at
):
    at(2026, 9, 30)
    person = services.publish(actor=reviewer_a, decision=register_penalty(editor_a, unit_a))
    firm = register_penalty(
        editor_a,
        unit_a,
        number="测甲罚〔2026〕13号",
        party_kind="organisation",
        party_name="东岚某某餐饮有限公司",
        party_identifier="91330100MA2XXXXX1X",
    )
    firm = services.publish(actor=reviewer_a, decision=firm)
    page = client.get(reverse("enforcement:detail", args=[person.pk])).content.decode()
    assert "王**" in page and "110105********002X" in page
    assert "王小明" not in page and "11010519491231002X" not in page
    page = client.get(reverse("enforcement:detail", args=[firm.pk])).content.decode()
    assert "东岚某某餐饮有限公司" in page and "91330100MA2XXXXX1X" in page
    listing = client.get(reverse("enforcement:list")).content.decode()
    assert "王小明" not in listing


def test_the_person_who_registered_cannot_publish(known_calendar, unit_a, editor_a, at):
    at(2026, 9, 30)
    MembershipFactory(user=editor_a, unit=unit_a, role="reviewer")
    decision = register_penalty(editor_a, unit_a)
    with pytest.raises(PermissionDenied):
        services.publish(actor=editor_a, decision=decision)


def test_revoked_and_expired_decisions_leave_the_site(
    known_calendar, at, unit_a, editor_a, reviewer_a, client
):
    at(2026, 9, 30)
    kept = services.publish(actor=reviewer_a, decision=register_penalty(editor_a, unit_a))
    revoked = services.publish(
        actor=reviewer_a, decision=register_penalty(editor_a, unit_a, number="测甲罚〔2026〕14号")
    )
    services.revoke(actor=reviewer_a, decision=revoked, reason="经行政复议撤销")
    assert client.get(reverse("enforcement:detail", args=[revoked.pk])).status_code == 404
    assert client.get(reverse("enforcement:detail", args=[kept.pk])).status_code == 200
    assert kept.public_until == date(2029, 9, 29)
    at(2029, 9, 29)
    assert client.get(reverse("enforcement:detail", args=[kept.pk])).status_code == 200
    at(2029, 9, 30)
    assert client.get(reverse("enforcement:detail", args=[kept.pk])).status_code == 404
    assert "测甲罚" not in client.get(reverse("enforcement:list")).content.decode()


def test_another_units_staff_cannot_publish_or_revoke(
    known_calendar, unit_a, editor_a, reviewer_a, reviewer_b, client_of, at
):
    at(2026, 9, 30)
    draft = register_penalty(editor_a, unit_a)
    client = client_of(reviewer_b)
    assert client.post(reverse("console-enforcement:publish", args=[draft.pk])).status_code == 404
    published = services.publish(
        actor=reviewer_a, decision=register_penalty(editor_a, unit_a, number="测甲罚〔2026〕15号")
    )
    url = reverse("console-enforcement:revoke", args=[published.pk])
    assert client.post(url, {"reason": "恶意"}).status_code == 404
    published.refresh_from_db()
    draft.refresh_from_db()
    assert (draft.state, published.state) == (DecisionState.DRAFT, DecisionState.PUBLISHED)
    assert "测甲罚" not in client.get(reverse("console-enforcement:list")).content.decode()


def _table2(report):
    tables = report_services.compute_tables(report)
    return tables, {k: tables.table2[k] for k in presentation.ENFORCEMENT_CELLS}


def test_table_two_counts_the_decisions_of_a_unit_that_publishes_all_of_them_here(
    known_calendar, at, unit_a, editor_a, reviewer_a, office
):
    at(2026, 9, 30)
    for number, kind in (("1", "penalty"), ("2", "penalty"), ("3", "licence")):
        decision = register_penalty(editor_a, unit_a, number=f"测甲〔2026〕{number}号", kind=kind)
        services.publish(actor=reviewer_a, decision=decision)
    revoked = services.publish(
        actor=reviewer_a, decision=register_penalty(editor_a, unit_a, number="测甲〔2026〕4号")
    )
    services.revoke(actor=reviewer_a, decision=revoked, reason="经复议撤销")
    register_penalty(editor_a, unit_a, number="测甲〔2026〕5号")  # never published: not counted
    register_penalty(editor_a, unit_a, number="测甲〔2025〕9号", decided_on=date(2025, 12, 30))
    at(2027, 1, 10)
    report = workflow.generate_report(actor=editor_a, unit=unit_a, year=2026)
    report.licensing_decisions, report.penalty_decisions = 40, 50
    report.save()
    tables, cells = _table2(report)
    # Not yet confirmed by the office: the typed figures stand, and the note says so.
    assert cells == {
        "licensing.decisions": 40,
        "penalty.decisions": 50,
        "enforcement.decisions": report.enforcement_decisions,
    }
    assert "由单位根据其执法业务系统填报" in presentation.source_note(tables)
    services.set_source(actor=office, unit=unit_a, all_on_platform=True)
    tables, cells = _table2(report)
    assert cells == {
        "licensing.decisions": 1,
        "penalty.decisions": 3,
        "enforcement.decisions": 0,
    }
    assert "由本平台公示的行政执法决定统计" in presentation.source_note(tables)
    assert tables.table2_sources["penalty.decisions"] == "computed"


def test_the_report_drill_down_lists_the_decisions_counted(
    known_calendar, at, unit_a, editor_a, reviewer_a, office, client_of
):
    at(2026, 9, 30)
    decision = services.publish(actor=reviewer_a, decision=register_penalty(editor_a, unit_a))
    services.set_source(actor=office, unit=unit_a, all_on_platform=True)
    at(2027, 1, 10)
    report = workflow.generate_report(actor=editor_a, unit=unit_a, year=2026)
    url = reverse("console-reports:cell", args=[report.pk, "t2", "penalty.decisions"])
    page = client_of(editor_a).get(url)
    assert page.status_code == 200, url
    assert decision.number in page.content.decode()


def test_the_api_and_the_feed_show_the_party_masked(
    known_calendar, unit_a, editor_a, reviewer_a, client, at
):
    at(2026, 9, 30)
    decision = services.publish(actor=reviewer_a, decision=register_penalty(editor_a, unit_a))
    found = client.get("/api/v1/enforcement-decisions", {"kind": "penalty"}).json()
    assert [(d["number"], d["party"], d["party_identifier"]) for d in found] == [
        (decision.number, "王**", "110105********002X")
    ]
    assert client.get("/api/v1/enforcement-decisions", {"kind": "licence"}).json() == []
    feed = client.get(reverse("enforcement:feed")).content.decode()
    assert decision.number in feed and "王**" in feed and "王小明" not in feed


def test_the_office_sees_per_unit_which_decisions_were_published_late_or_still_wait(
    known_calendar, at, unit_a, unit_b, editor_a, reviewer_a, editor_b, office, client_of
):
    at(2026, 9, 30)
    on_time = register_penalty(editor_a, unit_a, number="测甲罚〔2026〕1号")
    late = register_penalty(editor_a, unit_a, number="测甲罚〔2026〕2号")
    waiting = register_penalty(editor_b, unit_b, number="测乙罚〔2026〕1号")
    at(2026, 10, 12)
    services.publish(actor=reviewer_a, decision=on_time)
    at(2026, 10, 20)
    services.publish(actor=reviewer_a, decision=late)
    found = services.punctuality([unit_a, unit_b], 2026, date(2026, 10, 20))
    assert found[unit_a.pk] == services.Punctuality(published=2, late=1, overdue=0)
    assert found[unit_b.pk] == services.Punctuality(published=0, late=0, overdue=1)
    assert waiting.due_on == date(2026, 10, 13)
    page = client_of(office).get(reverse("console-lists:office")).content.decode()
    assert "已公示 2<br>逾期公示 1" in page
    assert "已公示 0<br>待公示已逾期 1" in page
