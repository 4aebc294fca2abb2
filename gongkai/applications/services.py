"""Reads and housekeeping around applications: deriving the reply deadline from recorded
facts, issuing and checking access codes, duplicate suggestions. State changes live in
``workflow``."""

import difflib
import functools
import logging
import secrets
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.db.models import Q

from gongkai.core.clock import local_today
from gongkai.workdays.calendar import Deadline

from .deadlines import (
    ReplyFacts,
    Wait,
    consultation_window,
    correction_period,
    fee_payment_window,
    reply_deadline,
)
from .models import Application, Consultation, Correction, FeeNotice, Policy, Status

ACCESS_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
ACCESS_CODE_LENGTH = 10
DUPLICATE_SIMILARITY = 0.6


def current_calendar():
    from gongkai.workdays.services import current_calendar as calendar_from_database

    return calendar_from_database()


def new_tracking_number(year, model=None, prefix=""):
    """A fresh tracking number: ``prefix``, the year and eight random digits, unused in
    ``model`` (applications; the 政民互动 questions use the same numbers with a prefix)."""
    model = model or Application
    while True:
        number = f"{prefix}{year}{secrets.randbelow(10**8):08d}"
        if not model.objects.filter(tracking_number=number).exists():
            return number


def new_access_code():
    return "".join(secrets.choice(ACCESS_CODE_ALPHABET) for _ in range(ACCESS_CODE_LENGTH))


def hash_access_code(code):
    return make_password(normalise_access_code(code))


def normalise_access_code(code):
    return "".join((code or "").split()).upper()


@functools.cache
def _stand_in_hash(hasher_path):
    """A hash to check against when the tracking number is unknown, made once per hasher, so
    an unknown number costs exactly one hash check like a known one (not a hash and a check)."""
    return make_password(secrets.token_urlsafe(16))


def find_by_access(tracking_number, access_code, queryset=None):
    """The application (or, given ``queryset``, the record of it) whose number and code both
    match, or None. Known and unknown numbers take the same path: one query and one hash
    check, so timing does not tell which half was wrong."""
    queryset = Application.objects.all() if queryset is None else queryset
    application = queryset.filter(tracking_number=(tracking_number or "").strip()).first()
    encoded = (
        application.access_code_hash
        if application
        else _stand_in_hash(settings.PASSWORD_HASHERS[0])
    )
    matches = check_password(normalise_access_code(access_code), encoded)
    return application if application and matches else None


def reply_facts(application, calendar, policy=None):
    policy = policy or Policy.current()
    consultations = tuple(
        Wait(
            c.sent_on,
            c.window_due,
            c.replied_on,
            c.get_kind_display(),
            provisional=c.window_provisional,
        )
        for c in application.consultations.all()
    )
    fee_waits = ()
    notice = getattr(application, "fee_notice", None)
    if notice is not None:
        fee_waits = (
            Wait(
                notice.issued_on,
                notice.payment_due,
                notice.paid_on,
                "等待缴纳信息处理费",
                provisional=notice.due_provisional,
            ),
        )
    extension = getattr(application, "extension", None)
    return ReplyFacts(
        received=application.received_on,
        corrected_received=application.corrected_received_on,
        consultations=consultations,
        fee_waits=fee_waits,
        fee_clock_stops=policy.fee_clock_stops,
        extension=extension.working_days if extension else 0,
        custom_due=application.custom_due,
        awaiting_confirmation=application.awaits_confirmation,
    )


def reply_deadline_for(application, calendar=None, policy=None):
    """The reply deadline with its explanation, or None while the applicant is correcting the
    application (the clock will restart from the corrected application)."""
    if application.status == Status.AWAITING_CORRECTION:
        return None
    calendar = calendar or current_calendar()
    return reply_deadline(calendar, reply_facts(application, calendar, policy))


def refresh_due_date(application, calendar=None, policy=None):
    """Recompute the cached due date from the facts; returns (old, new)."""
    old = application.due_date
    deadline = reply_deadline_for(application, calendar, policy)
    application.due_date = deadline.due if deadline else None
    application.due_provisional = deadline.provisional if deadline else False
    Application.objects.filter(pk=application.pk).update(
        due_date=application.due_date, due_provisional=application.due_provisional
    )
    return old, application.due_date


def recompute_open_due_dates(calendar=None):
    """After a calendar or policy change: recompute every open application's running windows
    (correction period, consultation window, fee payment window), then its reply due date,
    which depends on them; one line per changed date."""
    calendar = calendar or current_calendar()
    policy = Policy.current()
    lines = _recompute_windows(calendar)
    # Read once with everything the deadline depends on; write only what changed, so a
    # thousand open applications cost the same reads as ten.
    applications = (
        Application.objects.open()
        .select_related("extension", "fee_notice")
        .prefetch_related("consultations")
    )
    for application in applications:
        deadline = reply_deadline_for(application, calendar, policy)
        due = deadline.due if deadline else None
        provisional = deadline.provisional if deadline else False
        if (due, provisional) == (application.due_date, application.due_provisional):
            continue
        old = application.due_date
        Application.objects.filter(pk=application.pk).update(
            due_date=due, due_provisional=provisional
        )
        if old != due:
            lines.append(
                f"政府信息公开申请 {application.tracking_number}：答复期限由 {old} 改为 {due}"
            )
    return lines


logger = logging.getLogger(__name__)


def retry_recomputation(*, force: bool = False) -> list[str] | None:
    """Retry the recomputation a calendar change could not finish (workdays.services raised
    the office's alert): when its back-off has passed, or at once with `force` (the daily job,
    before it counts reminders from the due dates). Returns None when nothing was due, the
    changed lines on success (the alert is resolved); a failure is counted on the alert, which
    sets the next attempt, and raised again for the caller's exit status."""
    from gongkai.operations import alerts

    key = alerts.CALENDAR_RECOMPUTE
    alert = alerts.open_alerts().filter(key=key).first() if force else alerts.retry_due(key)
    if alert is None:
        return None
    try:
        with transaction.atomic():
            lines = recompute_open_due_dates()
    except Exception:
        logger.exception("retried due-date recomputation failed")
        alerts.attempt_failed(key, message=alerts.CALENDAR_RECOMPUTE_MESSAGE)
        raise
    alerts.resolve(key)
    return lines


def window_of_correction(calendar, correction):
    return correction_period(calendar, correction.sent_on, correction.period_days)


def window_of_consultation(calendar, consultation):
    """Counted from the party's receipt, or from the sending day while that is unrecorded."""
    return consultation_window(calendar, consultation.received_on or consultation.sent_on)


def window_of_fee_notice(calendar, notice):
    """Counted from the applicant's receipt, or from the notice date while that is unrecorded."""
    return fee_payment_window(calendar, notice.received_on or notice.issued_on)


@dataclass(frozen=True)
class Window:
    """A date recorded on a row (correction period, consultation window, payment window) and
    how it is counted. ``deadline`` is None when the current calendar no longer gives the
    recorded date: the window ended before a calendar correction and stays as it was."""

    row: object
    due: date
    deadline: Deadline | None
    receipt_pending: bool = False

    @property
    def provisional(self):
        return self.receipt_pending or (self.deadline is not None and self.deadline.provisional)


@dataclass(frozen=True)
class Windows:
    correction: Window | None
    consultations: tuple[Window, ...]
    fee: Window | None


def _window(row, due, deadline, receipt_pending=False):
    return Window(row, due, deadline if deadline.due == due else None, receipt_pending)


def windows_of(application, calendar=None):
    """The application's recorded windows, each with its explanation."""
    calendar = calendar or current_calendar()
    correction = getattr(application, "correction", None)
    notice = getattr(application, "fee_notice", None)
    if correction is not None:
        correction = _window(
            correction, correction.due_on, window_of_correction(calendar, correction)
        )
    if notice is not None:
        notice = _window(
            notice,
            notice.payment_due,
            window_of_fee_notice(calendar, notice),
            receipt_pending=notice.due_provisional,
        )
    consultations = tuple(
        _window(
            c,
            c.window_due,
            window_of_consultation(calendar, c),
            receipt_pending=c.window_provisional,
        )
        for c in application.consultations.all()
    )
    return Windows(correction, consultations, notice)


def _recompute_windows(calendar):
    """Windows still running are derived again from the dates they count from; a window that
    already ended (answered, paid, lapsed, closed) stays as the fact it became."""
    open_applications = Application.objects.open()
    windows = (
        (
            Correction.objects.filter(
                application__in=open_applications, received_on=None, lapsed_on=None
            ),
            "due_on",
            "补正期限",
            window_of_correction,
        ),
        (
            Consultation.objects.filter(application__in=open_applications, replied_on=None),
            "window_due",
            "征求意见答复期限",
            window_of_consultation,
        ),
        (
            FeeNotice.objects.filter(
                application__in=open_applications, paid_on=None, unpaid_closed_on=None
            ),
            "payment_due",
            "缴费期限",
            window_of_fee_notice,
        ),
    )
    lines = []
    for rows, field, label, window in windows:
        for row in rows.select_related("application"):
            old, new = getattr(row, field), window(calendar, row).due
            if old != new:
                type(row).objects.filter(pk=row.pk).update(**{field: new})
                number = row.application.tracking_number
                lines.append(f"政府信息公开申请 {number}：{label}由 {old} 改为 {new}")
    return lines


def monthly_rank(application):
    """Fees per item (109号 Art. 4; rule 20): the application's place among the same applicant's
    applications to the same organ received in the same calendar month, counting itself.

    The applicant is recognised by the keyed hash of the identity number; the organ counts the
    applications it received, as it is the one charging. Ties on one day follow registration
    order."""
    received = application.received_on
    return (
        Application.objects.filter(
            unit_id=application.unit_id,
            identity_hash=application.identity_hash,
            received_on__gte=received.replace(day=1),
        )
        .filter(Q(received_on__lt=received) | Q(received_on=received, pk__lte=application.pk))
        .count()
    )


def duplicate_candidates(application, limit=5):
    """Earlier applications by the same applicant to the same unit asking for something
    similar: candidates for 重复申请 (Art. 36(6)). A suggestion only; staff decide."""
    earlier = (
        Application.objects.filter(
            unit_id=application.unit_id, identity_hash=application.identity_hash
        )
        .exclude(pk=application.pk)
        .filter(received_on__lte=application.received_on)
        .order_by("-received_on")[:50]
    )
    text = f"{application.title} {application.description}"
    scored = []
    for other in earlier:
        ratio = difflib.SequenceMatcher(None, text, f"{other.title} {other.description}").ratio()
        if ratio >= DUPLICATE_SIMILARITY:
            scored.append((ratio, other))
    scored.sort(key=lambda pair: -pair[0])
    return [other for _ratio, other in scored[:limit]]


def working_days_left(application, calendar=None, today=None):
    if application.due_date is None:
        return None
    from gongkai.workdays.calendar import working_days_between

    return working_days_between(
        calendar or current_calendar(), today or local_today(), application.due_date
    )
