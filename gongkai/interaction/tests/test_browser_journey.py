"""In a real browser on a phone, every page passing axe: a resident asks, the office assigns,
the unit forwards (the due date stays), the other unit answers, its reviewer publishes the
masked copy the asker agreed to, and the public page shows it without the asker's details.

Each step waits for what the person sees, and each person signs out before the next signs in:
clearing cookies instead left the previous session alive, and a late response of the page
before (every signed-in response sends the session cookie again) signed that person back in.
The journey reads nothing from the database while the server may be answering — it reads
the pages (with SQLite in memory, the test and the server share one connection)."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from gongkai.accounts.tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def _sign_in(page, user, url):
    """As a person following a link to a console page: the sign-in form, then that page."""
    page.goto(url)
    page.get_by_label("用户名").fill(user.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("banner")).to_contain_text(str(user))
    expect(page).to_have_url(re.compile(re.escape(url) + "$"))


def _sign_out(page):
    page.get_by_role("button", name="退出").click()
    expect(page.get_by_role("heading", name="工作人员登录")).to_be_visible()


def _fits(page):
    page.wait_for_load_state()  # the layout is final once the stylesheets are in
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def test_ask_assign_forward_answer_publish(
    browser_page,
    axe,
    known_calendar,
    government,
    unit_a,
    unit_b,
    office,
    editor_a,
    editor_b,
    reviewer_b,
):
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto("/interaction/")
    axe(page)
    page.get_by_role("link", name="咨询问题").click()
    expect(page.get_by_role("button", name="提交留言")).to_be_visible()
    axe(page)
    _fits(page)
    page.get_by_label("标题").fill("外地户籍人员申请公租房")
    page.get_by_label("内容").fill("我叫王芳，电话13800001111，请问外地户籍人员能否申请公租房？")
    page.get_by_label("姓名").fill("王芳")
    page.get_by_label("联系电话").fill("13800001111")
    page.get_by_label("同意公开我的留言和答复").check()
    page.get_by_role("button", name="提交留言").click()
    expect(page.get_by_role("heading", name="留言已提交")).to_be_visible()
    axe(page)
    number = page.locator("#tracking-number").inner_text()
    code = page.locator("#access-code").inner_text()

    _sign_in(page, office, "/console/interaction/")
    axe(page)
    page.get_by_role("link", name=number).click()
    expect(page.locator("#unit")).to_have_text("待分办")
    axe(page)
    question_url = urlsplit(page.url).path
    due = page.locator("#due-date").inner_text().split("（")[0]
    page.get_by_label("承办单位").select_option(label=unit_a.full_name)
    page.get_by_role("button", name="分办").click()
    expect(page.locator("#unit")).to_have_text(unit_a.full_name)
    _sign_out(page)

    _sign_in(page, editor_a, question_url)
    page.get_by_label("转至单位").select_option(label=unit_b.full_name)
    page.get_by_label("转办理由").fill("属于乙局职责")
    page.get_by_role("button", name="转办").click()
    # The question has left editor A's unit: back to the queue, with the message.
    expect(page.get_by_role("status")).to_have_text("已转办，答复期限不变。")
    expect(page).to_have_url(re.compile(r"/console/interaction/$"))
    expect(page.get_by_role("link", name=number)).to_have_count(0)
    axe(page)
    _sign_out(page)

    _sign_in(page, editor_b, question_url)
    expect(page.locator("#unit")).to_have_text(unit_b.full_name)
    expect(page.locator("#due-date")).to_contain_text(due)
    page.get_by_label("答复内容").fill("在本区稳定就业满一年的，可以申请。")
    page.get_by_role("button", name="提交答复").click()
    expect(page.locator("#status")).to_have_text("已答复")
    _sign_out(page)

    _sign_in(page, reviewer_b, question_url)
    # The public copy starts masked: the asker's name and phone are already covered.
    public_text = page.get_by_label("公开的问题")
    expect(public_text).to_have_value(re.compile(r"王\*.*138\*\*\*\*1111"))
    assert "13800001111" not in public_text.input_value()
    axe(page)
    page.get_by_role("button", name="公开", exact=True).click()
    expect(page.locator("#status")).to_have_text("已答复并公开")
    _sign_out(page)

    page.goto("/interaction/")
    page.get_by_role("link", name="外地户籍人员申请公租房").click()
    main = page.locator("main")
    expect(main).to_contain_text("在本区稳定就业满一年的，可以申请。")
    expect(main).to_contain_text(re.compile(r"留言人\s*王\*"))
    axe(page)
    _fits(page)
    assert "王芳" not in main.inner_text() and "13800001111" not in main.inner_text()

    page.goto("/interaction/status/")
    page.get_by_label("留言编号").fill(number)
    page.get_by_label("查询码").fill(code)
    page.get_by_role("button", name="查询").click()
    expect(page.locator("#status")).to_contain_text("已答复并公开")
    expect(main).to_contain_text("转办不影响答复期限")
    axe(page)
