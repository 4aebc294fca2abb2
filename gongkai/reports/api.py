"""Published annual reports with every table cell, so that anyone can check the arithmetic."""

from ninja import Router, Schema

from . import format as fmt
from .models import AnnualReport
from .services import from_snapshot

router = Router(tags=["年度报告"])


class AnnualReportOut(Schema):
    unit: str
    unit_name: str
    year: int
    version: int
    title: str
    published_at: str
    narratives: dict[str, str]
    table2: dict[str, str | int]
    table3: dict[str, dict[str, int]]
    table4: dict[str, int]
    labels: dict[str, dict[str, str]]


LABELS = {
    "table2": dict(fmt.TABLE2_LABELS),
    "table3_rows": {row.key: row.name for row in fmt.TABLE3_ROWS},
    "table3_columns": dict(fmt.TABLE3_COLUMNS),
    "table4": {key: fmt.table4_cell_name(key) for key in fmt.TABLE4_KEYS},
}


@router.get("/annual-reports", response=list[AnnualReportOut], summary="已发布的年度报告")
def annual_reports(request, unit: str | None = None, year: int | None = None):
    """Published reports (current versions), optionally for one unit code and one year.

    `table3` is keyed by row, then by applicant column (`total` is 总计); the fee amount in
    `table2` is a decimal string in 万元."""
    reports = (
        AnnualReport.objects.published()
        .select_related("unit")
        .order_by("-year", "unit__display_order")
    )
    if unit:
        reports = reports.filter(unit__code=unit)
    if year:
        reports = reports.filter(year=year)
    return [_out(report) for report in reports]


def _out(report):
    tables = from_snapshot(report.snapshot)
    table3 = {
        row: {column: tables.table3[(row, column)] for column in fmt.TABLE3_COLUMN_KEYS}
        for row in fmt.TABLE3_ROW_KEYS
    }
    return {
        "unit": report.unit.code,
        "unit_name": report.unit.full_name,
        "year": report.year,
        "version": report.version,
        "title": report.title,
        "published_at": report.published_at.isoformat(),
        "narratives": report.narratives(),
        "table2": report.snapshot["table2"],
        "table3": table3,
        "table4": dict(tables.table4.cells),
        "labels": LABELS,
    }
