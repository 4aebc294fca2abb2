"""In a real browser: an administrator pastes a notice, checks the preview and saves it; a
citizen then uses the calculator and opens its explanation."""

import pytest

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
    assert "识别结果：2027年" in preview.inner_text()
    assert "2027年2月20日（星期六）" in preview.inner_text()
    page.get_by_role("button", name="确认保存").click()

    page.wait_for_url("**/console/workdays/year/2027/")
    assert "已保存2027年节假日安排（第1版）" in page.locator(".messages").inner_text()
    assert "第1版" in page.locator("main").inner_text()

    page.goto("/workdays/")
    page.get_by_label("起算日期").fill("2026-12-10")
    page.get_by_label("工作日数").fill("20")
    page.get_by_role("button", name="计算").click()
    assert "2027年1月8日" in page.locator("#result").inner_text()
    assert "暂定" not in page.locator("#result").inner_text()

    page.get_by_text("这个日期是怎么算的").click()
    row = page.get_by_role("row", name="2027-01-01")
    assert row.is_visible()
    assert "元旦放假，不计入" in row.inner_text()
    assert page.console_errors == []
