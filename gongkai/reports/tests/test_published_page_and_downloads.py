"""The published page, the DOCX and the XLSX carry the same numbers as the frozen tables."""

import re
from datetime import date as D
from decimal import Decimal
from html import unescape

import pytest

from gongkai.applications import workflow as applications
from gongkai.applications.models import Application, RemedyKind, RemedyResult
from gongkai.reports import format as fmt
from gongkai.reports import presentation, services, workflow
from gongkai.reports.export import read_docx, read_xlsx
from gongkai.reports.models import AnnualReport
from gongkai.reports.tables import Table3, Table4, parse_table2_value

from .scenario import publish, small_year

LAYOUTS = {"二": fmt.TABLE2_LAYOUT, "三": fmt.TABLE3_LAYOUT, "四": fmt.TABLE4_LAYOUT}


@pytest.fixture
def published(calendar_years, at, issue, unit_a, editor_a, reviewer_a):
    """A 2025 report with non-zero figures in every table, all from the real workflows."""
    rule_old, normative_old = issue(D(2024, 3, 4)), issue(D(2024, 3, 5), rule=False)
    issue(D(2024, 3, 6))
    issue(D(2024, 3, 7), rule=False)
    issue(D(2025, 2, 3), repeals=[rule_old])
    issue(D(2025, 2, 4), rule=False, repeals=[normative_old])
    issue(D(2025, 2, 5), rule=False)
    at(2026, 1, 20)
    small_year(unit_a, editor_a)
    for application, remedies in _replied(unit_a).items():
        for kind, result, decided_on in remedies:
            applications.record_review(
                actor=editor_a,
                application=application,
                kind=kind,
                filed_on=D(2025, 6, 2),
                result=result,
                decided_on=decided_on,
            )
    report = workflow.generate_report(actor=editor_a, unit=unit_a, year=2025)
    report = workflow.update_report(
        actor=editor_a,
        report=report,
        figures={
            "licensing.decisions": "318",
            "penalty.decisions": "12",
            "enforcement.decisions": "5",
            "fees.amount": "0.75",
        },
        figures_source="来自区政务服务平台和行政执法监督平台",
        narratives={"overview": "总体情况正文。", "problems": "存在的问题。"},
    )
    return publish(report, editor_a, reviewer_a)


def _replied(unit):
    """The two replied applications of `small_year`, with the remedies each gets."""
    disclosed, withheld = Application.objects.filter(unit=unit, reply__isnull=False).order_by(
        "received_on"
    )
    return {
        disclosed: [(RemedyKind.REVIEW, RemedyResult.UPHELD, D(2025, 8, 1))],
        withheld: [
            (RemedyKind.REVIEW, RemedyResult.CORRECTED, D(2025, 8, 4)),
            (RemedyKind.LITIGATION_DIRECT, RemedyResult.PENDING, None),
        ],
    }


def distinct_tables():
    """Every cell of every table a different number, so a cell drawn in another's place shows.
    (The real workflow cannot cheaply give 200 different counts.)"""
    table2 = {key: index + 1 for index, key in enumerate(fmt.TABLE2_KEYS)}
    table2["fees.amount"] = Decimal("12.3456")
    keys3 = [(row, column) for row in fmt.TABLE3_ROW_KEYS for column in fmt.TABLE3_COLUMN_KEYS]
    table3 = Table3({key: 100 + index for index, key in enumerate(keys3)})
    table4 = Table4({key: 400 + index for index, key in enumerate(fmt.TABLE4_KEYS)})
    return services.ReportTables(table2, table3, table4)


def read_html_tables(html):
    """Every table's numbers from the page, matched to cells by the national layout; each
    cell's own label must name the cell the layout puts there."""
    found = {}
    for table, layout in LAYOUTS.items():
        body = re.search(rf'<table[^>]*data-table="{table}">(.*?)</table>', html, re.S).group(1)
        cells = re.findall(r'<td[^>]*data-label="([^"]*)"[^>]*>(.*?)</td>', body, re.S)
        keys = [cell.key for cell in sorted(layout.data_cells(), key=lambda c: (c.row, c.column))]
        assert [unescape(label) for label, _text in cells] == [
            presentation.cell_name(table, key) for key in keys
        ]
        texts = [unescape(re.sub(r"<[^>]+>", "", text)).strip() for _label, text in cells]
        found[table] = dict(zip(keys, texts, strict=True))
    return found


def assert_page_and_downloads_carry(client, unit, frozen):
    page = client.get(f"/units/{unit.code}/annual-reports/2025/")
    assert page.status_code == 200
    html = read_html_tables(page.content.decode())
    assert {k: parse_table2_value(k, v) for k, v in html["二"].items()} == frozen.table2
    assert {k: int(v) for k, v in html["三"].items()} == frozen.table3.cells
    assert {k: int(v) for k, v in html["四"].items()} == frozen.table4.cells

    docx_response = client.get(f"/units/{unit.code}/annual-reports/2025/report.docx")
    xlsx_response = client.get(f"/units/{unit.code}/annual-reports/2025/report.xlsx")
    for back in (read_docx(docx_response.content), read_xlsx(xlsx_response.content)):
        assert back.table2 == frozen.table2
        assert back.table3.cells == frozen.table3.cells
        assert back.table4.cells == frozen.table4.cells


def test_page_docx_and_xlsx_carry_the_same_numbers(client, published, unit_a):
    frozen = services.from_snapshot(published.snapshot)
    assert_page_and_downloads_carry(client, unit_a, frozen)
    assert frozen.table2 == {
        "regulation.issued": 1,
        "regulation.repealed": 1,
        "regulation.in_force": 2,
        "normative_document.issued": 2,
        "normative_document.repealed": 1,
        "normative_document.in_force": 3,
        "licensing.decisions": 318,
        "penalty.decisions": 12,
        "enforcement.decisions": 5,
        "fees.amount": Decimal("0.75"),
    }
    assert frozen.table3[("new", "total")] == 3
    assert {key: value for key, value in frozen.table4.cells.items() if value} == {
        "review.upheld": 1,
        "review.corrected": 1,
        "review.total": 2,
        "litigation_direct.pending": 1,
        "litigation_direct.total": 1,
    }


def test_every_cell_lands_in_its_own_place(client, published, unit_a):
    tables = distinct_tables()
    AnnualReport.objects.filter(pk=published.pk).update(snapshot=services.to_snapshot(tables))
    assert_page_and_downloads_carry(client, unit_a, tables)
    [item] = client.get("/api/v1/annual-reports", {"unit": unit_a.code}).json()
    assert item["table2"]["normative_document.repealed"] == 5
    assert item["table3"]["carried_forward"]["total"] == 100 + 25 * 7 - 1
    assert item["table4"]["litigation_after_review.total"] == 414


def header_rows(html, table):
    """The header cells of a table on the page, row by row, as (rowspan, colspan, text)."""
    body = re.search(rf'<table[^>]*data-table="{table}">(.*?)</table>', html, re.S).group(1)
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = re.findall(r"<(th|td)([^>]*)>(.*?)</\1>", row, re.S)
        rows.append(
            [
                (_span(attrs, "rowspan"), _span(attrs, "colspan"), "" if tag == "td" else text)
                for tag, attrs, text in cells
            ]
        )
    return rows


def _span(attrs, name):
    found = re.search(rf'{name}="(\d+)"', attrs)
    return int(found.group(1)) if found else 1


def test_page_has_the_merged_header_cells_and_six_sections(client, published, unit_a):
    html = client.get(f"/units/{unit_a.code}/annual-reports/2025/").content.decode()
    for heading, _key in ((h, k) for k, h in fmt.SECTIONS):
        assert f"<h2>{heading}</h2>" in html
    assert f'<th rowspan="3" colspan="3">{fmt.TABLE3_CORNER}</th>' in html
    assert '<th colspan="7">申请人情况</th>' in html
    assert '<th rowspan="2">自然人</th>' in html
    assert '<th colspan="5">法人或其他组织</th>' in html
    assert '<th rowspan="2">总计</th>' in html
    assert '<th rowspan="22">三、本年度办理结果</th>' in html
    assert '<th rowspan="8">（三）不予公开</th>' in html
    decisions = [(1, 1, "信息内容"), (1, 3, "本年处理决定数量")]
    assert header_rows(html, "二") == [
        [(1, 4, "第二十条第（一）项")],
        [
            (1, 1, "信息内容"),
            (1, 1, "本年制发件数"),
            (1, 1, "本年废止件数"),
            (1, 1, "现行有效件数"),
        ],
        [(1, 1, "规章"), (1, 1, ""), (1, 1, ""), (1, 1, "")],
        [(1, 1, "行政规范性文件"), (1, 1, ""), (1, 1, ""), (1, 1, "")],
        [(1, 4, "第二十条第（五）项")],
        decisions,
        [(1, 1, "行政许可"), (1, 3, "")],
        [(1, 4, "第二十条第（六）项")],
        decisions,
        [(1, 1, "行政处罚"), (1, 3, "")],
        [(1, 1, "行政强制"), (1, 3, "")],
        [(1, 4, "第二十条第（八）项")],
        [(1, 1, "信息内容"), (1, 3, "本年收费金额（单位：万元）")],
        [(1, 1, "行政事业性收费"), (1, 3, "")],
    ]
    results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert header_rows(html, "四") == [
        [(1, 5, "行政复议"), (1, 10, "行政诉讼")],
        [*((2, 1, label) for label in results), (1, 5, "未经复议直接起诉"), (1, 5, "复议后起诉")],
        [(1, 1, label) for label in results * 2],
        [(1, 1, "")] * 15,
    ]


def test_column_lists_published_reports_only(client, published, unit_a, editor_a):
    workflow.new_version(actor=editor_a, report=published, reason="更正")
    html = client.get(f"/units/{unit_a.code}/annual-reports/").content.decode()
    assert html.count(published.title) == 1
    assert f"/units/{unit_a.code}/annual-reports/2025/" in html


def test_public_page_has_no_drill_down_links(client, published, unit_a):
    html = client.get(f"/units/{unit_a.code}/annual-reports/2025/").content.decode()
    assert "/console/" not in html.split('data-table="三"')[1].split("</table>")[0]


def test_unpublished_report_is_not_public(client, calendar_years, in_2026, unit_a, editor_a):
    workflow.generate_report(actor=editor_a, unit=unit_a, year=2025)
    assert client.get(f"/units/{unit_a.code}/annual-reports/2025/").status_code == 404


def test_api_returns_published_reports_with_every_cell(client, published, unit_a):
    data = client.get("/api/v1/annual-reports", {"unit": unit_a.code, "year": 2025}).json()
    [item] = data
    frozen = services.from_snapshot(published.snapshot)
    assert item["year"] == 2025 and item["unit"] == unit_a.code
    assert sum(len(row) for row in item["table3"].values()) == 175
    assert item["table3"]["new"]["total"] == frozen.table3[("new", "total")]
    assert item["table3"]["withheld_state_secret"]["commercial_enterprise"] == 1
    assert len(item["table4"]) == 15
    assert item["table2"]["fees.amount"] == "0.75"
    assert client.get("/api/v1/annual-reports", {"unit": unit_a.code, "year": 2024}).json() == []


def test_the_index_lists_every_units_reports_by_year(client, published, unit_a, editor_a):
    workflow.new_version(actor=editor_a, report=published, reason="更正")
    html = client.get("/annual-reports/?year=2025").content.decode()
    assert 'id="year-2025"' in html
    assert html.count(f"/units/{unit_a.code}/annual-reports/2025/") == 1


def test_wide_tables_scroll_inside_a_labelled_region(client, published, unit_a):
    html = client.get(f"/units/{unit_a.code}/annual-reports/2025/").content.decode()
    before_table_three = html.split('data-table="三"')[0].rsplit("<div", 1)[1]
    assert 'role="region"' in before_table_three and 'tabindex="0"' in before_table_three
