"""One journey in a real browser: a visitor comments, staff moderate and answer and generate
the feedback report, it is published, a reviewer closes, and the report is on the public page.
Every page on the way passes axe, on a phone for the public pages."""

import re

import pytest

from gongkai.accounts.tests.factories import PASSWORD

from .factories import open_consultation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, user):
    page.context.clear_cookies()
    page.goto("/console/login/")
    page.get_by_label("用户名").fill(user.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()


def _publish(document, editor, reviewer):
    from gongkai.publishing import workflow as publishing

    publishing.submit(actor=editor, document=document)
    publishing.review(
        actor=reviewer,
        document=document,
        confidentiality_result="同意公开",
        disclosure_confirmed=True,
    )
    publishing.publish(actor=reviewer, document=document)


def test_comment_moderate_answer_close_and_read_the_report(
    browser_page, axe, at, known_calendar, unit_a, editor_a, reviewer_a
):
    at(2026, 3, 2)
    consultation = open_consultation(editor_a, reviewer_a, unit_a)
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto("/consultations/")
    axe(page)
    page.get_by_role("link", name=consultation.title).click()
    axe(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("link", name="对第2段提意见").click()
    axe(page)
    page.get_by_label("意见内容").fill("步行十分钟太远，建议改为五分钟。")
    page.get_by_label("姓名或名称（选填）").fill("张小明")
    page.get_by_role("button", name="提交意见").click()
    assert "感谢您的意见" in page.content()

    page.set_viewport_size({"width": 1280, "height": 900})
    _login(page, editor_a)
    page.goto(f"/console/participation/{consultation.pk}/")
    axe(page)
    page.get_by_role("button", name=re.compile(r"^公开")).click()
    assert "已公开" in page.content()
    page.get_by_label("处理结果:").select_option("adopted")
    page.get_by_label("理由:").fill("已改为步行五分钟范围内。")
    page.get_by_role("button", name="保存处理结果").click()
    assert "已答复第1组意见" in page.content()
    axe(page)

    at(2026, 4, 2)
    _login(page, editor_a)
    page.goto(f"/console/participation/{consultation.pk}/")
    page.get_by_label("总体说明（选填）").fill("采纳意见1组。")
    page.get_by_role("button", name="生成意见采纳情况").click()
    assert "已生成意见采纳情况" in page.content()
    axe(page)
    # The report goes through publishing's review like any document (its pages are tested
    # there): the editor submits it, another reviewer reviews and publishes it.
    consultation.refresh_from_db()
    _publish(consultation.feedback_report, editor_a, reviewer_a)
    _login(page, reviewer_a)
    page.goto(f"/console/participation/{consultation.pk}/")
    page.get_by_role("button", name="办结").click()
    assert "已办结" in page.content()

    page.context.clear_cookies()
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"/consultations/{consultation.pk}/")
    report = page.locator("section", has=page.get_by_role("heading", name="意见采纳情况"))
    assert "采纳意见1组。" in report.inner_text()
    assert "公开征求意见采纳情况" in report.get_by_role("link").first.inner_text()
    assert "已改为步行五分钟范围内。" in page.content()
    assert "张*" in page.content() and "张小明" not in page.content()
    axe(page)
    assert page.console_errors == []
