"""Art. 31(三): an online application is received on the day both sides confirm it. Where the
unit's policy makes the platform's receipt the confirmation, that is the day it was submitted;
otherwise the unit confirms it in the console, the clock starts from that day, and the
applicant sees both dates."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gongkai.applications import workflow
from gongkai.applications.models import LetterKind
from gongkai.applications.policy import save_policy
from gongkai.applications.tests.html import text_of
from gongkai.applications.tests.test_public_pages import lookup
from gongkai.audit.models import AuditEvent

D = datetime.date


def test_by_default_the_platform_receipt_is_the_confirmation(client, submit, unit_a):
    application = submit(unit_a, on=(2026, 9, 24))
    assert application.confirmed_on == application.received_on == D(2026, 9, 24)
    assert not application.awaits_confirmation
    assert application.letters.filter(kind=LetterKind.RECEIPT).exists()
    page = lookup(client, application.tracking_number, application.access_code).content.decode()
    assert text_of(page, "submitted-on").startswith("2026年9月24日收到申请之日")
    assert text_of(page, "received-on").startswith("2026年9月24日（双方确认之日）答复期限")


@pytest.fixture
def unit_confirms(office):
    save_policy(
        actor=office,
        online_nonworking_rule="next_working_day",
        fee_clock_stops=True,
        reminder_days="5,3,1",
        online_receipt_confirms=False,
    )


@pytest.fixture
def waiting(unit_confirms, submit, unit_a):
    """Submitted online on Thursday 24 September 2026; the unit has not confirmed it yet."""
    return submit(unit_a, on=(2026, 9, 24))


def test_until_the_unit_confirms_the_dates_are_provisional(client, waiting):
    assert waiting.awaits_confirmation and waiting.confirmed_on is None
    assert waiting.due_provisional
    assert not waiting.letters.filter(kind=LetterKind.RECEIPT).exists()
    page = lookup(client, waiting.tracking_number, waiting.access_code).content.decode()
    assert text_of(page, "submitted-on").startswith("2026年9月24日收到申请之日")
    assert text_of(page, "received-on").startswith("待受理单位确认")
    assert "（暂定）" in text_of(page, "due-date")
    assert "网上申请尚待受理单位确认收到" in page


def test_the_unit_confirms_in_the_console_and_the_clock_starts_then(
    client, client_of, editor_a, waiting, at
):
    at(2026, 9, 28)
    detail = reverse("console-applications:detail", args=[waiting.pk])
    page = client_of(editor_a).get(detail).content.decode()
    assert "确认收到网上申请（双方确认）" in page
    url = reverse("console-applications:act", args=[waiting.pk, "confirm_receipt"])
    assert client_of(editor_a).post(url, {"confirmed_on": "2026-09-28"}).status_code == 302

    waiting.refresh_from_db()
    assert (waiting.event_date, waiting.received_on) == (D(2026, 9, 24), D(2026, 9, 28))
    # 20 working days from Monday 28 September, over the National Day break (1–7 October,
    # Saturday 10 October worked): Friday 30 October.
    assert (waiting.due_date, waiting.due_provisional) == (D(2026, 10, 30), False)
    receipt = waiting.letters.get(kind=LetterKind.RECEIPT)
    assert receipt.issued_on == D(2026, 9, 28) and "2026年9月28日收到" in receipt.text
    event = AuditEvent.objects.get(action="application.confirm_receipt")
    assert event.actor == editor_a and event.data["to"] == "2026-09-28"

    page = lookup(client, waiting.tracking_number, waiting.access_code).content.decode()
    assert text_of(page, "submitted-on").startswith("2026年9月24日收到申请之日")
    assert text_of(page, "received-on").startswith("2026年9月28日（双方确认之日）答复期限")
    assert "确认收到网上申请" not in client_of(editor_a).get(detail).content.decode()


def test_the_api_gives_both_dates(client, waiting, editor_a, at):
    access = {"tracking_number": waiting.tracking_number, "access_code": waiting.access_code}
    body = client.post("/api/v1/applications/status", access, content_type="application/json")
    assert body.json()["submitted_on"] == "2026-09-24"
    assert body.json()["receipt_confirmed"] is False
    at(2026, 9, 25)
    workflow.confirm_receipt(actor=editor_a, application=waiting, confirmed_on=D(2026, 9, 25))
    body = client.post("/api/v1/applications/status", access, content_type="application/json")
    data = body.json()
    assert (data["submitted_on"], data["received_on"]) == ("2026-09-24", "2026-09-25")
    assert data["receipt_confirmed"] is True and data["due_provisional"] is False


def test_a_confirmation_before_the_submission_or_twice_is_refused(waiting, editor_a, at):
    at(2026, 9, 28)
    with pytest.raises(ValidationError, match="不能早于提交日期"):
        workflow.confirm_receipt(actor=editor_a, application=waiting, confirmed_on=D(2026, 9, 23))
    with pytest.raises(ValidationError, match="不能晚于今天"):
        workflow.confirm_receipt(actor=editor_a, application=waiting, confirmed_on=D(2026, 9, 29))
    waiting.refresh_from_db()
    assert waiting.awaits_confirmation
    workflow.confirm_receipt(actor=editor_a, application=waiting, confirmed_on=D(2026, 9, 24))
    with pytest.raises(ValidationError):
        workflow.confirm_receipt(actor=editor_a, application=waiting, confirmed_on=D(2026, 9, 28))
    waiting.refresh_from_db()
    assert waiting.received_on == D(2026, 9, 24)


def test_another_units_staff_cannot_confirm(waiting, editor_b, at):
    from django.core.exceptions import PermissionDenied

    at(2026, 9, 28)
    with pytest.raises(PermissionDenied):
        workflow.confirm_receipt(actor=editor_b, application=waiting, confirmed_on=D(2026, 9, 28))
