"""E-mail reminders are never dropped silently: a message the mail server refuses is tried
again with back-off, and once given up it shows on the console."""

import io
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail as django_mail
from django.core.management import call_command

from gongkai.core.clock import local_now
from gongkai.operations import mail
from gongkai.operations.models import OutgoingMail

pytestmark = pytest.mark.django_db

REFUSED = mock.patch(
    "gongkai.operations.mail.send_mail", side_effect=ConnectionRefusedError("SMTP 无响应")
)


def test_a_queued_message_goes_out(at):
    at(2026, 9, 24)
    mail.queue(to="editor@example.gov", subject="到期提醒", body="还剩 5 个工作日。")
    assert mail.send_pending() == (1, 0)
    assert [m.subject for m in django_mail.outbox] == ["到期提醒"]
    assert OutgoingMail.objects.get().status == OutgoingMail.Status.SENT


def test_a_refused_message_is_retried_with_back_off_then_marked_failed(at, time_machine):
    at(2026, 9, 24)
    message = mail.queue(to="editor@example.gov", subject="到期提醒", body="…")
    waits = []
    with REFUSED:
        for _ in range(mail.MAX_ATTEMPTS):
            tried_at = local_now()
            mail.send_pending()
            assert mail.send_pending() == (0, 0)  # nothing again before its time
            message.refresh_from_db()
            waits.append(round((message.next_attempt_at - tried_at).total_seconds() / 60))
            time_machine.shift(timedelta(hours=2))
    assert waits[:-1] == [5, 10, 20, 40, 80]
    assert (message.status, message.attempts) == (OutgoingMail.Status.FAILED, mail.MAX_ATTEMPTS)
    assert "SMTP 无响应" in message.last_error
    assert django_mail.outbox == []


def test_a_message_that_failed_for_good_shows_on_the_console(at, office, client_of):
    at(2026, 9, 24)
    OutgoingMail.objects.create(
        to="editor@example.gov",
        subject="政府信息公开申请到期提醒",
        body="…",
        status=OutgoingMail.Status.FAILED,
        attempts=mail.MAX_ATTEMPTS,
        last_error="ConnectionRefusedError: SMTP 无响应",
        next_attempt_at="2026-09-24T10:00+08:00",
        created_at="2026-09-24T10:00+08:00",
    )
    page = client_of(office).get("/console/").content.decode()
    assert "仍发送失败" in page and "SMTP 无响应" in page


def test_the_sending_command_reports_what_it_did(at):
    at(2026, 9, 24)
    mail.queue(to="a@example.gov", subject="提醒", body="…")
    out = io.StringIO()
    call_command("send_queued_mail", stdout=out)
    assert "已发送 1 封" in out.getvalue()
