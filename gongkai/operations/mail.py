"""Outgoing e-mail that is never lost silently: `queue` writes the message in the caller's
transaction; `send_pending` sends what is due, and a message the mail server refuses is
tried again after 5, 10, 20, 40 and 80 minutes, then marked failed — the console shows it."""

from datetime import timedelta

from django.core.mail import send_mail

from gongkai.core.clock import local_now

from .models import OutgoingMail

MAX_ATTEMPTS = 6
FIRST_RETRY = timedelta(minutes=5)
BATCH = 200


def queue(*, to: str, subject: str, body: str) -> OutgoingMail:
    now = local_now()
    return OutgoingMail.objects.create(
        to=to, subject=subject[:200], body=body, next_attempt_at=now, created_at=now
    )


def queue_many(messages: list[dict]) -> None:
    """`queue` for many messages in one insert (the daily reminders)."""
    now = local_now()
    OutgoingMail.objects.bulk_create(
        [
            OutgoingMail(
                to=m["to"],
                subject=m["subject"][:200],
                body=m["body"],
                next_attempt_at=now,
                created_at=now,
            )
            for m in messages
        ]
    )


def send_pending() -> tuple[int, int]:
    """Send the messages whose time has come; returns (sent, failed for good)."""
    now = local_now()
    due = OutgoingMail.objects.filter(
        status=OutgoingMail.Status.PENDING, next_attempt_at__lte=now
    ).order_by("id")[:BATCH]
    sent = failed = 0
    for message in due:
        message.attempts += 1
        try:
            send_mail(message.subject, message.body, None, [message.to], fail_silently=False)
        except Exception as exc:  # whatever the backend raises, the message waits or fails
            message.last_error = f"{type(exc).__name__}: {exc}"[:300]
            if message.attempts >= MAX_ATTEMPTS:
                message.status = OutgoingMail.Status.FAILED
                failed += 1
            else:
                message.next_attempt_at = now + FIRST_RETRY * 2 ** (message.attempts - 1)
        else:
            message.status, message.sent_at = OutgoingMail.Status.SENT, now
            sent += 1
        message.save(
            update_fields=["attempts", "status", "last_error", "next_attempt_at", "sent_at"]
        )
    return sent, failed


def failed_mail():
    return OutgoingMail.objects.filter(status=OutgoingMail.Status.FAILED)
