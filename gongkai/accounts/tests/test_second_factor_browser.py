"""In a real browser: an administrator signs in for the first time, enrols an authenticator app
from the QR page (typing the secret, as someone who cannot scan would), keeps the recovery
codes, and later signs in with one of them when the phone is not at hand."""

import pytest
from playwright.sync_api import expect

from gongkai.accounts import second_factor
from gongkai.accounts.tests.factories import PASSWORD, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _password(page, username):
    page.goto("/console/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()


def test_first_sign_in_enrols_then_a_recovery_code_signs_in_once(browser_page, axe, government):
    StaffFactory(username="sec-one", membership__unit=government, membership__role="secadmin")
    page = browser_page

    _password(page, "sec-one")
    page.wait_for_url("**/console/second-factor/setup/**")
    expect(page.get_by_role("heading", level=1)).to_have_text("设置动态口令")
    expect(page.locator("svg")).to_be_visible()
    expect(page.get_by_role("navigation", name="工作台导航")).to_have_count(0)
    axe(page)
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    page.get_by_role("textbox", name="动态口令").fill(second_factor.current_code(secret))
    page.get_by_role("button", name="完成设置").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("动态口令已设置")
    codes = page.get_by_role("list", name="恢复码").locator("code").all_inner_texts()
    assert len(codes) == second_factor.RECOVERY_CODE_COUNT
    axe(page)
    page.get_by_role("link", name="我已保存，继续").click()
    expect(page.get_by_role("navigation", name="工作台导航")).to_contain_text("重置动态口令")
    page.get_by_role("link", name="重置动态口令").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("重置动态口令")
    axe(page)

    page.get_by_role("button", name="退出").click()
    _password(page, "sec-one")
    page.wait_for_url("**/console/second-factor/**")
    axe(page)
    page.get_by_role("textbox", name="动态口令").fill(codes[0])
    page.get_by_role("button", name="验证").click()
    expect(page.locator(".messages")).to_contain_text(f"还剩 {len(codes) - 1} 个")

    page.get_by_role("button", name="退出").click()
    _password(page, "sec-one")
    page.get_by_role("textbox", name="动态口令").fill(codes[0])
    page.get_by_role("button", name="验证").click()
    expect(page.locator(".errorlist")).to_contain_text("不正确")
    assert page.console_errors == []
