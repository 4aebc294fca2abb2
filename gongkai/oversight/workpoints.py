"""The year's work points (工作要点) as tasks: the office enters them (or imports the DOCX it
issued), names responsible units and deadlines; units report progress with evidence; the
matrix of points × units; and a draft of each unit's annual-report paragraph on carrying the
work points out, written from that evidence."""

import datetime
import io
import re
import zipfile

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from docx import Document as WordDocument

from gongkai.accounts.permissions import has_role, require
from gongkai.accounts.roles import Role
from gongkai.audit.services import record
from gongkai.core.clock import local_today
from gongkai.units.models import Unit

from .models import ProgressReport, WorkPlan, WorkPoint, WorkReminder, WorkTask

REPORTING_ROLES = (Role.UNIT_ADMIN, Role.BODY_HEAD, Role.EDITOR)
MAX_BYTES = 10 * 1024 * 1024

# "（一）", "1.", "1、", "一、" at the start of a paragraph number a point.
_NUMBER = re.compile(
    r"^\s*((?:[（(][一二三四五六七八九十]+[)）])|(?:\d{1,2}[.、．])|(?:[一二三四五六七八九十]+、))\s*"
)
_UNITS = re.compile(r"[（(]\s*(?:责任单位|牵头单位)[:：]\s*([^）)]+)[）)]")
_DEADLINE = re.compile(
    r"(?:完成时限|时限|时间)[:：]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|底)?\s*前?"
)


def parse_deadline(text):
    """'2026年6月底前' → 30 June 2026; '2026年9月15日前' → 15 September; None otherwise."""
    match = _DEADLINE.search(text or "")
    if not match:
        return None
    year, month, day = int(match.group(1)), int(match.group(2)), match.group(3)
    try:
        if day:
            return datetime.date(year, month, int(day))
        first_next = datetime.date(year + month // 12, month % 12 + 1, 1)
        return first_next - datetime.timedelta(days=1)
    except ValueError:
        return None


def _unit_names(government):
    units = Unit.objects.of_government(government).active()
    names = {}
    for unit in units:
        names[unit.short_name] = unit
        names[unit.full_name] = unit
    return names


def parse_points(paragraphs, government):
    """Points from the paragraphs of the issued document: a numbered paragraph that names its
    responsible units; the text, units and deadline as written. Unknown unit names are
    reported, never guessed."""
    names = _unit_names(government)
    points, errors = [], []
    for text in paragraphs:
        text = (text or "").strip()
        number = _NUMBER.match(text)
        owners = _UNITS.search(text)
        if not number or not owners:
            continue
        units, unknown = [], []
        for name in re.split(r"[、，,；;\s]+", owners.group(1)):
            name = name.strip()
            if not name:
                continue
            unit = names.get(name)
            (units if unit else unknown).append(unit or name)
        body = _UNITS.sub("", text[number.end() :]).strip()
        if unknown:
            errors.append(
                f"“{number.group(1)}{body[:20]}…”的责任单位无法识别：{'、'.join(unknown)}。"
            )
        points.append(
            {
                "number": number.group(1).strip(),
                "text": body,
                "units": units,
                "deadline": parse_deadline(text),
            }
        )
    return points, errors


def docx_paragraphs(data: bytes):
    if len(data) > MAX_BYTES:
        raise ValidationError("文件超过 10 MB。")
    try:
        document = WordDocument(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ValidationError("无法读取该文件，请上传 DOCX 格式的工作要点。") from exc
    return [p.text for p in document.paragraphs]


@transaction.atomic
def create_plan(*, actor, government, year, title, points, source_name=""):
    """The office records the year's work points (all or nothing)."""
    require(actor, government, Role.OFFICE)
    if WorkPlan.objects.filter(government=government, year=year).exists():
        raise ValidationError(f"{year}年的工作要点已经录入。")
    if not points:
        raise ValidationError("没有识别到工作要点：每条要点应有序号并注明“（责任单位：…）”。")
    plan = WorkPlan.objects.create(
        government=government,
        year=year,
        title=title.strip() or f"{year}年政务公开工作要点",
        source_name=source_name[:200],
        created_by=actor,
        created_on=local_today(),
    )
    for order, data in enumerate(points, 1):
        if not data["units"]:
            raise ValidationError(f"第{order}条工作要点没有责任单位。")
        point = WorkPoint.objects.create(
            plan=plan,
            number=data["number"][:20],
            text=data["text"],
            deadline=data["deadline"],
            order=order,
        )
        for unit in data["units"]:
            if unit.government_id != government.pk:
                raise ValidationError(f"{unit.short_name}不属于本级政府。")
            WorkTask.objects.get_or_create(
                point=point, unit=unit, defaults={"deadline": data["deadline"]}
            )
    record(
        actor=actor,
        action="create_work_plan",
        target=plan,
        data={"points": len(points), "file": source_name},
    )
    return plan


def import_plan(*, actor, government, year, title, data, filename):
    paragraphs = docx_paragraphs(data)
    points, errors = parse_points(paragraphs, government)
    if errors:
        raise ValidationError(errors)
    return create_plan(
        actor=actor,
        government=government,
        year=year,
        title=title,
        points=points,
        source_name=filename,
    )


@transaction.atomic
def report_progress(*, actor, task, text, evidence_url="", documents=(), done=False):
    """A responsible unit reports progress on its task, with evidence; marked done, the task
    is complete on the day reported."""
    task = WorkTask.objects.select_for_update().get(pk=task.pk)
    require(actor, task.unit, *REPORTING_ROLES)
    if not (text or "").strip():
        raise ValidationError({"text": "请填写进展情况。"})
    if evidence_url and not evidence_url.startswith(("https://", "http://", "/")):
        raise ValidationError({"evidence_url": "佐证链接应以 http://、https:// 或 / 开头。"})
    if any(d.unit_id != task.unit_id for d in documents):
        raise ValidationError({"documents": "只能选择本单位发布的信息作为佐证。"})
    today = local_today()
    report = ProgressReport.objects.create(
        task=task,
        text=text.strip(),
        evidence_url=evidence_url.strip(),
        done=done,
        reported_by=actor,
        reported_on=today,
    )
    report.documents.set(documents)
    if done and task.done_on is None:
        task.done_on = today
        task.save(update_fields=["done_on"])
    record(
        actor=actor,
        action="report_work_progress",
        target=task,
        data={"done": done, "documents": sorted(d.pk for d in documents)},
    )
    return report


def matrix(plan, units, today):
    """Rows of points, columns of the given units; each cell the unit's task or None."""
    units = list(units)
    tasks = {
        (t.point_id, t.unit_id): t
        for t in WorkTask.objects.filter(point__plan=plan, unit__in=units).prefetch_related(
            "reports"
        )
    }
    shown = [u for u in units if any(k[1] == u.pk for k in tasks)]
    rows = []
    for point in plan.points.all():
        cells = []
        for unit in shown:
            task = tasks.get((point.pk, unit.pk))
            if task is not None:
                task.late = task.is_late(today)
            cells.append(task)
        rows.append((point, cells))
    return shown, rows


def draft_section(unit, year, today=None):
    """The paragraph of the unit's annual report on carrying out the year's work points,
    written from the tasks and the evidence reported (the unit edits it)."""
    tasks = list(
        WorkTask.objects.filter(unit=unit, point__plan__year=year)
        .select_related("point", "point__plan")
        .prefetch_related("reports", "reports__documents")
    )
    if not tasks:
        return ""
    plan = tasks[0].point.plan
    done = [t for t in tasks if t.done_on]
    lines = [
        f"按照《{plan.title}》，本单位承担{len(tasks)}项工作任务，"
        f"已完成{len(done)}项，{len(tasks) - len(done)}项正在推进。"
    ]
    for n, task in enumerate(tasks, 1):
        reports = list(task.reports.all())
        state = "已完成" if task.done_on else "推进中"
        latest = reports[-1].text if reports else "尚未报送进展。"
        titles = [f"《{d.title}》" for r in reports for d in r.documents.all()]
        evidence = f"（公开信息：{'、'.join(dict.fromkeys(titles))}）" if titles else ""
        lines.append(f"{n}. {task.point.text.rstrip('。')}。{state}：{latest}{evidence}")
    return "\n".join(lines)


def may_report(user, task):
    return has_role(user, task.unit, *REPORTING_ROLES)


def require_office(user, government):
    if not has_role(user, government, Role.OFFICE):
        raise PermissionDenied("只有政务公开办可以录入工作要点。")


# Reminders of tasks due soon or late: this many calendar days before the deadline, on the day
# after it and then every week while the task stays undone.
REMIND_BEFORE = (7, 1)
REMIND_LATE_EVERY = 7


def reminder_text(task, today):
    left = (task.deadline - today).days
    point = f"工作要点{task.point.number}“{task.point.text[:30]}…”"
    deadline = f"{task.deadline:%Y-%m-%d}"
    if left >= 0:
        return f"{point}距完成时限（{deadline}）还有{left}个自然日，请按时完成并报送进展。"
    return f"{point}已超过完成时限（{deadline}）{-left}个自然日，请尽快完成并报送进展。"


def _due_for_reminder(task, today):
    left = (task.deadline - today).days
    return left in REMIND_BEFORE or (left < 0 and (-left - 1) % REMIND_LATE_EVERY == 0)


def send_work_reminders(*, today):
    """Today's reminders of undone work-point tasks due soon or late, to everyone who reports
    for the responsible unit (console and e-mail, through operations.mail). Returns how many
    were new; running twice a day adds none. A fixed number of queries whatever the number
    of tasks, plus the inserts."""
    from gongkai.accounts.models import Membership
    from gongkai.operations import mail

    due = [
        task
        for task in WorkTask.objects.filter(
            done_on__isnull=True, deadline__isnull=False
        ).select_related("point", "unit")
        if _due_for_reminder(task, today)
    ]
    if not due:
        return 0
    staff = {}
    for membership in (
        Membership.objects.filter(
            unit_id__in={t.unit_id for t in due},
            role__in=REPORTING_ROLES,
            user__is_active=True,
        )
        .select_related("user")
        .order_by("unit_id", "user_id")
    ):
        staff.setdefault(membership.unit_id, {})[membership.user_id] = membership.user
    already = set(WorkReminder.objects.filter(created_on=today).values_list("user_id", "task_id"))
    new = [
        WorkReminder(user=user, task=task, created_on=today, text=reminder_text(task, today))
        for task in due
        for user in staff.get(task.unit_id, {}).values()
        if (user.pk, task.pk) not in already
    ]
    with transaction.atomic():
        WorkReminder.objects.bulk_create(new)
        mail.queue_many(
            [
                dict(to=r.user.email, subject="政务公开工作要点任务提醒", body=r.text)
                for r in new
                if r.user.email
            ]
        )
    return len(new)
