"""Changing the local rules of disclosure on application (``Policy``).

Each change is a new ``Policy`` row, so the rows are the history of who changed what and
when; the newest row is in force. Only the openness office may change them. A change to
whether the fee wait stops the clock recomputes the due date of every open application at
once; the rule for online submissions on non-working days dates only later submissions,
because a received date, once set, is a fact.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.accounts.permissions import require_any_role
from gongkai.accounts.roles import Role
from gongkai.audit.services import changes, record

from . import services
from .models import Policy
from .received import OnlineNonWorkingDayRule

MAX_REMINDER_DAYS = 20
MAX_REMINDERS = 5
FIELDS = ("online_nonworking_rule", "online_receipt_confirms", "fee_clock_stops", "reminder_days")


def parse_reminder_days(text):
    """``"5，3, 1"`` → ``"5,3,1"``: distinct working-day counts, largest first."""
    parts = [part for part in re.split(r"[,，、\s]+", text or "") if part]
    if not parts:
        raise ValidationError({"reminder_days": "请至少填写一个提醒天数。"})
    if not all(part.isdigit() for part in parts):
        raise ValidationError({"reminder_days": "提醒天数只能填写整数，用逗号分隔，如“5,3,1”。"})
    days = sorted({int(part) for part in parts}, reverse=True)
    if days[0] > MAX_REMINDER_DAYS:
        raise ValidationError(
            {"reminder_days": f"提醒天数应在 0 至 {MAX_REMINDER_DAYS} 个工作日之间。"}
        )
    if len(days) > MAX_REMINDERS:
        raise ValidationError({"reminder_days": f"最多设置 {MAX_REMINDERS} 个提醒天数。"})
    return ",".join(str(day) for day in days)


def _values(policy):
    return {name: getattr(policy, name) for name in FIELDS}


@transaction.atomic
def save_policy(
    *, actor, online_nonworking_rule, fee_clock_stops, reminder_days, online_receipt_confirms=True
):
    """Put a new policy in force; returns (policy, lines describing recomputed due dates)."""
    require_any_role(actor, Role.OFFICE)
    if online_nonworking_rule not in set(OnlineNonWorkingDayRule):
        raise ValidationError({"online_nonworking_rule": "请选择非工作日网上提交的处理规则。"})
    # Lock the rule in force so two offices saving at once cannot both think they changed it.
    current = Policy.objects.select_for_update().order_by("-id").first() or Policy()
    after = {
        "online_nonworking_rule": str(online_nonworking_rule),
        "online_receipt_confirms": bool(online_receipt_confirms),
        "fee_clock_stops": bool(fee_clock_stops),
        "reminder_days": parse_reminder_days(reminder_days),
    }
    before = _values(current)
    if before == after:
        raise ValidationError("设置没有变化，未保存。")
    policy = Policy.objects.create(created_by=actor, **after)
    lines = []
    if before["fee_clock_stops"] != after["fee_clock_stops"]:
        lines = services.recompute_open_due_dates()
    record(
        actor=actor,
        action="application_policy.save",
        target=policy,
        data={"changes": changes(before, after), "recomputed": len(lines)},
    )
    return policy, lines
