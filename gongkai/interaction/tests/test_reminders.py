"""Reminders when an answer is due soon, and every day once it is late."""

from datetime import date
from io import StringIO

import pytest
from django.core import mail as django_mail
from django.core.management import call_command

from gongkai.interaction import workflow
from gongkai.interaction.models import Reminder

from .helpers import ask

pytestmark = pytest.mark.django_db


def test_handlers_are_reminded_when_due_soon_and_daily_once_late(
    known_calendar, at, government, unit_a, office, editor_a, settings, client
):
    settings.QUESTION_REPLY_WORKING_DAYS = 10
    settings.QUESTION_REMINDER_WORKING_DAYS = 2
    editor_a.email = "editor-a@example.com"
    editor_a.save()
    at(2026, 9, 28)
    question, _code = ask(government)  # due 16 October
    workflow.assign_question(actor=office, question=question, unit=unit_a)
    at(2026, 10, 13)
    call_command("interaction_daily", stdout=StringIO())
    assert not Reminder.objects.exists()
    at(2026, 10, 14)  # two working days left
    call_command("interaction_daily", stdout=StringIO())
    call_command("interaction_daily", stdout=StringIO())
    reminder = Reminder.objects.get()
    assert reminder.user == editor_a and "还剩 2 个工作日" in reminder.text
    assert any("政民互动留言到期提醒" in m.subject for m in django_mail.outbox)
    client.force_login(editor_a)
    assert reminder.text in client.get("/console/").content.decode()
    at(2026, 10, 19)
    call_command("interaction_daily", stdout=StringIO())
    late = Reminder.objects.get(created_on=date(2026, 10, 19))
    assert "已超过答复期限" in late.text


def test_the_office_is_reminded_of_what_nobody_was_assigned(
    known_calendar, at, government, office, settings
):
    settings.QUESTION_REPLY_WORKING_DAYS = 10
    at(2026, 9, 28)
    ask(government)
    at(2026, 10, 19)
    call_command("interaction_daily", stdout=StringIO())
    assert Reminder.objects.get().user == office
