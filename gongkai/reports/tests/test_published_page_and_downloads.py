"""The published page, the DOCX and the XLSX carry the same numbers as the frozen tables."""

import re
from html import unescape

import pytest

from gongkai.reports import format as fmt
from gongkai.reports import services, workflow
from gongkai.reports.export import read_docx, read_xlsx
from gongkai.reports.tables import parse_table2_value

from .scenario import publish, small_year

LAYOUTS = {"二": fmt.TABLE2_LAYOUT, "三": fmt.TABLE3_LAYOUT, "四": fmt.TABLE4_LAYOUT}


@pytest.fixture
def published(calendar_years, in_2026, unit_a, editor_a, reviewer_a):
    small_year(unit_a, editor_a)
    report = workflow.generate_report(actor=editor_a, unit=unit_a, year=2025)
    report = workflow.update_report(
        actor=editor_a,
        report=report,
        figures={"licensing.decisions": "318", "penalty.decisions": "12", "fees.amount": "0.75"},
        narratives={"overview": "总体情况正文。", "problems": "存在的问题。"},
    )
    return publish(report, editor_a, reviewer_a)


def read_html_tables(html):
    """Every table's numbers from the page, matched to cells by the national layout."""
    found = {}
    for table, layout in LAYOUTS.items():
        body = re.search(rf'<table[^>]*data-table="{table}">(.*?)</table>', html, re.S).group(1)
        texts = [
            unescape(re.sub(r"<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", body, re.S)
        ]
        keys = [cell.key for cell in sorted(layout.data_cells(), key=lambda c: (c.row, c.column))]
        found[table] = dict(zip(keys, texts, strict=True))
    return found


def test_page_docx_and_xlsx_carry_the_same_numbers(client, published, unit_a):
    frozen = services.from_snapshot(published.snapshot)
    page = client.get(f"/units/{unit_a.code}/annual-reports/2025/")
    assert page.status_code == 200
    html = read_html_tables(page.content.decode())
    assert {k: parse_table2_value(k, v) for k, v in html["二"].items()} == frozen.table2
    assert {k: int(v) for k, v in html["三"].items()} == frozen.table3.cells
    assert {k: int(v) for k, v in html["四"].items()} == frozen.table4.cells

    docx_response = client.get(f"/units/{unit_a.code}/annual-reports/2025/report.docx")
    xlsx_response = client.get(f"/units/{unit_a.code}/annual-reports/2025/report.xlsx")
    for back in (read_docx(docx_response.content), read_xlsx(xlsx_response.content)):
        assert back.table2 == frozen.table2
        assert back.table3.cells == frozen.table3.cells
        assert back.table4.cells == frozen.table4.cells
    assert frozen.table2["licensing.decisions"] == 318
    assert frozen.table3[("new", "total")] == 3


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
