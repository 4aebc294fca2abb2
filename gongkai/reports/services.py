"""Reading a report's figures: tables from the facts (or the publication snapshot), the
processing-fee facts for section 六 and the consultation figures for section 一, the deadline
of each unit, the narrative warning, and personal data left in the narratives."""

import datetime
import difflib
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, Sum

from gongkai.applications.models import FeeNotice
from gongkai.applications.statistics import request_statistics, review_records
from gongkai.core.clock import CHINA
from gongkai.enforcement import services as enforcement
from gongkai.participation import services as participation
from gongkai.publishing import pii
from gongkai.units.models import Unit

from . import format as fmt
from .models import ENTERED_FIELDS, AnnualReport, ReportStatus
from .tables import (
    ReportContent,
    Table3,
    Table4,
    build_table3,
    build_table4,
    check_identities,
    format_value,
)

SIMILARITY_WARNING = 0.9


@dataclass(frozen=True)
class ReportTables:
    """The figures of one report. `table2_records` names the documents behind computed cells."""

    table2: dict
    table3: Table3
    table4: Table4
    table2_records: dict = field(default_factory=dict)
    table2_sources: dict = field(default_factory=dict)


def covered_units(unit):
    """The units whose facts a report counts: a government's report counts all its units
    (itself included); a unit's counts itself. Units merged into one count with it."""
    if unit.is_government:
        base = list(Unit.objects.filter(government=unit).values_list("pk", flat=True))
    else:
        base = [unit.pk]
    merged = Unit.objects.filter(merged_into__in=base).values_list("pk", flat=True)
    return Unit.objects.filter(Q(pk__in=base) | Q(pk__in=list(merged)))


def report_tables(report):
    """Frozen figures for a published version, live figures for a version being worked on."""
    if report.snapshot:
        return from_snapshot(report.snapshot)
    return compute_tables(report)


def compute_tables(report):
    units = list(covered_units(report.unit))
    statistics = request_statistics(units=units, year=report.year)
    table3 = build_table3(statistics.cells, statistics.records)
    remedies = review_records(units=units, year=report.year)
    table4 = build_table4({key: len(ids) for key, ids in remedies.items()}, remedies)
    table2, records, sources = _table2(report, units)
    return ReportTables(table2, table3, table4, records, sources)


def _table2(report, units):
    table2 = {key: getattr(report, name) for key, name in ENTERED_FIELDS.items()}
    sources = dict.fromkeys(ENTERED_FIELDS, "entered")
    records = document_records(units, report.year)
    records.update(enforcement.decision_records(units, report.year))
    for key, ids in records.items():
        table2[key] = len(ids)
        sources[key] = "computed"
    return {key: table2[key] for key in fmt.TABLE2_KEYS}, records, sources


# The table 二 rows counted from publishing, and which documents each counts. A document
# marked both is a 规章: the two kinds exclude each other, and counting it twice would
# inflate the table.
DOCUMENT_ROWS = (
    ("regulation", Q(is_rule=True)),
    ("normative_document", Q(is_normative=True, is_rule=False)),
)


def document_records(units, year):
    """规章 and 行政规范性文件 issued, repealed and in force at the end of `year`.

    All three cells read the same records as they stood on 31 December: every document the
    units put on the platform that had not been withdrawn by then (one published late still
    counts for the year its dates say; one withdrawn in January still counted on 31
    December). Within them, the dates decide: 成文日期 in the year is issued, 废止日期 in the
    year is repealed, and in force is effective by 31 December, not expired before it and
    not repealed on or before it.
    """
    from gongkai.publishing.models import Document

    year_end = datetime.date(year, 12, 31)
    standing = (
        Document.objects.public()
        .filter(unit__in=units)
        .filter(Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=_start_of(year + 1)))
    )
    in_force = (
        Q(effective_date__lte=year_end)
        & (Q(expiry_date__isnull=True) | Q(expiry_date__gte=year_end))
        & (Q(repealed_on__isnull=True) | Q(repealed_on__gt=year_end))
    )
    records = {}
    for row, kind in DOCUMENT_ROWS:
        documents = standing.filter(kind)
        records[f"{row}.issued"] = _ids(documents.filter(date_written__year=year))
        records[f"{row}.repealed"] = _ids(documents.filter(repealed_on__year=year))
        records[f"{row}.in_force"] = _ids(documents.filter(in_force))
    return records


def _start_of(year):
    return datetime.datetime(year, 1, 1, tzinfo=CHINA)


def _ids(query):
    return list(query.order_by("pk").values_list("pk", flat=True))


def units_figures(government, year):
    """The entered table 二 figures of a government's units for `year`, added up, with the
    source note saying which report version of which unit they came from. Each unit's
    published version counts, else its latest; the aggregate report itself is left out."""
    units = covered_units(government).exclude(pk=government.pk)
    chosen = {}
    for report in (
        AnnualReport.objects.filter(unit__in=units, year=year)
        .select_related("unit")
        .order_by("unit__display_order", "unit_id", "version")
    ):
        held = chosen.get(report.unit_id)
        if held is None or held.status != ReportStatus.PUBLISHED:
            chosen[report.unit_id] = report
    reports = list(chosen.values())
    figures = {name: sum(getattr(r, name) for r in reports) for name in ENTERED_FIELDS.values()}
    return figures, _units_note(year, reports, units.active())


def _units_note(year, reports, active_units):
    counted = "、".join(
        f"{r.unit.short_name}（第{r.version}版，{r.get_status_display()}）" for r in reports
    )
    note = (
        f"行政许可、行政处罚、行政强制处理决定数量和行政事业性收费金额，生成时为所属各单位"
        f"{year}年度报告填报数之和（有已发布版本的取已发布版本，否则取最新版本）："
        f"{counted or '无'}。"
    )
    reported = {r.unit_id for r in reports}
    missing = [unit.short_name for unit in active_units if unit.pk not in reported]
    if missing:
        note += f"尚无{year}年度报告、未计入的单位：{'、'.join(missing)}。"
    return note + "本级政府自身的数据请在此基础上加入，并补充其来源。"


def previous_table3(report):
    """Last year's published table 三 of the same unit, if there is one."""
    previous = AnnualReport.objects.filter(
        unit=report.unit, year=report.year - 1, status=ReportStatus.PUBLISHED
    ).first()
    return from_snapshot(previous.snapshot).table3 if previous and previous.snapshot else None


def violations_of(report, tables=None):
    tables = tables or report_tables(report)
    return check_identities(
        tables.table3,
        tables.table4,
        previous_table3=previous_table3(report),
        table2=tables.table2,
    )


def content_of(report, tables=None):
    tables = tables or report_tables(report)
    return ReportContent(
        title=report.title,
        table2=tables.table2,
        table3=tables.table3,
        table4=tables.table4,
        narratives=report.narratives(),
    )


# ---- snapshot ------------------------------------------------------------------------------


def to_snapshot(tables):
    def pair(key):
        return f"{key[0]}|{key[1]}"

    return {
        "table2": {key: _json_value(value) for key, value in tables.table2.items()},
        "table2_sources": tables.table2_sources,
        "table3": {pair(key): value for key, value in tables.table3.cells.items()},
        "table4": dict(tables.table4.cells),
        "records": {
            "二": {key: list(ids) for key, ids in tables.table2_records.items()},
            "三": {pair(key): list(ids) for key, ids in tables.table3.records.items()},
            "四": {key: list(ids) for key, ids in tables.table4.records.items()},
        },
    }


def from_snapshot(snapshot):
    def key_of(text):
        return tuple(text.split("|"))

    table2 = {
        key: Decimal(value) if key in fmt.TABLE2_DECIMAL_CELLS else int(value)
        for key, value in snapshot["table2"].items()
    }
    records = snapshot.get("records", {})
    table3 = Table3(
        {key_of(key): value for key, value in snapshot["table3"].items()},
        {key_of(key): tuple(ids) for key, ids in records.get("三", {}).items()},
    )
    table4 = Table4(
        dict(snapshot["table4"]), {k: tuple(v) for k, v in records.get("四", {}).items()}
    )
    return ReportTables(
        table2, table3, table4, records.get("二", {}), snapshot.get("table2_sources", {})
    )


def _json_value(value):
    return format_value(value) if isinstance(value, Decimal) else value


# ---- section 六, deadlines, warnings -------------------------------------------------------


def fee_facts(units, year):
    """Processing-fee notices issued in the year (count, amount) and the amount collected."""
    issued = FeeNotice.objects.filter(application__unit__in=units, issued_on__year=year)
    paid = FeeNotice.objects.filter(application__unit__in=units, paid_on__year=year)
    return {
        "notices": issued.count(),
        "amount": issued.aggregate(total=Sum("amount"))["total"] or 0,
        "collected": paid.aggregate(total=Sum("amount"))["total"] or 0,
    }


def fee_paragraph(unit, year):
    facts = fee_facts(covered_units(unit), year)
    who = "本级政府及所属各单位" if unit.is_government else "本机关"
    return (
        f"依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）规定，{year}年{who}"
        f"共发出信息处理费收费通知{facts['notices']}件，金额合计{facts['amount']}元；"
        f"实际收取信息处理费{facts['collected']}元。"
    )


def consultation_paragraph(unit, year):
    """决策公开 in section 一: the drafts put out for comment and what came of the comments."""
    return participation.draft_section(unit, year)


def due_date(unit, year):
    """Art. 49: a department's report by 31 January, a government's by 31 March."""
    return datetime.date(year + 1, 3, 31) if unit.is_government else datetime.date(year + 1, 1, 31)


def narrative_warnings(report):
    """Sections that read almost the same as last year's published report (ratio ≥ 0.9)."""
    previous = AnnualReport.objects.filter(
        unit=report.unit, year=report.year - 1, status=ReportStatus.PUBLISHED
    ).first()
    if previous is None:
        return []
    warnings = []
    # The generated paragraphs (fees, consultations) are alike every year by design; leave
    # them out.
    this_year = _without(report.narratives(), *_generated(report))
    last_year = _without(previous.narratives(), *_generated(previous))
    for key, text in this_year.items():
        before = last_year.get(key, "")
        if not text.strip() or not before.strip():
            continue
        ratio = difflib.SequenceMatcher(None, text, before).ratio()
        if ratio >= SIMILARITY_WARNING:
            warnings.append(
                f"“{fmt.SECTION_HEADINGS[key]}”与{previous.year}年报告的相似度为{ratio:.0%}，"
                "请结合本年度实际情况撰写，避免照搬上年内容。"
            )
    return warnings


def personal_data(report):
    """Unmasked resident ID, mobile and bank card numbers in the narrative sections, each
    located by its section's heading (the same detection as any other publication)."""
    return pii.scan(
        pii.Segment(f"“{fmt.SECTION_HEADINGS[key]}”", text)
        for key, text in report.narratives().items()
    )


def _generated(report):
    return [
        fee_paragraph(report.unit, report.year),
        consultation_paragraph(report.unit, report.year),
    ]


def _without(narratives, *paragraphs):
    cleaned = {}
    for key, text in narratives.items():
        for paragraph in paragraphs:
            if paragraph:
                text = text.replace(paragraph, "")
        cleaned[key] = text
    return cleaned


@dataclass(frozen=True)
class DeadlineRow:
    unit: Unit
    year: int
    due: datetime.date
    report: AnnualReport | None
    overdue: bool


def deadline_rows(units, today):
    """Per unit: is last year's report published, when is it due, is it overdue."""
    year = today.year - 1
    published = {
        report.unit_id: report
        for report in AnnualReport.objects.published().filter(unit__in=units, year=year)
    }
    rows = []
    for unit in units:
        report = published.get(unit.pk)
        due = due_date(unit, year)
        rows.append(DeadlineRow(unit, year, due, report, report is None and today > due))
    return rows
