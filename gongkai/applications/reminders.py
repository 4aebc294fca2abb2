"""Daily deadline reminders: a console reminder and an e-mail to the handler (or, if nobody
is assigned, every handler of the unit) when the working days left hit a configured threshold,
and every day once the application is overdue."""

from django.db import transaction

from gongkai.accounts.models import Membership, User
from gongkai.operations import mail
from gongkai.workdays.calendar import working_days_between

from .models import HANDLING_ROLES, Application, Policy, Reminder
from .services import current_calendar


def _handlers_by_unit(unit_ids) -> dict[int, list[User]]:
    """Every active handler of each unit, in one query (whoever may handle its applications
    is reminded of those nobody is assigned to)."""
    handlers: dict[int, dict[int, User]] = {}
    memberships = (
        Membership.objects.filter(
            unit_id__in=unit_ids, role__in=HANDLING_ROLES, user__is_active=True
        )
        .select_related("user")
        .order_by("unit_id", "user_id")
    )
    for membership in memberships:
        handlers.setdefault(membership.unit_id, {})[membership.user_id] = membership.user
    return {unit_id: list(users.values()) for unit_id, users in handlers.items()}


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


def alert_heads(request, heads):
    """Tell the heads of the openness body that an extension waits for them: their dashboard
    lists it while it is pending (applications.dashboard), and each gets an e-mail, queued in
    the request's transaction and sent with retries (operations.mail)."""
    application = request.application
    text = (
        f"{request.requested_by}请求将申请 {application.tracking_number}（{application.title}）"
        f"的答复期限延长 {request.working_days} 个工作日，理由：{request.reason}"
        f"现答复期限为 {application.due_date}，请在期限届满前审批。"
    )
    for head in heads:
        if head.email:
            mail.queue(to=head.email, subject="延期答复待您审批", body=text)


def tell_requester(request):
    if request.requested_by.email:
        mail.queue(
            to=request.requested_by.email,
            subject="延期请求未获批准",
            body=(
                f"申请 {request.application.tracking_number} 的延期请求未获批准，"
                f"意见：{request.decision_note}请在原答复期限内答复。"
            ),
        )


def send_daily_reminders(*, today):
    """Create today's reminders; returns how many were new. Running twice a day adds none.
    A fixed number of queries whatever the number of applications, plus one row per new
    reminder and per e-mail."""
    calendar = current_calendar()
    thresholds = set(Policy.current().reminder_thresholds())
    due = []
    for application in (
        Application.objects.open()
        .filter(due_date__isnull=False)
        .select_related("unit", "assigned_to")
    ):
        left = working_days_between(calendar, today, application.due_date)
        if left < 0 or left in thresholds:
            due.append((application, reminder_text(application, left)))
    unassigned = {a.unit_id for a, _text in due if not a.assigned_to_id}
    handlers = _handlers_by_unit(unassigned) if unassigned else {}
    already = set(
        Reminder.objects.filter(created_on=today).values_list("user_id", "application_id")
    )
    new = [
        Reminder(user=user, application=application, created_on=today, text=text)
        for application, text in due
        for user in (
            [application.assigned_to]
            if application.assigned_to_id
            else handlers.get(application.unit_id, [])
        )
        if (user.pk, application.pk) not in already
    ]
    with transaction.atomic():
        # Two runs at the same moment: the unique constraint (one reminder per person,
        # application and day) fails the later one whole, and its next run adds nothing.
        Reminder.objects.bulk_create(new)
        mail.queue_many(
            [
                dict(to=r.user.email, subject="政府信息公开申请到期提醒", body=r.text)
                for r in new
                if r.user.email
            ]
        )
    mail.send_pending()
    return len(new)
