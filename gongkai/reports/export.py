"""DOCX and XLSX renderings of a whole report in the national layout, and readers for them.

Both writers draw the merged-cell grids of `format` (the same grids the portal page draws), and
the readers take the numbers back out of a file by the same grids, so a test can show that
the page, the DOCX and the XLSX carry the same figures.
"""

import io
from dataclasses import dataclass
from decimal import Decimal

import docx
import openpyxl
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from gongkai.core.exports import text_cell

from . import format as fmt
from .tables import Table3, Table4, format_value, parse_table2_value

LAYOUTS = (
    ("proactive", fmt.TABLE2_LAYOUT),
    ("requests", fmt.TABLE3_LAYOUT),
    ("remedies", fmt.TABLE4_LAYOUT),
)
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class ReadBack:
    table2: dict
    table3: Table3
    table4: Table4


# ---- DOCX --------------------------------------------------------------------------------


def to_docx(content):
    """The report as a Word document: title, the six sections, the three tables."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "宋体"
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    title = document.add_heading(content.title, level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    layouts = dict(LAYOUTS)
    for key, heading in fmt.SECTIONS:
        document.add_heading(heading, level=1)
        if key in layouts:
            _docx_table(document, layouts[key], content)
        else:
            for paragraph in (content.narratives.get(key) or "").splitlines() or [""]:
                document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_table(document, layout, content):
    table = document.add_table(rows=layout.rows, cols=layout.columns)
    table.style = "Table Grid"
    # python-docx recomputes the whole grid on every table.cell(); take it once. The merges
    # below are disjoint rectangles, so the other cells' handles stay valid.
    grid = table._cells
    for cell in layout.cells:
        target = grid[cell.row * layout.columns + cell.column]
        if cell.rowspan > 1 or cell.colspan > 1:
            last_row, last_column = cell.row + cell.rowspan - 1, cell.column + cell.colspan - 1
            target = target.merge(grid[last_row * layout.columns + last_column])
        text = format_value(content.value(layout.table, cell.key)) if cell.is_data else cell.text
        target.text = text
        target.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def read_docx(data):
    """The three tables' numbers from a DOCX written by `to_docx`."""
    document = docx.Document(io.BytesIO(data))
    values = []
    for (_key, layout), table in zip(LAYOUTS, document.tables, strict=True):
        grid = table._cells
        values.append(
            {
                cell.key: grid[cell.row * layout.columns + cell.column].text
                for cell in layout.data_cells()
            }
        )
    return _read_back(*values)


# ---- XLSX --------------------------------------------------------------------------------

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_SHEET = "年度报告"
_WIDTH = max(layout.columns for _key, layout in LAYOUTS)


def to_xlsx(content):
    """The report as one worksheet: title, then each section heading and its text or table."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = _SHEET
    text_cell(sheet, 1, 1, content.title).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=_WIDTH)
    layouts = dict(LAYOUTS)
    row = 3
    for key, heading in fmt.SECTIONS:
        text_cell(sheet, row, 1, heading).font = Font(bold=True)
        row += 1
        if key in layouts:
            row = _xlsx_table(sheet, row, layouts[key], content) + 1
        else:
            text = text_cell(sheet, row, 1, content.narratives.get(key) or "")
            text.alignment = Alignment(wrap_text=True, vertical="top")
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=_WIDTH)
            sheet.row_dimensions[row].height = 15 * max(2, len(text.value) // 60 + 1)
            row += 2
    for column in range(1, _WIDTH + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 12
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _xlsx_table(sheet, top, layout, content):
    for cell in layout.cells:
        row, column = top + cell.row, 1 + cell.column
        value = content.value(layout.table, cell.key) if cell.is_data else cell.text
        written = sheet.cell(row, column, value)
        written.alignment = _CENTRE
        for r in range(row, row + cell.rowspan):
            for c in range(column, column + cell.colspan):
                sheet.cell(r, c).border = _BORDER
        if cell.rowspan > 1 or cell.colspan > 1:
            sheet.merge_cells(
                start_row=row,
                start_column=column,
                end_row=row + cell.rowspan - 1,
                end_column=column + cell.colspan - 1,
            )
    return top + layout.rows


def read_xlsx(data):
    """The three tables' numbers from an XLSX written by `to_xlsx`."""
    sheet = openpyxl.load_workbook(io.BytesIO(data))[_SHEET]
    headings = {sheet.cell(row, 1).value: row for row in range(1, sheet.max_row + 1)}
    values = []
    for key, layout in LAYOUTS:
        top = headings[fmt.SECTION_HEADINGS[key]] + 1
        values.append(
            {
                cell.key: sheet.cell(top + cell.row, 1 + cell.column).value
                for cell in layout.data_cells()
            }
        )
    return _read_back(*values)


# ---- shared ------------------------------------------------------------------------------


def _read_back(table2, table3, table4):
    return ReadBack(
        table2={key: parse_table2_value(key, _text(value)) for key, value in table2.items()},
        table3=Table3({key: int(_text(value) or 0) for key, value in table3.items()}),
        table4=Table4({key: int(_text(value) or 0) for key, value in table4.items()}),
    )


def _text(value):
    """A spreadsheet number or a document's text, as the text a person would read."""
    if value is None:
        return ""
    if isinstance(value, float):
        return format(Decimal(repr(value)), "f")
    return str(value).strip()
