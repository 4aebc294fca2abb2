"""Working-day arithmetic on the State Council holiday calendar.

Pure Python on purpose: statutory deadlines are legal arithmetic, so they are
computed from a frozen ``Calendar`` value that callers pass in, never from the
database or the clock. A day counts as a working day unless it is a weekend
or a holiday, and a make-up working day (调休上班) counts even on a weekend.

Counting follows 民法典 Art. 201: the start day is not counted. Because only
working days are counted, the period always ends on a working day, which also
satisfies Art. 203 (a period ending on a holiday moves to the next day).

Years missing from ``known_years`` are counted with weekends only, unless the calendar
``assumes_statutory_holidays``: then such a year (from 2025) also skips the holidays that the
national holiday measures fix and an assumed make-up weekday for each one that falls on a
weekend (see ``statutory``). Either way a deadline that touches such a year is provisional,
because the notice may still move make-up days and turn weekends into working days.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import statutory

WEEKDAY_NAMES = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")

COUNTED = "counted"
WEEKEND = "weekend"
HOLIDAY = "holiday"
MAKEUP_WORKDAY = "makeup_workday"
PAUSED = "paused"
STEP_KINDS = (COUNTED, WEEKEND, HOLIDAY, MAKEUP_WORKDAY, PAUSED)
STEP_KIND_LABELS = {
    COUNTED: "计入的工作日",
    WEEKEND: "周末",
    HOLIDAY: "节假日",
    MAKEUP_WORKDAY: "调休上班日",
    PAUSED: "暂停计时",
}

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Calendar:
    """Non-working dates and make-up working days of the years we know.

    ``holidays`` may include weekend days inside a holiday period (the notice
    lists them as part of the break); they are non-working either way.
    ``holiday_names`` is optional display data (e.g. 春节) for explanations.
    """

    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()
    known_years: frozenset[int] = frozenset()
    holiday_names: Mapping[date, str] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    assumes_statutory_holidays: bool = False

    def __post_init__(self):
        clash = self.holidays & self.workdays
        if clash:
            raise ValueError(f"dates both holiday and workday: {sorted(clash)}")

    def is_known(self, year: int) -> bool:
        return year in self.known_years

    def is_working_day(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        provisional = self.provisional_day(day)
        if provisional is not None and day.weekday() < 5:
            return False
        return day.weekday() < 5

    def provisional_day(self, day: date) -> statutory.ProvisionalDay | None:
        """The statutory or assumed day off on ``day`` in a year whose notice is missing."""
        if not self.assumes_statutory_holidays or self.is_known(day.year):
            return None
        if day.year < statutory.FIRST_YEAR:
            return None
        return statutory.provisional_map(day.year).get(day)

    def holiday_name(self, day: date) -> str:
        return self.holiday_names.get(day, "")

    @classmethod
    def from_years(
        cls, years: Iterable[YearEntry], *, assumes_statutory_holidays: bool = False
    ) -> Calendar:
        """Combine per-year entries; a later entry wins on a date listed twice.

        Dates belong to the year of the notice that lists them, so the entry
        for 2019 may hold 2018-12-30.
        """
        holidays: set[date] = set()
        workdays: set[date] = set()
        names: dict[date, str] = {}
        known: set[int] = set()
        for entry in years:
            known.add(entry.year)
            holidays.difference_update(entry.workdays)
            workdays.difference_update(entry.holidays)
            holidays.update(entry.holidays)
            workdays.update(entry.workdays)
            names.update(entry.names)
        return cls(
            frozenset(holidays),
            frozenset(workdays),
            frozenset(known),
            names,
            assumes_statutory_holidays,
        )


@dataclass(frozen=True)
class YearEntry:
    """One year's data as entered from its holiday notice."""

    year: int
    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()
    names: Mapping[date, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Pause:
    """Inclusive dates during which the clock does not run (e.g. consultation)."""

    start: date
    end: date
    reason: str = ""

    def __post_init__(self):
        if self.end < self.start:
            raise ValueError("pause ends before it starts")

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class ExplanationStep:
    day: date
    kind: str
    note: str
    count: int | None = None

    @property
    def weekday_name(self) -> str:
        return WEEKDAY_NAMES[self.day.weekday()]


@dataclass(frozen=True)
class Deadline:
    start: date
    working_days: int
    due: date
    provisional: bool
    explanation: tuple[ExplanationStep, ...]
    assumed_years: tuple[int, ...] = ()

    @property
    def counted_steps(self) -> tuple[ExplanationStep, ...]:
        return tuple(s for s in self.explanation if s.count is not None)

    @property
    def skipped_steps(self) -> tuple[ExplanationStep, ...]:
        return tuple(s for s in self.explanation if s.count is None)


def add_working_days(calendar: Calendar, start: date, n: int) -> date:
    """The date on which the n-th working day after ``start`` falls.

    ``n == 0`` returns ``start`` itself.
    """
    if n < 0:
        raise ValueError("n must not be negative")
    day = start
    remaining = n
    while remaining:
        day += ONE_DAY
        if calendar.is_working_day(day):
            remaining -= 1
    return day


def working_days_between(calendar: Calendar, a: date, b: date) -> int:
    """Number of working days in (a, b]; negative when b is before a."""
    if b < a:
        return -working_days_between(calendar, b, a)
    count = 0
    day = a
    while day < b:
        day += ONE_DAY
        count += calendar.is_working_day(day)
    return count


def compute_deadline(
    calendar: Calendar,
    *,
    start: date,
    limit: int,
    pauses: Iterable[Pause] = (),
    extension: int = 0,
) -> Deadline:
    """Due date of a period of ``limit + extension`` working days from ``start``.

    Days inside a pause are not counted. Every day from the day after
    ``start`` to the due date gets an explanation step.
    """
    if limit < 0 or extension < 0:
        raise ValueError("limit and extension must not be negative")
    pauses = tuple(pauses)
    total = limit + extension
    steps: list[ExplanationStep] = []
    assumed: set[int] = set()
    day = start
    count = 0
    while count < total:
        day += ONE_DAY
        if not calendar.is_known(day.year):
            assumed.add(day.year)
        pause = next((p for p in pauses if p.covers(day)), None)
        if pause is None and calendar.is_working_day(day):
            count += 1
        steps.append(_step(calendar, day, pause, count, limit))
    return Deadline(
        start=start,
        working_days=total,
        due=day,
        provisional=bool(assumed),
        explanation=tuple(steps),
        assumed_years=tuple(sorted(assumed)),
    )


def _step(
    calendar: Calendar, day: date, pause: Pause | None, count: int, limit: int
) -> ExplanationStep:
    unknown = "" if calendar.is_known(day.year) else _unknown_suffix(calendar, day.year)
    weekday = WEEKDAY_NAMES[day.weekday()]
    if pause is not None:
        reason = f"（{pause.reason}）" if pause.reason else ""
        return ExplanationStep(day, PAUSED, f"{weekday}，暂停计时{reason}，不计入")
    if day in calendar.workdays:
        note = f"{weekday}，调休上班，计为第{count}个工作日{_extended(count, limit)}"
        return ExplanationStep(day, MAKEUP_WORKDAY, note, count)
    if day in calendar.holidays:
        name = calendar.holiday_name(day) or "法定节假日"
        return ExplanationStep(day, HOLIDAY, f"{weekday}，{name}放假，不计入")
    provisional = calendar.provisional_day(day)
    if provisional is not None and day.weekday() < 5:
        return ExplanationStep(day, HOLIDAY, f"{weekday}，{provisional.note}，不计入（暂定）")
    if day.weekday() >= 5:
        during = f"（{provisional.festival}）" if provisional else ""
        return ExplanationStep(day, WEEKEND, f"{weekday}，周末休息{during}，不计入{unknown}")
    note = f"{weekday}，第{count}个工作日{_extended(count, limit)}{unknown}"
    return ExplanationStep(day, COUNTED, note, count)


def _extended(count: int, limit: int) -> str:
    return "（延长期限）" if count > limit else ""


def _unknown_suffix(calendar: Calendar, year: int) -> str:
    if calendar.assumes_statutory_holidays and year >= statutory.FIRST_YEAR:
        return f"（{year}年放假通知尚未录入，暂定）"
    return f"（{year}年节假日安排尚未录入，暂只按周末计算）"
