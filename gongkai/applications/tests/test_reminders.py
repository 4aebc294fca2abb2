from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from gongkai.applications.models import Reminder
from gongkai.applications.reminders import send_daily_reminders

D = __import__("datetime").date


def test_reminders_at_thresholds_and_when_overdue_once_a_day(
    submit, unit_a, editor_a, at, client_of
):
    editor_a.email = "editor@example.gov"
    editor_a.save()
    submit(unit_a)  # due 2026-10-29
    assert send_daily_reminders(today=D(2026, 10, 20)) == 0  # 7 working days left
    assert send_daily_reminders(today=D(2026, 10, 22)) == 1  # 5 left
    assert send_daily_reminders(today=D(2026, 10, 22)) == 0
    assert len(mail.outbox) == 1
    at(2026, 10, 30)
    call_command("applications_daily", stdout=__import__("io").StringIO())
    assert "已超过答复期限" in Reminder.objects.latest("created_on").text
    page = client_of(editor_a).get(reverse("console:dashboard")).content.decode()
    assert "已超过答复期限" in page
