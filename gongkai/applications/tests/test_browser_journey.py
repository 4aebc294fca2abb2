"""One application from the public form to the applicant downloading the reply letter."""

import datetime

import pytest
from playwright.sync_api import expect

from gongkai.applications import workflow
from gongkai.applications.letters import docx_text
from gongkai.applications.models import Application, ConsultationKind, ConsultationReply
from gongkai.applications.outcomes import Outcome
from gongkai.applications.tests.factories import PNG, moment, resident_id

D = datetime.date


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_public_form_to_downloaded_reply(
    browser_page, holiday_calendar, unit_a, editor_a, head_a, time_machine
):
    page = browser_page
    time_machine.move_to(moment(2026, 9, 1), tick=True)
    page.goto("/apply/")
    page.select_option("#id_unit", label=unit_a.full_name)
    page.fill("#id_applicant_name", "李明")
    page.fill("#id_identity_number", resident_id())
    page.set_input_files(
        "#id_identity_proof", files=[{"name": "id.png", "mimeType": "image/png", "buffer": PNG}]
    )
    page.fill("#id_phone", "13800138000")
    page.fill("#id_email", "liming@example.com")
    page.fill("#id_title", "老旧小区改造项目清单")
    page.fill("#id_description", "请公开改造项目名单。")
    page.select_option("#id_delivery_wanted", "online")
    page.get_by_role("button", name="提交申请").click()
    number = page.locator("#tracking-number").inner_text()
    code = page.locator("#access-code").inner_text()
    application = Application.objects.get(tracking_number=number)

    time_machine.move_to(moment(2026, 9, 3), tick=True)
    workflow.request_correction(
        actor=editor_a, application=application, items="请写明年份。", sent_on=D(2026, 9, 3)
    )
    time_machine.move_to(moment(2026, 9, 8), tick=True)
    workflow.receive_correction(
        actor=editor_a, application=application, received_on=D(2026, 9, 8), corrected_text="2025年"
    )
    time_machine.move_to(moment(2026, 9, 9), tick=True)
    consultation = workflow.start_consultation(
        actor=editor_a,
        application=application,
        kind=ConsultationKind.THIRD_PARTY,
        party_name="某建设公司",
        matter="名单含该公司信息。",
        sent_on=D(2026, 9, 9),
    )
    time_machine.move_to(moment(2026, 9, 15), tick=True)
    workflow.record_consultation_reply(
        actor=editor_a,
        consultation=consultation,
        reply=ConsultationReply.CONSENT,
        replied_on=D(2026, 9, 15),
    )
    time_machine.move_to(moment(2026, 10, 9), tick=True)
    workflow.extend_deadline(
        actor=head_a,
        application=application,
        working_days=10,
        reason="需调阅档案。",
        approved_on=D(2026, 10, 9),
    )

    page.goto("/apply/status/")
    page.fill("#id_tracking_number", number)
    page.fill("#id_access_code", code)
    page.get_by_role("button", name="查询").click()
    expect(page.locator("#status")).to_have_text("办理中")
    assert "延期答复告知书" in page.content()

    time_machine.move_to(moment(2026, 10, 20), tick=True)
    workflow.issue_reply(
        actor=editor_a,
        application=application,
        outcome=Outcome.DISCLOSED,
        replied_on=D(2026, 10, 20),
        how_to_obtain="请在本网站下载附件。",
    )
    page.goto("/apply/status/")
    page.fill("#id_tracking_number", number)
    page.fill("#id_access_code", code)
    page.get_by_role("button", name="查询").click()
    expect(page.locator("#status")).to_have_text("已答复")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="政府信息公开申请答复书").click()
    with open(download_info.value.path(), "rb") as downloaded:
        content = downloaded.read()
    assert "您申请的信息予以公开" in docx_text(content)
    assert page.console_errors == []
