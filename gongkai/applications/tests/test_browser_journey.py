"""One application in a real browser: the applicant submits the public form, staff handle it in
the console (correction, third-party consultation, extension, reply), and the applicant follows
it on the status page and downloads the reply letter."""

import re

import pytest
from playwright.sync_api import expect

from gongkai.accounts.tests.factories import PASSWORD
from gongkai.applications.letters import docx_text
from gongkai.applications.tests.console_page import action, next_step
from gongkai.applications.tests.factories import PNG, moment, resident_id

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "老旧小区改造项目清单"


def _submit_public_form(page, unit):
    page.goto("/apply/")
    page.get_by_label("受理单位").select_option(label=unit.full_name)
    page.get_by_label("姓名或名称").fill("李明")
    page.get_by_label("证件号码").fill(resident_id())
    page.get_by_label("身份证明").set_input_files(
        files=[{"name": "id.png", "mimeType": "image/png", "buffer": PNG}]
    )
    page.get_by_label("联系电话").fill("13800138000")
    page.get_by_label("电子邮箱").fill("liming@example.com")
    page.get_by_label("所需信息名称").fill(TITLE)
    page.get_by_label("所需信息的内容描述").fill("请公开改造项目名单。")
    page.get_by_label("获取信息方式").select_option("online")
    page.get_by_role("button", name="提交申请").click()
    expect(page.locator("#tracking-number")).not_to_be_empty()
    return page.locator("#tracking-number").inner_text(), page.locator("#access-code").inner_text()


def _look_up(page, number, code):
    page.goto("/apply/status/")
    page.get_by_label("申请编号").fill(number)
    page.get_by_label("查询码").fill(code)
    page.get_by_role("button", name="查询").click()


def _open_in_console(page, user, number):
    """Log in (each working day: the console session does not outlive a night) and open the
    application from the unit's work queue."""
    page.goto("/console/login/")
    page.get_by_label("用户名").fill(user.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("button", name="退出")).to_be_visible()
    page.get_by_role("navigation", name="工作台导航").get_by_role("link", name="依申请公开").click()
    page.get_by_role("link", name=number).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)


def _save(page, form, label, *, status):
    form.get_by_role("button", name=label).click()
    expect(page.get_by_role("status")).to_have_text("已保存。")
    expect(page.locator("#status")).to_have_text(status)


def _log_out(page):
    page.get_by_role("button", name="退出").click()
    expect(page.get_by_role("heading", name="工作人员登录")).to_be_visible()


def test_public_form_through_the_console_to_the_downloaded_reply(
    browser_page, holiday_calendar, unit_a, editor_a, head_a, time_machine
):
    page = browser_page

    def on(month, day):
        time_machine.move_to(moment(2026, month, day), tick=True)

    on(9, 1)
    number, code = _submit_public_form(page, unit_a)

    on(9, 3)
    _open_in_console(page, editor_a, number)
    form = action(page, "告知补正")
    form.get_by_label("需要补正的事项（一次性列明）").fill("请写明所需信息的年份。")
    form.get_by_label("告知日期").fill("2026-09-03")
    _save(page, form, "告知补正", status="待补正")
    _log_out(page)

    on(9, 4)
    _look_up(page, number, code)
    expect(page.locator("#status")).to_have_text("待补正")
    expect(page.get_by_role("link", name="补正告知书")).to_be_visible()

    on(9, 8)
    _open_in_console(page, editor_a, number)
    form = action(page, "收到补正")
    form.get_by_label("补正后的申请内容").fill("所需信息为2025年的项目名单。")
    form.get_by_label("收到补正之日").fill("2026-09-08")
    _save(page, form, "收到补正", status="办理中")
    expect(page.get_by_text("所需信息为2025年的项目名单。")).to_be_visible()
    _log_out(page)

    on(9, 9)
    _open_in_console(page, editor_a, number)
    form = action(page, "征求意见")
    form.get_by_label("类型").select_option(label="征求第三方意见")
    form.get_by_label("被征求意见方").fill("某建设公司")
    form.get_by_label("征求意见的事项").fill("名单含该公司的中标金额。")
    # The correction notice's date field above has the same id, so this label points there.
    form.locator("[name=sent_on]").fill("2026-09-09")
    _save(page, form, "征求意见", status="征求意见中")
    _log_out(page)

    on(9, 11)
    _open_in_console(page, editor_a, number)
    form = action(page, "登记对方收到征求意见书之日")
    form.get_by_label("对方收到征求意见书之日").fill("2026-09-10")
    _save(page, form, "登记对方收到征求意见书之日", status="征求意见中")
    expect(page.locator("[id^=consultation-]")).to_contain_text("2026-09-10 收到")
    _log_out(page)

    on(9, 15)
    _open_in_console(page, editor_a, number)
    form = action(page, "记录征求意见答复")
    form.get_by_label("答复意见").select_option(label="同意公开")
    form.get_by_label("收到答复日期").fill("2026-09-15")
    _save(page, form, "记录征求意见答复", status="办理中")
    expect(page.locator("[id^=consultation-]")).to_contain_text("同意公开")
    _log_out(page)

    on(10, 9)
    # The editor asks the head to approve an extension; only the head may extend (Art. 33).
    _open_in_console(page, editor_a, number)
    form = action(page, "请负责人批准延期")
    form.get_by_label("请求延长工作日数").fill("10")
    form.get_by_label("延期理由").fill("需调阅档案。")
    _save(page, form, "请负责人批准延期", status="办理中")
    step = next_step(page)
    expect(step).to_contain_text("由谁办理：政府信息公开工作机构负责人")
    expect(step.get_by_role("button")).to_have_count(0)
    _log_out(page)
    # The head finds the request on the dashboard and approves what was asked.
    page.get_by_label("用户名").fill(head_a.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.get_by_role("link", name=re.compile(f"申请 {number} 的答复期限延长 10 个工作日")).click()
    form = action(page, "批准延期答复")
    expect(form.get_by_label("延长工作日数")).to_have_value("10")
    expect(form.get_by_label("延期理由")).to_have_value("需调阅档案。")
    form.get_by_label("批准日期").fill("2026-10-09")
    _save(page, form, "批准延期答复", status="办理中")
    expect(page.get_by_role("link", name="延期答复告知书")).to_be_visible()
    _log_out(page)

    _look_up(page, number, code)
    expect(page.locator("#status")).to_have_text("办理中")
    # 20 working days from the corrected application (8 Sep), not counting the consultation
    # (9-15 Sep), Mid-Autumn and National Day, then 10 more: the dates typed in the console.
    expect(page.locator("#due-date")).to_have_text("2026年11月2日")
    expect(page.get_by_role("link", name="延期答复告知书")).to_be_visible()

    on(10, 20)
    _open_in_console(page, editor_a, number)
    form = action(page, "答复")
    form.get_by_label("办理结果").select_option(label="予以公开")
    form.get_by_label("获取信息的方式、途径和时间").fill("请在本网站下载附件。")
    form.get_by_label("答复日期").fill("2026-10-20")
    _save(page, form, "答复", status="已答复")
    _log_out(page)

    on(10, 21)
    _look_up(page, number, code)
    expect(page.locator("#status")).to_have_text("已答复")
    expect(page.locator(".meta")).to_contain_text("2026年10月20日")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="政府信息公开申请答复书").click()
    with open(download_info.value.path(), "rb") as downloaded:
        letter = docx_text(downloaded.read())
    assert "您申请的信息予以公开。请在本网站下载附件。" in letter
    assert page.console_errors == []
