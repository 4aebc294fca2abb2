"""The handler's page leads with the step the law expects now and who takes it."""

import pytest

pytestmark = pytest.mark.django_db


def _next_step(page):
    return page.split('id="next-step-title"', 1)[1].split("</section>", 1)[0]


def test_an_open_application_leads_with_the_reply(submit, unit_a, editor_a, client_of):
    application = submit(unit_a)
    page = client_of(editor_a).get(f"/console/applications/{application.pk}/").content.decode()
    step = _next_step(page)
    assert "下一步：答复" in step and "由谁办理：</strong>承办人" in step
    assert 'value="issue_reply"' in step
    others = page.split("其他办理操作", 1)[1]
    assert "<summary>告知补正</summary>" in others and 'value="issue_reply"' not in others


def test_while_waiting_for_the_applicant_the_page_says_so(submit, unit_a, editor_a, client_of):
    from gongkai.applications import workflow
    from gongkai.core.clock import local_today

    application = submit(unit_a)
    workflow.request_correction(
        actor=editor_a, application=application, items="请写明年份。", sent_on=local_today()
    )
    page = client_of(editor_a).get(f"/console/applications/{application.pk}/").content.decode()
    step = _next_step(page)
    assert "申请人补正" in step and 'value="receive_correction"' in step
