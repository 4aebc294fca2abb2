"""Daily due-date reminders for 政民互动 questions: a console reminder and an e-mail to every
active handler of the unit answering it (the openness office while nobody is assigned) when
``QUESTION_REMINDER_WORKING_DAYS`` working days are left, and every day once it is late."""

from django.conf import settings
from django.db import transaction

from gongkai.accounts.models import Membership
from gongkai.accounts.roles import Role
from gongkai.operations import mail
from gongkai.workdays.calendar import working_days_between

from .models import ANSWERING_ROLES, Question, Reminder
from .services import current_calendar


def reminder_text(question, left):
    if left < 0:
        return (
            f"留言 {question.tracking_number}（{question.subject}）已超过答复期限"
            f"（{question.due_date}），请尽快答复。"
        )
    return (
        f"留言 {question.tracking_number}（{question.subject}）距答复期限"
        f"（{question.due_date}）还剩 {left} 个工作日。"
    )[:300]


def _people(unit_ids, roles):
    found = {}
    memberships = Membership.objects.filter(
        unit_id__in=unit_ids, role__in=roles, user__is_active=True
    ).select_related("user")
    for membership in memberships.order_by("unit_id", "user_id"):
        found.setdefault(membership.unit_id, {})[membership.user_id] = membership.user
    return {unit_id: list(users.values()) for unit_id, users in found.items()}


def send_daily_reminders(*, today):
    """Create today's reminders; returns how many were new. Running twice a day adds none."""
    calendar = current_calendar()
    days = settings.QUESTION_REMINDER_WORKING_DAYS
    due = []
    for question in Question.objects.open().filter(due_date__isnull=False):
        left = working_days_between(calendar, today, question.due_date)
        if left < 0 or left == days:
            due.append((question, reminder_text(question, left)))
    handlers = _people({q.unit_id for q, _t in due if q.unit_id}, ANSWERING_ROLES)
    offices = _people({q.government_id for q, _t in due if not q.unit_id}, [Role.OFFICE])
    already = set(Reminder.objects.filter(created_on=today).values_list("user_id", "question_id"))
    new = [
        Reminder(user=user, question=question, created_on=today, text=text)
        for question, text in due
        for user in (
            handlers.get(question.unit_id, [])
            if question.unit_id
            else offices.get(question.government_id, [])
        )
        if (user.pk, question.pk) not in already
    ]
    with transaction.atomic():
        Reminder.objects.bulk_create(new)
        mail.queue_many(
            [
                dict(to=r.user.email, subject="政民互动留言到期提醒", body=r.text)
                for r in new
                if r.user.email
            ]
        )
    mail.send_pending()
    return len(new)
