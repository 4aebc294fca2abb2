"""In a real browser, on a phone and a desktop: a citizen follows the catalogue to a decision,
its hearing and its meeting, and registers for the hearing without JavaScript; every page
passes axe; the editor's console pages too."""

from datetime import date, datetime

import pytest
from playwright.sync_api import expect

from gongkai.accounts.tests.factories import PASSWORD
from gongkai.core.clock import CHINA
from gongkai.decisions import workflow
from gongkai.decisions.models import Registration

from .factories import catalogue, decision_fields, government_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def district(government, unit_a, editor_a, reviewer_a):
    drafter = government_staff(government, "editor", "gov-editor")
    publisher = government_staff(government, "reviewer", "gov-reviewer")
    made = catalogue(drafter, government, decisions=[decision_fields(unit_a)], publisher=publisher)
    decision = made.decisions.get()
    hearing = workflow.create_hearing(
        actor=editor_a,
        unit=unit_a,
        decision=decision,
        subject="老旧小区改造方案听证会",
        description="改造范围和居民出资比例。",
        held_at=datetime(2026, 12, 28, 14, 30, tzinfo=CHINA),
        place="甲局一楼会议室",
        registration_opens=date(2026, 12, 3),
        registration_closes=date(2026, 12, 10),
        how_to_register="在线报名。",
        seats=10,
        rule="lottery",
    )
    workflow.announce_hearing(actor=reviewer_a, hearing=hearing)
    meeting = workflow.create_meeting(
        actor=editor_a, unit=unit_a, kind="unit", title="甲局局务会议", held_on=date(2026, 12, 1)
    )
    workflow.add_agenda_item(
        actor=editor_a, meeting=meeting, title="研究老旧小区改造方案", decision=decision
    )
    workflow.invite_attendee(
        actor=editor_a, meeting=meeting, kind="public", name="钱国平", organisation="居民代表"
    )
    workflow.announce_meeting(actor=reviewer_a, meeting=meeting)
    workflow.record_meeting_decisions(
        actor=reviewer_a, meeting=meeting, outcomes={1: "原则通过，按意见修改。"}
    )
    return decision, hearing, meeting


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_a_citizen_follows_a_decision_and_registers_for_its_hearing(
    browser_page, axe, known_calendar, district, width
):
    decision, hearing, meeting = district
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})

    def check():
        axe(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url

    page.goto("/units/")
    page.get_by_role("link", name="决策公开").first.click()
    check()
    page.get_by_role("link", name="测试区2026年度重大行政决策事项目录").click()
    check()
    page.get_by_role("link", name=decision.title).click()
    expect(page.get_by_text("当前进展")).to_contain_text("已列入目录")
    check()
    page.get_by_role("link", name="甲局局务会议").click()
    expect(page.get_by_text("钱*")).to_be_visible()
    check()
    page.goto(decision.get_absolute_url())
    page.get_by_role("link", name="老旧小区改造方案听证会").click()
    check()
    page.get_by_role("link", name="在线报名").click()
    check()
    page.get_by_label("姓名").fill("王建国")
    page.get_by_label("联系电话").fill("13800001001")
    page.get_by_role("button", name="提交报名").click()
    expect(page.get_by_role("heading", name="报名成功")).to_be_visible()
    check()
    assert Registration.objects.filter(hearing=hearing).count() == 1
    assert page.console_errors == []


def test_console_pages_pass_axe(browser_page, axe, known_calendar, district, editor_a):
    decision, hearing, meeting = district
    page = browser_page
    page.goto("/console/login/")
    page.get_by_label("用户名").fill(editor_a.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    for url in (
        "/console/decisions/",
        f"/console/decisions/{decision.pk}/",
        "/console/decisions/hearings/",
        f"/console/decisions/hearings/{hearing.pk}/",
        "/console/decisions/meetings/",
        f"/console/decisions/meetings/{meeting.pk}/",
    ):
        page.goto(url)
        axe(page)
