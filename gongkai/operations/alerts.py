"""Alerts on the console for what a scheduled job could not do: the openness office (and the
system administrator) sees them on the dashboard until the matter is resolved — a failure
is never only a line on stderr or in a log."""

from datetime import timedelta

from django.db import transaction

from gongkai.core.clock import local_now

from .models import SystemAlert

# The open matter of due dates not yet recomputed after a calendar change.
CALENDAR_RECOMPUTE = "calendar-recompute"
CALENDAR_RECOMPUTE_MESSAGE = (
    "节假日安排修改后，部分依申请公开期限未能自动重新计算；系统自动重试，成功后此提醒自动消除。"
    "如持续出现，请联系系统管理员。"
)


def raise_alert(*, kind: str, key: str, message: str, unit=None) -> SystemAlert:
    """Raise the alert for `key`, or refresh the message of the one already open."""
    with transaction.atomic():
        alert = SystemAlert.objects.select_for_update().filter(key=key, resolved_at=None).first()
        if alert is None:
            return SystemAlert.objects.create(
                kind=kind, key=key, unit=unit, message=message[:500], raised_at=local_now()
            )
        alert.message = message[:500]
        alert.save(update_fields=["message"])
    return alert


# Back-off of a matter retried by a job run every few minutes: 5, 10, 20, 40, 80 minutes,
# then every 2 hours until it succeeds — it is never given up, and the alert stays open.
FIRST_RETRY = timedelta(minutes=5)
LONGEST_WAIT = timedelta(hours=2)


def retry_due(key: str) -> SystemAlert | None:
    """The open alert for `key` if its next attempt is due now."""
    alert = SystemAlert.objects.filter(key=key, resolved_at=None).first()
    if alert is None or (alert.next_attempt_at and alert.next_attempt_at > local_now()):
        return None
    return alert


def attempt_failed(key: str, *, message: str) -> SystemAlert | None:
    """Count a failed retry of `key`, set the next one after the back-off and tell the office
    in the alert's message how many attempts failed and when the next one is."""
    with transaction.atomic():
        alert = SystemAlert.objects.select_for_update().filter(key=key, resolved_at=None).first()
        if alert is None:
            return None
        alert.attempts += 1
        wait = min(FIRST_RETRY * 2 ** (alert.attempts - 1), LONGEST_WAIT)
        alert.next_attempt_at = local_now() + wait
        alert.message = (
            f"{message}已自动重试 {alert.attempts} 次仍未成功，"
            f"下次重试时间 {alert.next_attempt_at:%Y-%m-%d %H:%M}。"
        )[:500]
        alert.save(update_fields=["attempts", "next_attempt_at", "message"])
    return alert


def resolve(key: str) -> int:
    return SystemAlert.objects.filter(key=key, resolved_at=None).update(resolved_at=local_now())


def open_alerts():
    return SystemAlert.objects.filter(resolved_at=None).select_related("unit")
