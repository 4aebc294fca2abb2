"""Supervision figures: the problems each unit has today, the dashboard's rows, the score,
and the daily inspection that stores findings and scores as history."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from gongkai.units.models import Unit

from . import rules
from .models import Finding, Indicator, InspectionRun, Rectification, RectificationStatus, Score

FULL_MARKS = Decimal(100)
PASS_MARK = Decimal(60)


def active_indicators():
    return list(Indicator.objects.filter(is_active=True))


def indicator_named(code):
    return Indicator.objects.filter(code=code, is_active=True).first()


def problems(indicator, units, today):
    """The problems of `indicator` in `units` today: computed live, or (for broken links) the
    latest inspection's."""
    units = list(units)
    rule = rules.LIVE_RULES.get(indicator.code)
    if rule is not None:
        return rule(indicator, units, today)
    return [
        rules.Problem(f.unit_id, f.key, f.subject, f.since, f.url)
        for f in latest_findings(units).filter(indicator=indicator)
    ]


def latest_findings(units):
    """Findings of each unit's government's latest inspection."""
    runs = [
        run.pk
        for government in {u.government_id or u.pk for u in units}
        if (run := InspectionRun.objects.filter(government_id=government).first()) is not None
    ]
    return Finding.objects.filter(run__in=runs, unit__in=[u.pk for u in units])


# ---------------------------------------------------------------- the dashboard


@dataclass
class Cell:
    indicator: Indicator
    count: int
    vetoed: bool
    since: object = None  # the oldest problem's start


@dataclass
class DashboardRow:
    unit: Unit
    cells: list = field(default_factory=list)
    open_rectifications: int = 0
    overdue_rectifications: int = 0
    annual_report_days_late: int | None = None

    @property
    def total(self):
        return sum(c.count for c in self.cells) + self.open_rectifications


def dashboard_rows(units, today):
    """Per unit (of those the caller may see), per indicator: how many problems, the oldest
    since when, and whether the indicator vetoes; with the unit's open rectifications."""
    units = list(units)
    indicators = active_indicators()
    found = {i.code: problems(i, units, today) for i in indicators}
    open_tasks = defaultdict(lambda: [0, 0])
    for task in Rectification.objects.filter(unit__in=units).exclude(
        status=RectificationStatus.CLOSED
    ):
        open_tasks[task.unit_id][0] += 1
        open_tasks[task.unit_id][1] += task.deadline < today
    rows = []
    for unit in units:
        row = DashboardRow(unit)
        for indicator in indicators:
            mine = [p for p in found[indicator.code] if p.unit_id == unit.pk]
            starts = [p.since for p in mine if p.since]
            row.cells.append(
                Cell(indicator, len(mine), _vetoes(indicator, len(mine)), min(starts, default=None))
            )
            if indicator.code == "annual_report" and mine:
                row.annual_report_days_late = mine[0].days_late
        row.open_rectifications, row.overdue_rectifications = open_tasks[unit.pk]
        rows.append(row)
    return indicators, rows


def unit_problems(unit, indicator, today):
    return sorted(
        problems(indicator, [unit], today),
        key=lambda p: (p.since is None, p.since or today, p.key),
    )


# ---------------------------------------------------------------- the score


def _vetoes(indicator, count):
    return indicator.veto_threshold is not None and count >= indicator.veto_threshold


@dataclass(frozen=True)
class Result:
    points: Decimal
    vetoes: tuple


def score(counts, indicators):
    """100 less, per indicator, `weight` × problems found, at most `cap`; never below 0. An
    indicator whose count reaches its veto threshold is named as a single veto (单项否决)."""
    points = FULL_MARKS
    vetoes = []
    for indicator in indicators:
        count = counts.get(indicator.code, 0)
        points -= min(indicator.weight * count, indicator.cap)
        if _vetoes(indicator, count):
            vetoes.append(indicator.name)
    return Result(max(points, Decimal(0)), tuple(vetoes))


def passed(result):
    return not result.vetoes and result.points >= PASS_MARK


# ---------------------------------------------------------------- the daily inspection


def run_inspection(government, today, *, link_problems=None):
    """Inspect every active unit of `government` on `today`, store the findings and scores.
    Run again the same day, it replaces that day's results. `link_problems` are the broken
    links found by the link checker (it needs the network, so the caller runs it)."""
    units = list(Unit.objects.of_government(government).active())
    indicators = active_indicators()
    with transaction.atomic():
        InspectionRun.objects.filter(government=government, day=today).delete()
        run = InspectionRun.objects.create(
            government=government, day=today, links_checked=link_problems is not None
        )
        closed = set(
            Rectification.objects.filter(
                unit__in=units, status=RectificationStatus.CLOSED
            ).values_list("unit_id", "indicator_id", "key")
        )
        counts = defaultdict(lambda: defaultdict(int))
        rows = []
        for indicator in indicators:
            if indicator.code in rules.LIVE_RULES:
                found = rules.LIVE_RULES[indicator.code](indicator, units, today)
            elif indicator.code == "broken_link":
                found = link_problems or []
            else:
                found = []
            for p in found:
                counts[p.unit_id][indicator.code] += 1
                rows.append(
                    Finding(
                        run=run,
                        unit_id=p.unit_id,
                        indicator=indicator,
                        key=p.key[:300],
                        subject=p.subject[:400],
                        since=p.since,
                        url=p.url[:500],
                        repeat=(p.unit_id, indicator.pk, p.key) in closed,
                    )
                )
        Finding.objects.bulk_create(rows)
        Score.objects.bulk_create(
            Score(
                run=run,
                unit=unit,
                points=(r := score(counts[unit.pk], indicators)).points,
                vetoes=list(r.vetoes),
            )
            for unit in units
        )
    return run


def score_history(units, since):
    """Scores of `units` from `since` on, oldest first, for the trend."""
    return (
        Score.objects.filter(unit__in=units, run__day__gte=since)
        .select_related("run", "unit")
        .order_by("run__day", "unit_id")
    )
