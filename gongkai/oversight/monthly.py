"""The office's monthly inspection report (月度检查通报): per unit, the month's scores
(average, latest, days failed, single vetoes), the problems at the month's last inspection by
indicator, and rectifications given, closed and overdue; the daily trend as charts. Given as a
page, an XLSX and a DOCX. Charts are SVG drawn on the server by pygal (no JavaScript), shown
as images next to the table that carries the same figures."""

import calendar
import datetime
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

import pygal
from docx import Document as WordDocument
from openpyxl import Workbook
from openpyxl.styles import Font
from pygal.style import Style

from .models import Finding, Indicator
from .services import PASS_MARK


@dataclass
class UnitMonth:
    unit: object
    scores: list = field(default_factory=list)  # (day, points, vetoes)
    problems: dict = field(default_factory=dict)  # indicator code -> count at the last run
    assigned: int = 0
    closed: int = 0
    overdue: int = 0

    @property
    def average(self):
        if not self.scores:
            return None
        total = sum(points for _, points, _ in self.scores)
        return (total / len(self.scores)).quantize(Decimal("0.1"), ROUND_HALF_UP)

    @property
    def latest(self):
        return self.scores[-1][1] if self.scores else None

    @property
    def failed_days(self):
        return sum(1 for _, points, vetoes in self.scores if vetoes or points < PASS_MARK)

    @property
    def vetoes(self):
        return sorted({name for _, _, vetoes in self.scores for name in vetoes})


@dataclass
class MonthReport:
    year: int
    month: int
    indicators: list
    units: list
    days: list
    daily_average: list
    daily_failing: list

    @property
    def trend(self):
        return list(zip(self.days, self.daily_average, self.daily_failing, strict=True))

    @property
    def title(self):
        return f"{self.year}年{self.month}月政务公开检查通报"

    @property
    def first(self):
        return datetime.date(self.year, self.month, 1)

    @property
    def last(self):
        return datetime.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])


def monthly_report(units, scores, rectifications, year, month):
    """`units`, `scores` and `rectifications` come from the scope layer: the report shows only
    what its reader may see."""
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    indicators = list(Indicator.objects.filter(is_active=True))
    rows = {unit.pk: UnitMonth(unit) for unit in units}
    by_day = defaultdict(list)
    last_run = {}
    for s in (
        scores.filter(run__day__gte=first, run__day__lte=last, unit__in=list(rows))
        .select_related("run")
        .order_by("run__day", "id")
    ):
        rows[s.unit_id].scores.append((s.run.day, s.points, s.vetoes))
        by_day[s.run.day].append(s)
        last_run[s.unit_id] = s.run_id
    counts = defaultdict(lambda: defaultdict(int))
    for unit_id, code in Finding.objects.filter(
        run_id__in=set(last_run.values()), unit_id__in=list(rows)
    ).values_list("unit_id", "indicator__code"):
        if last_run.get(unit_id) is not None:
            counts[unit_id][code] += 1
    for unit_id, row in rows.items():
        row.problems = {i.code: counts[unit_id].get(i.code, 0) for i in indicators}
    for task in rectifications.filter(unit__in=list(rows)):
        row = rows[task.unit_id]
        row.assigned += first <= task.created_on <= last
        row.closed += task.closed_on is not None and first <= task.closed_on <= last
        still_open = task.closed_on is None or task.closed_on > last
        row.overdue += task.created_on <= last and still_open and task.deadline < last
    days = sorted(by_day)
    average = [
        (sum(s.points for s in by_day[d]) / len(by_day[d])).quantize(Decimal("0.1")) for d in days
    ]
    failing = [sum(1 for s in by_day[d] if s.vetoes or s.points < PASS_MARK) for d in days]
    return MonthReport(year, month, indicators, list(rows.values()), days, average, failing)


# ---------------------------------------------------------------- charts

_STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#222",
    foreground_strong="#000",
    foreground_subtle="#555",
    colors=("#0b5394", "#b45f06"),
    font_family="'Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif",
)


def _chart(kind, title, **config):
    return kind(
        title=title,
        style=_STYLE,
        js=[],  # no scripts: the chart is a picture, the table beside it has the figures
        disable_xml_declaration=True,
        width=720,
        height=320,
        show_legend=True,
        legend_at_bottom=True,
        **config,
    )


def trend_svg(report) -> bytes:
    chart = _chart(
        pygal.Line,
        f"{report.title}：每日平均得分与不合格单位数",
        x_label_rotation=45,
        secondary_range=(0, max(report.daily_failing, default=0) + 1),
    )
    chart.x_labels = [f"{d.month}/{d.day}" for d in report.days]
    chart.add("平均得分", [float(a) for a in report.daily_average])
    chart.add("不合格单位数", report.daily_failing, secondary=True)
    return _static(chart)


def units_svg(report) -> bytes:
    chart = _chart(pygal.HorizontalBar, f"{report.title}：各单位月末得分", range=(0, 100))
    shown = [r for r in report.units if r.latest is not None]
    chart.x_labels = [r.unit.short_name for r in shown]
    chart.add("月末得分", [float(r.latest) for r in shown])
    return _static(chart)


def _static(chart) -> bytes:
    """The SVG without pygal's inline configuration script: a picture, nothing to run."""
    svg = chart.render(is_unicode=True)
    return re.sub(r"<script\b.*?</script>", "", svg, flags=re.S).encode()


# ---------------------------------------------------------------- downloads


def _table(report):
    header = ["单位", "月平均分", "月末得分", "不合格天数", "单项否决"]
    header += [i.name for i in report.indicators]
    header += ["本月下达整改", "本月销号", "逾期未整改"]
    rows = []
    for r in report.units:
        rows.append(
            [
                r.unit.short_name,
                "" if r.average is None else float(r.average),
                "" if r.latest is None else float(r.latest),
                r.failed_days,
                "、".join(r.vetoes),
                *[r.problems.get(i.code, 0) for i in report.indicators],
                r.assigned,
                r.closed,
                r.overdue,
            ]
        )
    return header, rows


def to_xlsx(report) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "各单位"
    sheet.append([report.title])
    sheet["A1"].font = Font(bold=True, size=14)
    header, rows = _table(report)
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    trend = book.create_sheet("每日趋势")
    trend.append(["日期", "平均得分", "不合格单位数"])
    for day, average, failing in zip(
        report.days, report.daily_average, report.daily_failing, strict=True
    ):
        trend.append([day, float(average), failing])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_docx(report) -> bytes:
    doc = WordDocument()
    doc.add_heading(report.title, level=1)
    failing = [r for r in report.units if r.failed_days]
    doc.add_paragraph(
        f"{report.first:%Y年%m月%d日}至{report.last:%Y年%m月%d日}，共开展自动检查{len(report.days)}次，"
        f"涉及{len(report.units)}个单位，其中{len(failing)}个单位出现不合格（得分低于{PASS_MARK}分"
        "或触及单项否决）。"
    )
    for r in failing:
        vetoes = f"，单项否决：{'、'.join(r.vetoes)}" if r.vetoes else ""
        doc.add_paragraph(
            f"{r.unit.short_name}：不合格{r.failed_days}天，月末得分{r.latest}{vetoes}。",
            style="List Bullet",
        )
    header, rows = _table(report)
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = str(text)
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = str(value)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
