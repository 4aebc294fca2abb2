"""DOCX and XLSX carry exactly the table's numbers, in the national merged layout."""

import io
from decimal import Decimal

import docx
import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.reports import format as fmt
from gongkai.reports.export import read_docx, read_xlsx, to_docx, to_xlsx
from gongkai.reports.tables import ReportContent, build_table3, build_table4

from .facts import YEAR, facts, tally

table2_values = st.fixed_dictionaries(
    {
        key: (
            st.decimals(min_value=0, max_value=99999, places=2, allow_nan=False)
            if key in fmt.TABLE2_DECIMAL_CELLS
            else st.integers(0, 5000)
        )
        for key in fmt.TABLE2_KEYS
    }
)
table4_values = st.fixed_dictionaries({key: st.integers(0, 50) for key in fmt.TABLE4_KEYS})


def content(all_facts, table2, table4):
    return ReportContent(
        title=f"某区人民政府{YEAR}年政府信息公开工作年度报告",
        table2=table2,
        table3=build_table3(*tally(all_facts, YEAR)),
        table4=build_table4(table4),
        narratives={
            "overview": "一段总体情况。\n第二段。",
            "problems": "问题",
            "other": "信息处理费0元",
        },
    )


@settings(max_examples=15, deadline=None)
@given(facts(), table2_values, table4_values)
def test_docx_reads_back_the_same_numbers(all_facts, table2, table4):
    report = content(all_facts, table2, table4)
    back = read_docx(to_docx(report))
    assert back.table2 == table2
    assert back.table3.cells == report.table3.cells
    assert back.table4.cells == report.table4.cells


@settings(max_examples=15, deadline=None)
@given(facts(), table2_values, table4_values)
def test_xlsx_reads_back_the_same_numbers(all_facts, table2, table4):
    report = content(all_facts, table2, table4)
    back = read_xlsx(to_xlsx(report))
    assert back.table2 == table2
    assert back.table3.cells == report.table3.cells
    assert back.table4.cells == report.table4.cells


def sample():
    return content([], {key: 0 for key in fmt.TABLE2_KEYS}, {})


def test_docx_has_the_merged_header_cells_and_six_sections():
    document = docx.Document(io.BytesIO(to_docx(sample())))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [heading for _key, heading in fmt.SECTIONS]
    table3 = document.tables[1]
    corner = table3.cell(0, 0)
    assert corner.text == fmt.TABLE3_CORNER
    assert table3.cell(2, 2)._tc is corner._tc
    assert table3.cell(0, 9)._tc is table3.cell(0, 3)._tc
    assert table3.cell(2, 3).text == "自然人" and table3.cell(2, 3)._tc is table3.cell(1, 3)._tc
    assert table3.cell(24, 0).text == "三、本年度办理结果"
    assert table3.cell(24, 0)._tc is table3.cell(5, 0)._tc
    assert "一段总体情况。" in [p.text for p in document.paragraphs]
    table2, table4 = document.tables[0], document.tables[2]
    assert table2.cell(0, 0).text == "第二十条第（一）项"
    assert table2.cell(0, 3)._tc is table2.cell(0, 0)._tc
    assert table2.cell(5, 1).text == "本年处理决定数量"
    assert table2.cell(5, 3)._tc is table2.cell(5, 1)._tc
    assert table2.cell(6, 3)._tc is table2.cell(6, 1)._tc  # the 行政许可 figure
    assert table4.cell(0, 4)._tc is table4.cell(0, 0)._tc and table4.cell(0, 0).text == "行政复议"
    assert table4.cell(0, 14)._tc is table4.cell(0, 5)._tc and table4.cell(0, 5).text == "行政诉讼"
    assert table4.cell(2, 0)._tc is table4.cell(1, 0)._tc and table4.cell(1, 0).text == "结果维持"
    assert table4.cell(1, 9)._tc is table4.cell(1, 5)._tc
    assert table4.cell(1, 5).text == "未经复议直接起诉"
    assert table4.cell(1, 14)._tc is table4.cell(1, 10)._tc
    assert table4.cell(1, 10).text == "复议后起诉"


def test_xlsx_has_the_merged_header_cells():
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(sample()))).active
    top = _top_of(sheet, fmt.TABLE3_CORNER)
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert f"A{top}:C{top + 2}" in merged
    assert f"D{top}:J{top}" in merged
    assert f"D{top + 1}:D{top + 2}" in merged
    assert f"E{top + 1}:I{top + 1}" in merged
    assert f"J{top + 1}:J{top + 2}" in merged
    assert f"A{top + 5}:A{top + 26}" in merged
    assert sheet.cell(top + 5, 1).value == "三、本年度办理结果"
    table2 = _top_of(sheet, "第二十条第（一）项")
    assert {f"A{table2}:D{table2}", f"B{table2 + 5}:D{table2 + 5}"} <= merged
    assert f"B{table2 + 6}:D{table2 + 6}" in merged  # the 行政许可 figure
    table4 = _top_of(sheet, "行政复议")
    assert {
        f"A{table4}:E{table4}",
        f"F{table4}:O{table4}",
        f"A{table4 + 1}:A{table4 + 2}",
        f"E{table4 + 1}:E{table4 + 2}",
        f"F{table4 + 1}:J{table4 + 1}",
        f"K{table4 + 1}:O{table4 + 1}",
    } <= merged
    assert sheet.cell(table4 + 1, 11).value == "复议后起诉"


def _top_of(sheet, text):
    return next(row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value == text)


def test_fee_amount_keeps_its_decimals():
    table2 = {key: 0 for key in fmt.TABLE2_KEYS} | {"fees.amount": Decimal("0.35")}
    report = content([], table2, {})
    assert read_xlsx(to_xlsx(report)).table2["fees.amount"] == Decimal("0.35")
    assert read_docx(to_docx(report)).table2["fees.amount"] == Decimal("0.35")
