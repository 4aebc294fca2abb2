"""A date that reaches into a year whose holiday arrangement is not entered skips the holidays
the law fixes (Friday 1 January 2027 is 元旦) and is marked 暂定 wherever it is shown: receipt,
applicant's status page, work queue, application page and API."""

import datetime

import pytest
from django.urls import reverse

from gongkai.applications import workflow
from gongkai.applications.models import Application, ConsultationKind
from gongkai.applications.tests.html import explanation_of, row_of, text_of
from gongkai.applications.tests.test_api import payload
from gongkai.applications.tests.test_public_pages import lookup, post_form

D = datetime.date
NOT_ENTERED = "2027年的放假通知尚未录入"


@pytest.fixture
def before_the_2027_notice(known_calendar, holiday_calendar, at):
    """December 2026, and the State Council has not yet published the 2027 arrangement."""
    assert not known_calendar.is_known(2027), "these tests need a year that is not entered"
    at(2026, 12, 15)


@pytest.fixture
def application(before_the_2027_notice, submit, unit_a):
    """Received Tue 15 Dec 2026: the 20th working day falls in January 2027, after 元旦."""
    return submit(unit_a, on=(2026, 12, 15))


def test_the_receipt_marks_the_due_date_provisional(client, unit_a, before_the_2027_notice):
    assert post_form(client, unit_a).status_code == 302
    page = client.get(reverse("applications:receipt")).content.decode()
    assert Application.objects.get().due_date == D(2027, 1, 13)
    assert "2027年1月13日（暂定）" in text_of(page, "due-date")


def test_the_status_page_marks_the_due_date_provisional_and_says_why(client, application):
    page = lookup(client, application.tracking_number, application.access_code).content.decode()
    assert "2027年1月13日（暂定）" in text_of(page, "due-date")
    assert NOT_ENTERED in page


def test_the_work_queue_marks_the_due_date_provisional(application, client_of, editor_a):
    page = client_of(editor_a).get(reverse("console-applications:queue")).content.decode()
    row = row_of(page, application.tracking_number)
    assert "2027-01-13" in row and "暂定" in row


def test_the_application_page_marks_the_due_date_provisional(application, client_of, editor_a):
    url = reverse("console-applications:detail", args=[application.pk])
    page = client_of(editor_a).get(url).content.decode()
    assert "2027年1月13日（暂定）" in text_of(page, "due-date")
    assert NOT_ENTERED in explanation_of(page, "due-date")


def test_the_api_says_the_due_date_is_provisional(client, unit_a, before_the_2027_notice):
    response = client.post("/api/v1/applications", payload(unit_a), content_type="application/json")
    body = response.json()
    assert (body["due_date"], body["due_provisional"]) == ("2027-01-13", True)


@pytest.fixture
def correcting(application, editor_a, at):
    at(2026, 12, 16)
    workflow.request_correction(
        actor=editor_a, application=application, items="请写明年份", sent_on=D(2026, 12, 16)
    )
    return application


def test_a_correction_period_into_2027_is_provisional_for_the_applicant(client, correcting):
    page = lookup(client, correcting.tracking_number, correcting.access_code).content.decode()
    assert "2027年1月7日（暂定）前提交补正" in text_of(page, "correction-due")
    assert NOT_ENTERED in explanation_of(page, "correction-due")


def test_a_correction_period_into_2027_is_provisional_for_staff(correcting, client_of, editor_a):
    url = reverse("console-applications:detail", args=[correcting.pk])
    page = client_of(editor_a).get(url).content.decode()
    assert "2027年1月7日（暂定）" in text_of(page, "correction")
    assert NOT_ENTERED in explanation_of(page, "correction")


def test_windows_into_2027_are_provisional_even_with_the_receipt_recorded(
    application, editor_a, client_of, client, at
):
    at(2026, 12, 16)
    consultation = workflow.start_consultation(
        actor=editor_a,
        application=application,
        kind=ConsultationKind.THIRD_PARTY,
        party_name="某公司",
        matter="报价",
        sent_on=D(2026, 12, 16),
        party_received_on=D(2026, 12, 16),
    )
    workflow.record_consultation_reply(
        actor=editor_a, consultation=consultation, reply="consent", replied_on=D(2026, 12, 16)
    )
    workflow.issue_fee_notice(
        actor=editor_a,
        application=application,
        method="per_volume",
        pages=150,
        issued_on=D(2026, 12, 16),
        notice_received_on=D(2026, 12, 16),
    )
    url = reverse("console-applications:detail", args=[application.pk])
    page = client_of(editor_a).get(url).content.decode()
    assert "2027-01-07截止（暂定）" in text_of(page, f"consultation-{consultation.pk}")
    assert "2027-01-14前缴纳（暂定）" in text_of(page, "fee-notice")
    applicant = lookup(client, application.tracking_number, application.access_code)
    shown = text_of(applicant.content.decode(), "payment-due")
    assert "请于2027年1月14日（暂定）前缴纳" in shown
