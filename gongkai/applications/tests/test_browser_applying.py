"""A citizen applies on a phone and on a computer: reads what happens next and the flow chart,
makes mistakes, is led to each one, fixes them in one go, and keeps the receipt."""

import re

import pytest
from playwright.sync_api import expect

from gongkai.applications.tests.factories import PNG, resident_id

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PROOF = [{"name": "id.png", "mimeType": "image/png", "buffer": PNG}]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_citizen_applies_fixing_every_mistake_in_one_round(
    browser_page, axe, unit_a, known_calendar, at, viewport
):
    at(2026, 9, 24)
    page = browser_page
    page.set_viewport_size(viewport)
    page.goto("/")
    page.get_by_role("link", name="依申请公开").first.click()
    axe(page)
    page.get_by_role("link", name="申请须知和办理流程图").click()
    expect(page.get_by_role("img", name="依申请公开办理流程")).to_be_visible()
    expect(page.get_by_role("link", name="政府信息公开申请表（PDF，可直接打印）")).to_be_visible()
    axe(page)
    page.go_back()

    page.get_by_label("受理单位").select_option(label=unit_a.full_name)
    page.get_by_label("姓名或名称").fill("李明")
    page.get_by_label("证件号码").fill("110101199003070000")  # wrong check digit
    page.get_by_label("身份证明").set_input_files(files=PROOF)
    page.get_by_label("联系电话").fill("13800138000")
    page.get_by_label("获取信息方式").select_option("email")  # but no e-mail address
    page.get_by_label("所需信息的内容描述").fill("请公开改造项目名单。")
    expect(page.get_by_role("heading", name="提交前请了解：提交后会怎样")).to_be_attached()
    page.get_by_role("button", name="提交申请").click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_count(4)  # number, proof again, e-mail, title
    axe(page)
    summary.get_by_role("link", name=re.compile("^所需信息名称：")).click()
    expect(page.get_by_label("所需信息名称")).to_be_focused()
    page.get_by_label("所需信息名称").fill("老旧小区改造项目清单")
    page.get_by_label("证件号码").fill(resident_id())
    page.get_by_label("电子邮箱").fill("liming@example.com")
    page.get_by_label("身份证明").set_input_files(files=PROOF)
    page.get_by_role("button", name="提交申请").click()

    expect(page.get_by_role("heading", name="申请已提交")).to_be_visible()
    number = page.locator("#tracking-number").inner_text()
    axe(page)
    page.reload()
    expect(page.locator("#tracking-number")).to_have_text(number)
    expect(page.get_by_role("heading", name="接下来会怎样")).to_be_visible()
    page.get_by_role("link", name="查看办理进度").click()
    expect(page.locator("#status")).to_have_text("办理中")
    axe(page)
    assert page.console_errors == []
