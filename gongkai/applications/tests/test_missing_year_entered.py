"""From provisional to settled: an application whose dates run across 春节 2027 before the 2027
holiday arrangement is entered, then the arrangement is entered. Until then the statutory days
(除夕 to 初三) and the assumed make-up days are skipped; the notice gives a longer break and a
Saturday working day. Every running date on the application is counted again with the real
holidays, stops being provisional, and each change is listed for the administrator who entered
the year."""

import datetime

import pytest
from django.urls import reverse

from gongkai.applications import workflow
from gongkai.applications.models import Application, Correction
from gongkai.applications.tests.html import text_of
from gongkai.workdays.models import Source
from gongkai.workdays.notice import parse_notice
from gongkai.workdays.services import save_year
from gongkai.workdays.tests.notices import HYPOTHETICAL_NOTICE_2027

D = datetime.date


@pytest.fixture
def into_2027(known_calendar, submit, unit_a, editor_a, at):
    """Received Mon 25 Jan 2027, one waiting for its reply and one for a correction; 2027 is
    not entered, so 11 and 12 February count as working days for now and 20 February not."""
    assert not known_calendar.is_known(2027), "this test needs a year that is not entered"
    waiting = submit(unit_a, on=(2027, 1, 25))
    correcting = submit(unit_a, on=(2027, 1, 25), title="另一项信息")
    at(2027, 1, 26)
    workflow.request_correction(
        actor=editor_a, application=correcting, items="请写明年份", sent_on=D(2027, 1, 26)
    )
    waiting.refresh_from_db()
    assert (waiting.due_date, waiting.due_provisional) == (D(2027, 2, 26), True)
    assert Correction.objects.get(application=correcting).due_on == D(2027, 2, 22)
    return waiting, correcting


def test_entering_2027_settles_the_dates_and_lists_each_change(into_2027, office):
    waiting, correcting = into_2027
    notice = parse_notice(HYPOTHETICAL_NOTICE_2027)

    result = save_year(
        actor=office,
        year=notice.year,
        holidays=notice.holidays,
        workdays=notice.workdays,
        names=notice.names,
        source=Source.NOTICE,
        notice_text=HYPOTHETICAL_NOTICE_2027,
        reason="按国务院办公厅通知录入",
    )

    waiting.refresh_from_db()
    assert (waiting.due_date, waiting.due_provisional) == (D(2027, 3, 1), False)
    assert Correction.objects.get(application=correcting).due_on == D(2027, 2, 23)
    assert result.change_lines == [
        f"政府信息公开申请 {correcting.tracking_number}：补正期限由 2027-02-22 改为 2027-02-23",
        f"政府信息公开申请 {waiting.tracking_number}：答复期限由 2027-02-26 改为 2027-03-01",
    ]


def test_the_calendar_page_lists_the_changes_and_the_application_page_follows(
    into_2027, client_of, office, editor_a
):
    waiting, correcting = into_2027
    notice_url = reverse("console-workdays:notice")
    client = client_of(office)
    preview = client.post(notice_url, {"text": HYPOTHETICAL_NOTICE_2027, "action": "preview"})
    saved = client.post(
        notice_url,
        {
            "text": HYPOTHETICAL_NOTICE_2027,
            "action": "confirm",
            "previewed": preview.context["fingerprint"],
        },
        follow=True,
    ).content.decode()
    assert f"{waiting.tracking_number}：答复期限由 2027-02-26 改为 2027-03-01" in saved
    assert f"{correcting.tracking_number}：补正期限由 2027-02-22 改为 2027-02-23" in saved

    detail = reverse("console-applications:detail", args=[waiting.pk])
    page = client_of(editor_a).get(detail).content.decode()
    assert text_of(page, "due-date").startswith("2027年3月1日，剩余")
    assert "暂定" not in text_of(page, "due-date")
    assert not Application.objects.filter(due_provisional=True).exists()
