"""Daily deadline reminders: a console reminder and an e-mail to the handler (or, if nobody
is assigned, every handler of the unit) when the working days left hit a configured threshold,
and every day once the application is overdue."""

from django.db import transaction

from gongkai.accounts.models import User
from gongkai.operations import mail
from gongkai.workdays.calendar import working_days_between

from .models import HANDLING_ROLES, Application, Policy, Reminder
from .services import current_calendar


def _recipients(application):
    if application.assigned_to_id:
        return [application.assigned_to]
    return list(
        User.objects.filter(
            is_active=True,
            memberships__unit=application.unit_id,
            memberships__role__in=HANDLING_ROLES,
        ).distinct()
    )


def reminder_text(application, left):
    if left < 0:
        return (
            f"申请 {application.tracking_number} 已超过答复期限（{application.due_date}），"
            "请尽快答复。"
        )
    return (
        f"申请 {application.tracking_number} 距答复期限（{application.due_date}）"
        f"还剩 {left} 个工作日。"
    )


def send_daily_reminders(*, today):
    """Create today's reminders; returns how many were new. Running twice a day adds none."""
    calendar = current_calendar()
    thresholds = set(Policy.current().reminder_thresholds())
    created = 0
    for application in (
        Application.objects.open()
        .filter(due_date__isnull=False)
        .select_related("unit", "assigned_to")
    ):
        left = working_days_between(calendar, today, application.due_date)
        if left >= 0 and left not in thresholds:
            continue
        text = reminder_text(application, left)
        for user in _recipients(application):
            with transaction.atomic():
                _reminder, new = Reminder.objects.get_or_create(
                    user=user, application=application, created_on=today, defaults={"text": text}
                )
                if new and user.email:
                    mail.queue(to=user.email, subject="政府信息公开申请到期提醒", body=text)
            created += new
    mail.send_pending()
    return created
