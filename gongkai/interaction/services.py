"""Reads and housekeeping around questions: deriving the due date from the received date on
the working-day calendar, finding a question by its number and access code, the masked copy
staff start from when they publish. State changes live in ``workflow``."""

import logging

from django.conf import settings
from django.db import transaction

from gongkai.applications import services as application_services
from gongkai.core.clock import local_today
from gongkai.core.masking import mask_name, mask_phone
from gongkai.workdays.calendar import compute_deadline, working_days_between

from .models import Question

logger = logging.getLogger(__name__)

# The access code, its hash and the lookup are the applications' own (one mechanism).
new_access_code = application_services.new_access_code
hash_access_code = application_services.hash_access_code
current_calendar = application_services.current_calendar


def reply_working_days():
    return settings.QUESTION_REPLY_WORKING_DAYS


def new_tracking_number(kind, year):
    from .models import NUMBER_PREFIX

    return application_services.new_tracking_number(year, Question, NUMBER_PREFIX[kind])


def lookup_scope():
    """What a tracking number and access code may open: any question (the code is the key)."""
    return Question.objects.select_related("unit", "government")


def find_by_access(tracking_number, access_code):
    return application_services.find_by_access(tracking_number, access_code, lookup_scope())


def reply_deadline_for(question, calendar=None):
    """The answer's deadline with its day-by-day explanation: ``QUESTION_REPLY_WORKING_DAYS``
    working days from the day the question was received. A forward changes nothing here."""
    calendar = calendar or current_calendar()
    return compute_deadline(calendar, start=question.received_on, limit=reply_working_days())


def refresh_due_date(question, calendar=None):
    """Recompute the cached due date from the received date; returns (old, new)."""
    old = question.due_date
    deadline = reply_deadline_for(question, calendar)
    question.due_date = deadline.due
    question.due_provisional = deadline.provisional
    Question.objects.filter(pk=question.pk).update(
        due_date=question.due_date, due_provisional=question.due_provisional
    )
    return old, question.due_date


def recompute_after_calendar_change(sender, years=(), current=None, **kwargs):
    """Holiday data changed: the due date of every open question is derived again."""
    lines = []
    with transaction.atomic():
        for question in Question.objects.open().select_for_update():
            old, new = refresh_due_date(question, current)
            if old != new:
                lines.append(
                    f"政民互动留言 {question.tracking_number}：答复期限由 {old} 改为 {new}"
                )
    return lines


def working_days_left(question, calendar=None, today=None):
    if question.due_date is None:
        return None
    return working_days_between(
        calendar or current_calendar(), today or local_today(), question.due_date
    )


def masked_copy(question, text):
    """``text`` with the asker's own name, phone and e-mail masked: where staff start from
    when they prepare the public copy (the workflow still checks what they submit)."""
    for value, masked in (
        (question.asker_name, mask_name(question.asker_name)),
        (question.phone, mask_phone(question.phone)),
        (question.email, question.masked_email()),
    ):
        if value and len(value) > 1:
            text = text.replace(value, masked)
    return text


def due_soon_limit(today, days, calendar=None):
    """The last due date that counts as "due within ``days`` working days" of ``today``."""
    from gongkai.workdays.calendar import add_working_days

    return add_working_days(calendar or current_calendar(), today, days)
