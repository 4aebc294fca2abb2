"""What an applicant meets around the form: required and optional fields, every error at once,
what happens next before and after submitting, the flow chart, the paper form, and released
files on the status page."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from gongkai.applications import paperform, workflow
from gongkai.applications.models import Application
from gongkai.applications.outcomes import Outcome
from gongkai.applications.tests.test_public_pages import post_form
from gongkai.publishing.samplefiles import pdf_bytes
from gongkai.units.tests.factories import UnitFactory

RELEASED = pdf_bytes([["改造项目清单"]])


@pytest.fixture
def today(holiday_calendar, at):
    at(2026, 9, 24)


def test_each_field_says_whether_it_is_required(client, unit_a, today):
    page = client.get(reverse("applications:apply")).content.decode()
    assert re.search(r"所需信息名称<span[^>]*>（必填）", page)
    assert re.search(r"电子邮箱<span[^>]*>（选填）", page)


def test_every_problem_is_listed_at_once_at_the_top(client, unit_a, today):
    response = post_form(
        client,
        unit_a,
        title="",
        identity_number="110101199003070000",
        delivery_wanted="post",
        address="",
    )
    page = response.content.decode()
    assert Application.objects.count() == 0
    summary = page.split('id="error-summary"', 1)[1].split("</div>", 1)[0]
    assert 'href="#id_title"' in summary
    assert 'href="#id_identity_number"' in summary and "校验码" in summary
    assert 'href="#id_address"' in summary and "请填写通信地址" in summary
    assert re.search(r'<div[^>]*id="error-summary"[^>]*autofocus', page)


def test_the_chosen_file_is_asked_for_again_after_an_error(client, unit_a, today):
    page = post_form(client, unit_a, title="").content.decode()
    summary = page.split('id="error-summary"', 1)[1].split("</div>", 1)[0]
    assert 'href="#id_identity_proof"' in summary and "请重新选择身份证明" in summary


def test_a_wrong_file_type_is_reported_with_the_other_errors(client, unit_a, today):
    page = post_form(client, unit_a, proof=b"plain text", name="id.txt", phone="").content
    summary = page.decode().split('id="error-summary"', 1)[1].split("</div>", 1)[0]
    assert "只能是 JPG、PNG 图片或 PDF" in summary and 'href="#id_phone"' in summary


def test_the_form_says_what_happens_next_before_submitting(client, unit_a, today):
    page = client.get(reverse("applications:apply")).content.decode()
    before = page.split('id="before-submit-title"', 1)[1].split("提交申请</button>", 1)[0]
    for fact in ("20 个工作日", "法定节假日", "补正之日起重新计算", "不计入答复期限", "信息处理费"):
        assert fact in before
    assert reverse("applications:notice") in page
    assert reverse("applications:paper-form", args=["pdf"]) in page


def test_a_guide_link_starts_the_form_on_that_unit(client, unit_a, today):
    page = client.get(reverse("applications:apply") + f"?unit={unit_a.code}").content.decode()
    assert re.search(rf'<option value="{unit_a.pk}" selected>', page)


def test_the_notice_page_draws_the_flow_chart_without_script(client, db):
    page = client.get(reverse("applications:notice")).content.decode()
    chart = page.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert chart.count("<rect") == len(paperform_steps())
    assert "<script" not in page.split("<main", 1)[1]
    assert "20个工作日内答复" in chart


def paperform_steps():
    from gongkai.applications.flowchart import STEPS

    return STEPS


def test_the_paper_form_asks_what_the_online_form_asks(client, db):
    docx = client.get(reverse("applications:paper-form", args=["docx"]))
    assert docx["Content-Disposition"].startswith("attachment")
    cells = [
        cell.text
        for table in Document(io.BytesIO(docx.content)).tables
        for row in table.rows
        for cell in row.cells
    ]
    pdf = client.get(reverse("applications:paper-form", args=["pdf"]))
    assert pdf["Content-Type"] == "application/pdf"
    pdf_text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    pdf_text = re.sub(r"\s+", "", pdf_text)
    for label, required, *_ in paperform.rows():
        expected = f"{label}{' *' if required else ''}"
        assert expected in cells
        assert expected.replace(" ", "") in pdf_text
    assert "□在线查看下载" in " ".join(cells)
    assert client.get("/apply/form.exe").status_code == 404


def test_the_receipt_survives_a_reload_with_what_happens_next_and_whom_to_call(
    client, government, today
):
    unit = UnitFactory(parent=government, code="unit-c", full_name="测试区丙局", phone="010-1234")
    post_form(client, unit)
    client.get(reverse("applications:receipt"))
    again = client.get(reverse("applications:receipt")).content.decode()
    application = Application.objects.get()
    assert application.tracking_number in again
    assert "接下来会怎样" in again and "010-1234" in again
    status_url = f"{reverse('applications:status')}?number={application.tracking_number}"
    assert status_url in again
    assert application.title in client.get(status_url).content.decode()


def test_status_by_number_needs_this_browser_to_have_submitted_it(client, unit_a, today):
    post_form(client, unit_a)
    number = Application.objects.get().tracking_number
    client.cookies.clear()
    page = client.get(f"{reverse('applications:status')}?number={number}").content.decode()
    assert "请输入提交申请时得到的申请编号和查询码" in page


def _replied_with_file(client, unit, editor, delivery_wanted):
    post_form(client, unit, delivery_wanted=delivery_wanted)
    application = Application.objects.get()
    workflow.issue_reply(
        actor=editor,
        application=application,
        outcome=Outcome.DISCLOSED,
        replied_on=datetime.date(2026, 9, 24),
        files=[("改造项目清单.pdf", "application/pdf", RELEASED)],
    )
    return application


def test_released_files_download_on_the_status_page_when_chosen_online(
    client, unit_a, editor_a, today
):
    application = _replied_with_file(client, unit_a, editor_a, "online")
    page = client.get(
        f"{reverse('applications:status')}?number={application.tracking_number}"
    ).content.decode()
    link = re.search(r'href="(/apply/files/\d+/)">改造项目清单.pdf', page).group(1)
    download = client.get(link)
    assert download.status_code == 200 and download.content == RELEASED


def test_released_files_are_not_offered_online_for_another_delivery(
    client, unit_a, editor_a, today
):
    application = _replied_with_file(client, unit_a, editor_a, "email")
    page = client.get(
        f"{reverse('applications:status')}?number={application.tracking_number}"
    ).content.decode()
    assert "改造项目清单.pdf" not in page
    released = application.reply.files.get()
    assert client.get(reverse("applications:released-file", args=[released.pk])).status_code == 404


@pytest.mark.parametrize("kind", ["department", "public_enterprise"])
def test_a_units_guide_and_the_form_agree_on_whether_it_takes_applications(
    client, government, kind
):
    from gongkai.publishing.models import Guide

    unit = UnitFactory(parent=government, code="unit-k", full_name="测试区某单位", kind=kind)
    Guide.objects.create(unit=unit, arrangement="-", obtaining="-", applying="可以在线申请。")
    guide = client.get(reverse("portal:column-guide", args=[unit.code])).content.decode()
    form = client.get(reverse("applications:apply")).content.decode()
    listed = f'<option value="{unit.pk}"' in form
    offers_online = f"{reverse('applications:apply')}?unit={unit.code}" in guide
    assert listed == offers_online == (kind == "department")
    assert ("不通过本平台受理政府信息公开申请" in guide) == (kind != "department")
