"""Alerts on the console for what a scheduled job could not do: the openness office (and the
system administrator) sees them on the dashboard until the matter is resolved — a failure
is never only a line on stderr or in a log."""

from django.db import transaction

from gongkai.core.clock import local_now

from .models import SystemAlert

# The open matter of due dates not yet recomputed after a calendar change.
CALENDAR_RECOMPUTE = "calendar-recompute"


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


def resolve(key: str) -> int:
    return SystemAlert.objects.filter(key=key, resolved_at=None).update(resolved_at=local_now())


def open_alerts():
    return SystemAlert.objects.filter(resolved_at=None).select_related("unit")
