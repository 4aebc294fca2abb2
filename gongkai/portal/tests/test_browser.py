import re

import pytest
from playwright.sync_api import expect

from gongkai.accounts.tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_citizen_reaches_a_unit_column_and_editor_logs_in(browser_page, unit_a, editor_a):
    page = browser_page
    page.goto("/")
    page.get_by_role("link", name=re.compile("政府信息公开")).first.click()
    page.get_by_role("link", name=unit_a.full_name).click()
    page.get_by_role("link", name="政府信息公开指南").click()
    expect(page.get_by_role("heading", level=1, name=re.compile(unit_a.full_name))).to_be_visible()

    page.get_by_role("link", name="特大").click()
    expect(page.locator("html")).to_have_css("font-size", "22px")

    page.get_by_role("link", name="工作人员登录").click()
    page.get_by_label("用户名").fill(editor_a.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", name="工作台")).to_be_visible()
    assert page.console_errors == []


def test_skip_link_is_the_first_keyboard_stop(browser_page, db):
    page = browser_page
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "跳到正文"
