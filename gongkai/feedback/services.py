"""Leaving a message and handling it. Every change is audited."""

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.accounts.permissions import require
from gongkai.accounts.roles import Role
from gongkai.audit.services import record
from gongkai.core.clock import local_now

from .models import Message, MessageKind

TEXT_LIMIT = 2000


@transaction.atomic
def leave_message(*, government, kind, text, page="", contact=""):
    """A visitor's message to the government's openness office (no account needed)."""
    text = text.strip()
    problems = {}
    if kind not in MessageKind.values:
        problems["kind"] = "请选择类别。"
    if not text:
        problems["text"] = "请填写内容。"
    elif len(text) > TEXT_LIMIT:
        problems["text"] = f"内容不能超过 {TEXT_LIMIT} 字。"
    if problems:
        raise ValidationError(problems)
    # Only a path on this site is kept, so the office's link can never be javascript: or
    # lead elsewhere.
    page = page if page.startswith("/") and not page.startswith("//") else ""
    message = Message.objects.create(
        government=government, kind=kind, text=text, page=page[:300], contact=contact.strip()
    )
    record(actor=None, action="feedback.receive", target=message, data={"kind": kind})
    return message


@transaction.atomic
def mark_handled(*, actor, message, reply_note):
    message = Message.objects.select_for_update().get(pk=message.pk)
    require(actor, message.government, Role.OFFICE)
    if message.handled_at is not None:
        raise ValidationError("这条意见已经处理过。")
    if not reply_note.strip():
        raise ValidationError({"reply_note": "请写明处理情况。"})
    message.handled_at = local_now()
    message.handled_by = actor
    message.reply_note = reply_note.strip()
    message.save(update_fields=["handled_at", "handled_by", "reply_note"])
    record(
        actor=actor,
        action="feedback.handle",
        target=message,
        from_state="received",
        to_state="handled",
        reason=message.reply_note,
    )
    return message
