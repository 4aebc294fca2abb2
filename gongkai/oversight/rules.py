"""The inspection rules: one function per indicator code, each returning the problems it finds
in the given units on `today`. They read records directly (they are domain code, run by the
daily job and by the dashboard for units the scope layer has already chosen).

Every problem carries the date it began (`since`): the office asks "who is late, for what,
since when"."""

import calendar
import datetime
from dataclasses import dataclass

from django.db.models import Max, Q
from django.urls import reverse

from gongkai.applications.models import Application
from gongkai.core.clock import local_date
from gongkai.publishing import vocabularies as v
from gongkai.publishing.models import Column, Document, DocumentLink
from gongkai.reports.models import AnnualReport
from gongkai.reports.services import due_date
from gongkai.units.models import APPLICATION_RECEIVING_KINDS


@dataclass(frozen=True)
class Problem:
    unit_id: int
    key: str
    subject: str
    since: datetime.date | None = None
    url: str = ""
    days_late: int | None = None


def overdue_applications(indicator, units, today):
    """Open applications past their reply deadline (Art. 33)."""
    query = Application.objects.overdue(today).filter(unit__in=units).order_by("due_date", "id")
    return [
        Problem(
            a.unit_id,
            f"application:{a.pk}",
            f"申请 {a.tracking_number} 已超过答复期限（{a.due_date:%Y-%m-%d}）",
            a.due_date + datetime.timedelta(days=1),
            reverse("console-applications:detail", args=[a.pk]),
            (today - a.due_date).days,
        )
        for a in query
    ]


def late_questions(indicator, units, today):
    """政民互动 questions and leaders' mailbox letters still unanswered past their due date,
    counted against the unit handling them (the government itself while none is assigned).
    One more than 3 months old is marked: the national indicators fail it."""
    from gongkai.interaction.models import Question

    unit_ids = {u.pk for u in units}
    query = (
        Question.objects.overdue(today)
        .filter(Q(unit__in=unit_ids) | Q(unit__isnull=True, government__in=unit_ids))
        .order_by("due_date", "id")
    )
    problems = []
    for q in query:
        three_months = _months_before(today, 3)
        worst = "，收到已超过3个月" if q.received_on < three_months else ""
        problems.append(
            Problem(
                q.unit_id or q.government_id,
                f"question:{q.pk}",
                f"留言 {q.tracking_number} 已超过答复期限（{q.due_date:%Y-%m-%d}）{worst}",
                q.due_date + datetime.timedelta(days=1),
                reverse("console-interaction:detail", args=[q.pk]),
                (today - q.due_date).days,
            )
        )
    return problems


def _months_before(day, months):
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))


def annual_report(indicator, units, today):
    """Last year's annual report not published by its deadline (Art. 49: a department's by
    31 January, a government's by 31 March), or published after it. A late report stays late:
    the days late are counted to its publication."""
    year = today.year - 1
    units = [u for u in units if u.kind in APPLICATION_RECEIVING_KINDS and u.is_active]
    published = {
        r.unit_id: r for r in AnnualReport.objects.published().filter(unit__in=units, year=year)
    }
    problems = []
    for unit in units:
        due = due_date(unit, year)
        report = published.get(unit.pk)
        if report is None:
            if today <= due:
                continue
            days = (today - due).days
            subject = f"{year}年度报告逾期未发布（期限{due:%Y-%m-%d}，已逾期{days}个自然日）"
            url = reverse("console-reports:list")
        else:
            on = local_date(report.published_at)
            if on <= due:
                continue
            days = (on - due).days
            subject = f"{year}年度报告逾期发布（{on:%Y-%m-%d}发布，逾期{days}个自然日）"
            url = reverse("console-reports:detail", args=[report.pk])
        problems.append(Problem(unit.pk, f"annual-report:{year}", subject, due + _DAY, url, days))
    return problems


def empty_category(indicator, units, today):
    """Statutory items every unit must publish under (e.g. 财政预算、决算) with nothing."""
    wanted = indicator.category_list()
    have = set(
        Document.objects.published()
        .filter(unit__in=units, statutory_category__in=wanted)
        .values_list("unit_id", "statutory_category")
    )
    return [
        Problem(
            unit.pk,
            f"category:{code}",
            f"法定公开事项“{v.STATUTORY_LABELS.get(code, code)}”无内容",
            None,
            reverse("portal:column-statutory", args=[unit.code]),
        )
        for unit in units
        for code in wanted
        if (unit.pk, code) not in have
    ]


def empty_column(indicator, units, today):
    """The unit's own columns with nothing published in them (空白栏目)."""
    filled = set(
        Document.objects.published()
        .filter(unit__in=units, column__isnull=False)
        .values_list("column_id", flat=True)
    )
    columns = Column.objects.filter(unit__in=units).exclude(pk__in=filled).select_related("unit")
    return [
        Problem(
            c.unit_id,
            f"column:{c.pk}",
            f"栏目“{c.name}”无内容",
            None,
            reverse("console-publishing:columns", args=[c.unit.code]),
        )
        for c in columns
    ]


def stale_columns(indicator, units, today):
    """Columns whose name holds one of the indicator's keywords with nothing new within its
    period. An empty column is counted as empty, not here."""
    keywords = indicator.keyword_list()
    if not keywords or not indicator.period_days:
        return []
    period = datetime.timedelta(days=indicator.period_days)
    latest = dict(
        Document.objects.published()
        .filter(unit__in=units, column__isnull=False)
        .values("column_id")
        .annotate(last=Max("first_published_at"))
        .values_list("column_id", "last")
    )
    problems = []
    for column in Column.objects.filter(unit__in=units).select_related("unit"):
        if not any(k in column.name for k in keywords) or latest.get(column.pk) is None:
            continue
        last = local_date(latest[column.pk])
        if today - last <= period:
            continue
        problems.append(
            Problem(
                column.unit_id,
                f"column:{column.pk}",
                f"栏目“{column.name}”自{last:%Y-%m-%d}起未更新（周期{indicator.period_days}个自然日）",
                last + period + _DAY,
                reverse("console-publishing:columns", args=[column.unit.code]),
                (today - last - period).days,
            )
        )
    return problems


def expired_validity(indicator, units, today):
    """Normative documents and rules past their expiry date that nobody repealed, replaced,
    amended or revised since: the unit should have cleared them up (清理) and said so."""
    candidates = Document.objects.published().filter(
        unit__in=units, expiry_date__lt=today, repealed_on__isnull=True
    )
    handled = set(
        DocumentLink.objects.filter(target__in=candidates).values_list("target_id", flat=True)
    )
    problems = []
    for d in candidates.order_by("expiry_date", "id"):
        if not (d.is_normative or d.is_rule or d.is_contingency_plan) or d.pk in handled:
            continue
        if d.published_at and local_date(d.published_at) > d.expiry_date:
            continue  # revised or re-published after it expired: handled
        problems.append(
            Problem(
                d.unit_id,
                f"document:{d.pk}",
                f"《{d.title}》已于{d.expiry_date:%Y-%m-%d}到期，未作清理",
                d.expiry_date + _DAY,
                reverse("console-publishing:detail", args=[d.pk]),
                (today - d.expiry_date).days,
            )
        )
    return problems


def no_interpretation(indicator, units, today):
    """Published policies marked as needing an interpretation that none interprets yet."""
    policies = Document.objects.published().filter(unit__in=units, needs_interpretation=True)
    interpreted = set(
        Document.objects.published()
        .filter(interprets__in=policies)
        .values_list("interprets_id", flat=True)
    )
    return [
        Problem(
            d.unit_id,
            f"document:{d.pk}",
            f"《{d.title}》未发布政策解读",
            local_date(d.first_published_at) if d.first_published_at else None,
            reverse("console-publishing:detail", args=[d.pk]),
        )
        for d in policies.order_by("first_published_at", "id")
        if d.pk not in interpreted
    ]


def unfulfilled_catalogue(indicator, units, today):
    """Catalogue items a unit adopted with no published document fulfilling them."""
    from .models import Adoption

    adoptions = (
        Adoption.objects.filter(unit__in=units)
        .exclude(documents__in=Document.objects.published())
        .select_related("item", "item__version")
        .distinct()
    )
    return [
        Problem(
            a.unit_id,
            f"catalogue:{a.item_id}",
            f"标准目录事项“{a.item.version.field}·{a.item}”未履行（认领后没有关联已发布的信息）",
            a.adopted_on,
            reverse("console-oversight:catalogue-unit", args=[a.unit_id]),
        )
        for a in adoptions.order_by("adopted_on", "id")
    ]


def late_work_points(indicator, units, today):
    """Work-point tasks past their deadline and not done."""
    from .models import WorkTask

    tasks = WorkTask.objects.filter(
        unit__in=units, done_on__isnull=True, deadline__lt=today
    ).select_related("point", "point__plan")
    return [
        Problem(
            t.unit_id,
            f"work-task:{t.pk}",
            f"工作要点{t.point.number}“{t.point.text[:40]}”逾期未完成（时限{t.deadline:%Y-%m-%d}）",
            t.deadline + _DAY,
            reverse("console-oversight:work-plan", args=[t.point.plan_id]),
            (today - t.deadline).days,
        )
        for t in tasks.order_by("deadline", "id")
    ]


def meeting_interpretation(indicator, units, today):
    """Decisions of open meetings (会议开放) without their interpretation once one working day
    has passed since the meeting (they are to be interpreted the same day)."""
    from gongkai.decisions.services import missing_interpretations

    return [
        Problem(
            item.meeting.unit_id,
            f"meeting-item:{item.pk}",
            f"{item.meeting.title}第{item.number}项议题“{item.title}”的会议决定未发布解读"
            f"（应于{due:%Y-%m-%d}前发布）",
            due + _DAY,
            reverse("console-decisions:meeting", args=[item.meeting_id]),
            (today - due).days,
        )
        for item, due in missing_interpretations(units, today)
    ]


def late_incidents(indicator, units, today):
    """Public-opinion incidents whose handling unit missed a response deadline (first or full
    response) and has not answered yet, or a referral not reported back on time."""
    from gongkai.concerns.rules import late_incidents as found

    return [Problem(*fields) for fields in found(units, today)]


# A change of these is a change of the working body or its contacts, which the guide states.
WORKING_BODY_FIELDS = {
    "body_name",
    "leader_name",
    "leader_post",
    "address",
    "postcode",
    "phone",
    "fax",
    "office_hours",
    "email",
}


def stale_guide(indicator, units, today):
    """Guides (政府信息公开指南) not updated since the unit's working body or its contacts
    changed (Art. 53(2) names failing to update the guide)."""
    from gongkai.audit.models import AuditEvent
    from gongkai.publishing.models import Guide

    by_pk = {str(u.pk): u for u in units}
    changed = {}
    events = AuditEvent.objects.filter(
        action="unit.update", target_type="units.unit", target_id__in=list(by_pk)
    ).order_by("created_at")
    for event in events:
        fields = set((event.data or {}).get("changes", {}))
        if fields & WORKING_BODY_FIELDS:
            changed[event.target_id] = event.created_at
    guides = {g.unit_id: g.updated_at for g in Guide.objects.filter(unit__in=list(by_pk.values()))}
    problems = []
    for key, moment in changed.items():
        unit = by_pk[key]
        updated = guides.get(unit.pk)
        if updated is not None and updated >= moment:
            continue
        problems.append(
            Problem(
                unit.pk,
                "guide",
                f"{unit.short_name}的公开工作机构或联系方式于{local_date(moment):%Y-%m-%d}变更，"
                "政府信息公开指南未随之更新",
                local_date(moment),
                reverse("portal:column-guide", args=[unit.code]),
                (today - local_date(moment)).days,
            )
        )
    return problems


_DAY = datetime.timedelta(days=1)

# Indicator code → rule. Broken links are checked by the daily job only (they need the
# network); the dashboard shows the last inspection's.
LIVE_RULES = {
    "overdue_application": overdue_applications,
    "annual_report": annual_report,
    "empty_category": empty_category,
    "empty_column": empty_column,
    "stale_news": stale_columns,
    "stale_notice": stale_columns,
    "expired_validity": expired_validity,
    "no_interpretation": no_interpretation,
    "unfulfilled_catalogue": unfulfilled_catalogue,
    "late_work_point": late_work_points,
    "stale_guide": stale_guide,
    "meeting_interpretation": meeting_interpretation,
    "late_question": late_questions,
    "late_incident": late_incidents,
}
STORED_ONLY = {"broken_link"}
