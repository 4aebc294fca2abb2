"""In a real browser: an editor imports a Word file and submits it, a reviewer publishes it,
and a citizen finds it in the unit's column."""

import re

import pytest
from playwright.sync_api import expect

from gongkai.accounts.tests.factories import PASSWORD
from gongkai.publishing import samplefiles

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "测试区甲局关于开展2024年防汛应急演练的通知"


def _login(page, user):
    page.goto("/console/login/")
    page.get_by_label("用户名").fill(user.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()


def test_import_submit_review_publish_then_visible_on_portal(
    browser_page, axe, unit_a, editor_a, reviewer_a
):
    page = browser_page
    _login(page, editor_a)
    page.goto("/console/publishing/import/")
    docx = samplefiles.docx_bytes(
        [
            "测试区甲局文件",
            "测甲发〔2024〕11号",
            TITLE,
            "各科室：",
            "定于汛前组织一次应急演练。",
            "测试区甲局",
            "二〇二四年五月六日",
        ]
    )
    page.get_by_label("Word 文档（DOCX）").set_input_files(
        {"name": "演练通知.docx", "mimeType": "application/octet-stream", "buffer": docx}
    )
    page.get_by_role("button", name="导入").click()
    expect(page.get_by_label("标题（必填）")).to_have_value(TITLE)
    page.get_by_label("主题分类").select_option("02.03")
    page.get_by_label("文种", exact=True).select_option("notice")
    page.get_by_label("法定公开事项").select_option("a20.12")
    page.get_by_role("button", name="保存草稿").click()
    expect(page.get_by_text("未发现问题。")).to_be_visible()
    page.get_by_role("button", name="提交审核").click()
    expect(page.get_by_text("已提交审核。")).to_be_visible()
    page.get_by_role("button", name="退出").click()

    _login(page, reviewer_a)
    page.goto("/console/publishing/")
    page.get_by_role("link", name=TITLE).click()
    body = page.get_by_role("region", name="正文（发布后的样子）")
    expect(body.get_by_text("定于汛前组织一次应急演练。")).to_be_visible()
    expect(page.get_by_label(re.compile("保密审查意见"))).to_have_value("")
    axe(page)
    page.get_by_label(re.compile("保密审查意见")).fill(
        "已审查正文和元数据，不涉及秘密和个人隐私，同意公开。"
    )
    page.get_by_label(re.compile("已核对公开属性")).check()
    page.get_by_role("button", name="审核通过").click()
    page.get_by_role("button", name="发布", exact=True).click()
    expect(page.get_by_text("已发布。")).to_be_visible()

    page.goto(f"/units/{unit_a.code}/statutory/")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    expect(page.get_by_role("cell", name="测甲发〔2024〕11号")).to_be_visible()
    axe(page)
    assert page.console_errors == []
