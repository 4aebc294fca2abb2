"""In a real browser: an administrator pastes a notice, checks the preview and saves it; a
citizen then uses the calculator and opens its explanation."""

import pytest
from playwright.sync_api import expect

from gongkai.accounts.tests.factories import PASSWORD, StaffFactory
from gongkai.workdays.services import load_chinesecalendar_years
from gongkai.workdays.tests.notices import HYPOTHETICAL_NOTICE_2027


@pytest.mark.browser
def test_paste_notice_confirm_then_calculate_with_explanation(browser_page, government):
    # A live server empties the database between tests; reload what migrate installs.
    load_chinesecalendar_years()
    StaffFactory(username="calendar-admin", membership__unit=government, membership__role="office")
    page = browser_page

    page.goto("/console/login/?next=/console/workdays/notice/")
    page.get_by_label("用户名").fill("calendar-admin")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()

    page.get_by_label("通知全文").fill(HYPOTHETICAL_NOTICE_2027)
    page.get_by_role("button", name="识别").click()
    preview = page.locator("#preview")
    expect(preview).to_contain_text("识别结果：2027年")
    expect(preview).to_contain_text("2027年2月20日（星期六）")
    page.get_by_role("button", name="确认保存").click()

    page.wait_for_url("**/console/workdays/year/2027/")
    expect(page.locator(".messages")).to_contain_text("已保存2027年节假日安排（第1版）")
    expect(page.locator("main")).to_contain_text("第1版")

    page.goto("/workdays/")
    page.evaluate("window.stillThisPage = true")
    page.get_by_label("起算日期").fill("2026-12-10")
    page.get_by_label("工作日数").fill("20")
    page.get_by_role("button", name="计算").click()
    expect(page.locator("#result")).to_contain_text("2027年1月8日")
    # htmx swapped the result into the page (no reload) and the address can be shared.
    assert page.evaluate("window.stillThisPage") is True
    page.wait_for_url("**/workdays/?start=2026-12-10&days=20")
    expect(page.locator("#result")).not_to_contain_text("暂定")

    page.get_by_text("这个日期是怎么算的").click()
    row = page.get_by_role("row", name="2027-01-01")
    expect(row).to_be_visible()
    expect(row).to_contain_text("元旦放假，不计入")
    assert page.console_errors == []
