"""Training (培训, 五(三)): a unit — or the office, on its government — plans a course and then
records it as held (date, hours, participants, materials), or cancels it. One named, audited
function per state change, checked against ``TRANSITIONS``. The year's trainings are counted
into a paragraph for the annual report's narrative.

Invalid input raises ``ValidationError`` with a Chinese message and changes nothing; a wrong
role raises ``PermissionDenied``."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.accounts.permissions import require
from gongkai.accounts.roles import Role
from gongkai.audit.services import record
from gongkai.core.clock import local_today
from gongkai.core.workflow import check, locked

from .models import Training, TrainingStatus

S = TrainingStatus
TRANSITIONS = {
    "plan_training": {(None, S.PLANNED)},
    # A course held without a plan on the platform is recorded directly.
    "record_training": {(None, S.HELD), (S.PLANNED, S.HELD)},
    "cancel_training": {(S.PLANNED, S.CANCELLED)},
}
# Those who run a unit's openness work keep its training records; the office keeps its own
# (on its government) and may keep any unit's.
ROLES = (Role.UNIT_ADMIN, Role.BODY_HEAD, Role.EDITOR, Role.OFFICE)
MAX_PARTICIPANTS = 100000


def _check(action, before, after):
    check(TRANSITIONS, action, before, after, S(before).label if before else None)


def _text(value):
    return (value or "").strip()


def _url(value):
    value = _text(value)
    if value and not value.startswith(("https://", "http://", "/")):
        raise ValidationError({"materials_url": "培训材料链接应以 http://、https:// 或 / 开头。"})
    return value


def _title(value):
    value = _text(value)
    if not value:
        raise ValidationError({"title": "请填写培训课程名称。"})
    if len(value) > 200:
        raise ValidationError({"title": "培训课程名称不能超过200字。"})
    return value


@transaction.atomic
def plan_training(*, actor, unit, title, planned_on, content="", audience=""):
    """A unit (or the office) puts a course in its training plan."""
    require(actor, unit, *ROLES)
    _check("plan_training", None, S.PLANNED)
    title = _title(title)
    if planned_on is None:
        raise ValidationError({"planned_on": "请填写计划日期。"})
    today = local_today()
    if planned_on.year < today.year - 1:
        raise ValidationError({"planned_on": "计划日期不能早于上一年度。"})
    training = Training.objects.create(
        unit=unit,
        title=title,
        content=_text(content),
        audience=_text(audience)[:200],
        planned_on=planned_on,
        status=S.PLANNED,
        created_by=actor,
        created_on=today,
    )
    record(
        actor=actor,
        action="plan_training",
        target=training,
        to_state=training.status,
        data={"unit": unit.pk, "planned_on": planned_on.isoformat()},
    )
    return training


def _held(held_on, hours, participant_count, participants):
    today = local_today()
    if held_on is None:
        raise ValidationError({"held_on": "请填写举办日期。"})
    if held_on > today:
        raise ValidationError({"held_on": "举办日期不能晚于今天；尚未举办的培训请列入培训计划。"})
    names = [n.strip() for n in _text(participants).splitlines() if n.strip()]
    count = participant_count if participant_count is not None else len(names)
    if count < 1 or count > MAX_PARTICIPANTS:
        raise ValidationError({"participant_count": "参训人数应为1至100000之间的整数。"})
    if count < len(names):
        raise ValidationError(
            {"participant_count": f"参训人数（{count}人）少于名单中的人数（{len(names)}人）。"}
        )
    if hours is not None and not (Decimal("0.5") <= Decimal(hours) <= Decimal("200")):
        raise ValidationError({"hours": "学时应在0.5至200之间。"})
    return count, "\n".join(names)


@transaction.atomic
def record_training(
    *,
    actor,
    held_on,
    participant_count=None,
    participants="",
    materials="",
    materials_url="",
    hours=None,
    training=None,
    unit=None,
    title="",
    content="",
    audience="",
):
    """Record a course as held: a planned one (``training``) or, with ``unit`` and ``title``,
    one that was never in the plan. Participants' names, one a line, are optional; the count
    is not."""
    if training is not None:
        training = locked(Training, training.pk)
        require(actor, training.unit, *ROLES)
        before = training.status
    else:
        require(actor, unit, *ROLES)
        before = None
    _check("record_training", before, S.HELD)
    count, names = _held(held_on, hours, participant_count, participants)
    materials_url = _url(materials_url)
    if training is None:
        training = Training(
            unit=unit,
            title=_title(title),
            content=_text(content),
            audience=_text(audience)[:200],
            created_by=actor,
            created_on=local_today(),
        )
    elif _text(title):
        training.title = _title(title)
    training.held_on = held_on
    training.hours = hours
    training.participant_count = count
    training.participants = names
    training.materials = _text(materials)
    training.materials_url = materials_url
    training.status = S.HELD
    training.save()
    record(
        actor=actor,
        action="record_training",
        target=training,
        from_state=before or "",
        to_state=training.status,
        # The count, never the names (personal data stays out of the audit trail).
        data={"held_on": held_on.isoformat(), "participants": count, "named": bool(names)},
    )
    return training


@transaction.atomic
def cancel_training(*, actor, training, reason):
    training = locked(Training, training.pk)
    require(actor, training.unit, *ROLES)
    _check("cancel_training", training.status, S.CANCELLED)
    if not _text(reason):
        raise ValidationError({"reason": "取消培训须说明理由。"})
    before = training.status
    training.status = S.CANCELLED
    training.note = _text(reason)
    training.save(update_fields=["status", "note"])
    record(
        actor=actor,
        action="cancel_training",
        target=training,
        from_state=before,
        to_state=training.status,
        reason=training.note,
    )
    return training


def year_summary(trainings, year):
    """(courses held, participant-times, hours) of `trainings` held in `year`."""
    held = [t for t in trainings if t.status == S.HELD and t.held_on and t.held_on.year == year]
    return (
        len(held),
        sum(t.participant_count for t in held),
        sum((t.hours or Decimal(0)) for t in held),
    )


def draft_section(unit, year):
    """The sentence of the unit's annual report on its training in `year`, counted from the
    records (the unit edits it in the report)."""
    trainings = list(
        Training.objects.filter(
            unit=unit,
            status=S.HELD,
            held_on__gte=datetime.date(year, 1, 1),
            held_on__lte=datetime.date(year, 12, 31),
        ).order_by("held_on", "id")
    )
    planned = (
        Training.objects.filter(unit=unit, planned_on__year=year)
        .exclude(status=S.CANCELLED)
        .count()
    )
    if not trainings:
        return ""
    count, people, _hours = year_summary(trainings, year)
    courses = "；".join(
        f"{t.held_on.month}月{t.held_on.day}日“{t.title}”（{t.participant_count}人参加）"
        for t in trainings
    )
    plan = f"年度培训计划安排{planned}期，" if planned else ""
    return (
        f"加强政务公开业务培训。{year}年{plan}共举办政务公开培训{count}期，"
        f"参训{people}人次：{courses}。"
    )
