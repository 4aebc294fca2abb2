"""An extension on a phone and on a computer: the handler asks the head, the head finds the
request on the dashboard and approves what was asked, and each page stays clean under axe."""

import re

import pytest
from playwright.sync_api import expect

from gongkai.accounts.tests.factories import PASSWORD
from gongkai.applications import workflow
from gongkai.applications.tests.console_page import action, next_step
from gongkai.applications.tests.factories import application_input, moment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _log_in(page, user):
    page.goto("/console/login/")
    page.get_by_label("用户名").fill(user.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("button", name="退出")).to_be_visible()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_handler_asks_and_the_head_approves_the_extension(
    browser_page, axe, holiday_calendar, unit_a, editor_a, head_a, time_machine, viewport
):
    time_machine.move_to(moment(2026, 9, 24), tick=False)
    application, _code = workflow.register_application(actor=None, **application_input(unit_a))
    time_machine.move_to(moment(2026, 10, 20), tick=True)
    page = browser_page
    page.set_viewport_size(viewport)

    _log_in(page, editor_a)
    page.goto(f"/console/applications/{application.pk}/")
    step = action(page, "请负责人批准延期")
    axe(page)
    step.get_by_label("请求延长工作日数").fill("15")
    step.get_by_label("延期理由").fill("涉及多个部门的档案，需逐一调阅。")
    step.get_by_role("button", name="请负责人批准延期").click()
    expect(page.get_by_role("status")).to_have_text("已保存。")
    expect(next_step(page)).to_contain_text("由谁办理：政府信息公开工作机构负责人")
    expect(next_step(page).get_by_role("button")).to_have_count(0)
    axe(page)
    page.get_by_role("button", name="退出").click()

    _log_in(page, head_a)
    request = page.get_by_role("link", name=re.compile("答复期限延长 15 个工作日"))
    expect(request).to_be_visible()
    axe(page)
    request.click()
    step = action(page, "批准延期答复")
    expect(step.get_by_label("延长工作日数")).to_have_value("15")
    expect(step.get_by_label("延期理由")).to_have_value("涉及多个部门的档案，需逐一调阅。")
    axe(page)
    step.get_by_label("批准日期").fill("2026-10-20")
    step.get_by_role("button", name="批准延期答复").click()
    expect(page.get_by_role("status")).to_have_text("已保存。")
    expect(page.get_by_role("link", name="延期答复告知书")).to_be_visible()
    # 20 working days from 24 Sep (National Day and Mid-Autumn skipped), then 15 more.
    expect(page.locator("#due-date")).to_contain_text("2026年11月19日")
    axe(page)
    assert page.console_errors == []
