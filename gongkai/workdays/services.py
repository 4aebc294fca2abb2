"""The holiday calendar in the database: reading it (cached), saving a year with its history,
and the alert when next year's arrangement is still missing."""

import logging
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Count, Max

from gongkai.accounts.permissions import has_any_role, require_any_role
from gongkai.accounts.roles import Role
from gongkai.audit import services as audit
from gongkai.core.clock import local_now
from gongkai.operations import alerts
from gongkai.operations.models import AlertKind

from . import known
from .calendar import Calendar
from .models import CalendarRevision, CalendarYear, Source
from .signals import calendar_changed

logger = logging.getLogger(__name__)

EDITOR_ROLES = (Role.SYSADMIN, Role.OFFICE)
ALERT_FROM_MONTH = 11
SYSTEM_LABEL = audit.SYSTEM_ACTOR_LABEL

# Process-local copy of the calendar, keyed by the newest revision, so every process sees a
# change on its next read without a shared cache.
_cached: tuple[tuple, Calendar] | None = None


class YearDataError(ValueError):
    """A year's dates are inconsistent; the message is for users."""


@dataclass
class SaveResult:
    calendar_year: CalendarYear
    revision: CalendarRevision
    change_lines: list[str] = field(default_factory=list)


def current_calendar() -> Calendar:
    """Every year entered so far, as one Calendar value."""
    global _cached
    stamp = CalendarRevision.objects.aggregate(last=Max("id"), count=Count("id"))
    key = (stamp["last"], stamp["count"])
    if _cached is None or _cached[0] != key:
        years = CalendarYear.objects.order_by("year")
        entries = (y.entry() for y in years)
        _cached = (key, Calendar.from_years(entries, assumes_statutory_holidays=True))
    return _cached[1]


def forget_cached_calendar() -> None:
    global _cached
    _cached = None


def may_edit_calendar(user) -> bool:
    return has_any_role(user, *EDITOR_ROLES)


def missing_years(today: date) -> list[int]:
    """This year if missing; from 1 November also next year if missing."""
    wanted = [today.year]
    if today.month >= ALERT_FROM_MONTH:
        wanted.append(today.year + 1)
    return [year for year in wanted if not current_calendar().is_known(year)]


def missing_year_alert(today: date) -> str | None:
    years = missing_years(today)
    if not years:
        return None
    shown = "、".join(f"{year}年" for year in years)
    return (
        f"{shown}节假日安排尚未录入。在录入之前，延伸到{shown}的法定期限按《全国年节及纪念日"
        "放假办法》规定的法定假日和适逢周末时按惯例推定的补假计算，调休上班日无法预知，"
        "这些期限都标注为“暂定”。国务院办公厅通知发布后，请尽快粘贴通知全文录入。"
    )


def save_year(
    *,
    actor,
    year: int,
    holidays,
    workdays,
    names=None,
    source: str,
    source_note: str = "",
    notice_text: str = "",
    reason: str = "",
) -> SaveResult:
    """Enter or correct one year's arrangement. ``actor`` None means the system (install,
    command-line import). Recomputations by ``calendar_changed`` receivers are returned as
    change lines."""
    if actor is not None:
        require_any_role(actor, *EDITOR_ROLES)
    holidays, workdays = sorted(set(holidays)), sorted(set(workdays))
    _validate(year, holidays, workdays)
    names = {d.isoformat(): n for d, n in (names or {}).items() if d in set(holidays) and n}
    with transaction.atomic():
        previous = current_calendar()
        row = CalendarYear.objects.select_for_update().filter(year=year).first()
        before = _dates_of(row)
        after = {
            "holidays": [d.isoformat() for d in holidays],
            "workdays": [d.isoformat() for d in workdays],
        }
        if row is not None and before == after and row.names == names:
            raise YearDataError(f"{year}年的安排与现有数据完全相同，没有需要保存的修改。")
        changes = _changes(before, after)
        row, revision = _write(
            row,
            year,
            after,
            names,
            actor=actor,
            revision_fields={
                "source": source,
                "source_note": source_note,
                "notice_text": notice_text,
                "reason": reason,
                "changes": changes,
            },
        )
        audit.record(
            actor=actor,
            action="workdays.year_corrected" if revision.number > 1 else "workdays.year_entered",
            target=row,
            from_state=f"第{revision.number - 1}版" if revision.number > 1 else "",
            to_state=f"第{revision.number}版",
            reason=reason,
            data={"source": source, "source_note": source_note, "changes": changes},
        )
        forget_cached_calendar()
        current = current_calendar()
        years = sorted({year} | {date.fromisoformat(d).year for d in _changed_dates(changes)})
        lines = _notify(years=years, previous=previous, current=current, actor=actor)
    return SaveResult(row, revision, lines)


def load_chinesecalendar_years(*, actor=None) -> list[int]:
    """Add the years chinesecalendar knows and the database lacks; never overwrites."""
    present = set(CalendarYear.objects.values_list("year", flat=True))
    added = []
    for year in known.known_years():
        if year in present:
            continue
        data = known.year_data(year)
        save_year(
            actor=actor,
            year=year,
            holidays=[date.fromisoformat(d) for d in data["holidays"]],
            workdays=[date.fromisoformat(d) for d in data["workdays"]],
            names={date.fromisoformat(k): v for k, v in data["names"].items()},
            source=Source.CHINESECALENDAR,
            source_note="chinesecalendar",
        )
        added.append(year)
    return added


def _validate(year: int, holidays: list[date], workdays: list[date]) -> None:
    if not 1949 < year < 2200:
        raise YearDataError("年份不正确。")
    if not holidays:
        raise YearDataError(f"{year}年没有任何放假日期，请核对。")
    both = set(holidays) & set(workdays)
    if both:
        raise YearDataError(f"{_fmt(min(both))}既被列为放假又被列为上班。")
    weekday_work = [d for d in workdays if d.weekday() < 5]
    if weekday_work:
        raise YearDataError(f"{_fmt(weekday_work[0])}本来就是工作日，不能列为调休上班。")
    low, high = date(year - 1, 12, 1), date(year + 1, 1, 31)
    outside = [d for d in holidays + workdays if not low <= d <= high]
    if outside:
        raise YearDataError(f"{_fmt(outside[0])}不属于{year}年的节假日安排。")


def _write(row, year, after, names, *, actor, revision_fields):
    now = local_now()
    label = _actor_label(actor)
    if row is None:
        row = CalendarYear(year=year)
    row.holidays, row.workdays, row.names = after["holidays"], after["workdays"], names
    row.source = revision_fields["source"]
    row.source_note = revision_fields["source_note"]
    row.updated_at, row.updated_by_label = now, label
    row.save()
    number = (row.revisions.aggregate(last=Max("number"))["last"] or 0) + 1
    revision = CalendarRevision.objects.create(
        calendar_year=row,
        number=number,
        holidays=after["holidays"],
        workdays=after["workdays"],
        names=names,
        created_at=now,
        created_by=actor,
        created_by_label=label,
        **revision_fields,
    )
    return row, revision


def _actor_label(actor) -> str:
    if actor is None:
        return SYSTEM_LABEL
    return actor.get_full_name() or actor.get_username()


def _dates_of(row) -> dict:
    if row is None:
        return {"holidays": [], "workdays": []}
    return {"holidays": list(row.holidays), "workdays": list(row.workdays)}


def _changes(before: dict, after: dict) -> dict:
    result = {}
    for kind in ("holidays", "workdays"):
        old, new = set(before[kind]), set(after[kind])
        result[f"added_{kind}"] = sorted(new - old)
        result[f"removed_{kind}"] = sorted(old - new)
    return result


def _changed_dates(changes: dict) -> set[str]:
    return {d for dates in changes.values() for d in dates}


def _notify(**kwargs) -> list[str]:
    """Ask receivers to recompute; a failing receiver must not lose the calendar change."""
    try:
        with transaction.atomic():
            responses = calendar_changed.send(sender=CalendarYear, **kwargs)
    except Exception:
        logger.exception("calendar_changed receiver failed")
        # The calendar change stands; retry_recomputation (every 5 minutes, with back-off) and
        # applications_daily try again until it succeeds and the alert resolves.
        alerts.raise_alert(
            kind=AlertKind.RECOMPUTE_FAILED,
            key=alerts.CALENDAR_RECOMPUTE,
            message=alerts.CALENDAR_RECOMPUTE_MESSAGE,
        )
        return ["部分相关期限未能自动重新计算，已提醒政务公开办，系统将每隔几分钟自动重试。"]
    return [line for _receiver, lines in responses for line in (lines or [])]


def _fmt(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
