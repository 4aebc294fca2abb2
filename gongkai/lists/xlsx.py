"""The spreadsheet side of a list: the template to download, and reading an upload.

`read_rows` runs in the sandbox's child process (core/sandbox.py), so this module imports
no Django: a crafted workbook can only exhaust the child's limits. The workbook is opened
read-only (streamed) and with cached values only, so formulas are never evaluated.
"""

import io

MAX_ROWS = 5000
MAX_COLUMNS = 40
MAX_CELL = 10000


class TooLarge(ValueError):
    pass


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    return str(value).strip()[:MAX_CELL]


def read_rows(data: bytes) -> list[list[str]]:
    """The first sheet's rows as text, header included, trailing empty rows dropped."""
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        ws = wb.worksheets[0]
        rows: list[list[str]] = []
        for row in ws.iter_rows(max_col=MAX_COLUMNS, values_only=True):
            if len(rows) > MAX_ROWS:
                raise TooLarge(f"表格超过 {MAX_ROWS} 行")
            rows.append([_text(v) for v in row])
    finally:
        wb.close()
    while rows and not any(rows[-1]):
        rows.pop()
    return rows


def template(title: str, headers: list[str], hints: list[str], example: list[str] | None = None):
    """A workbook with the headers on row 1 and, as comments, what each column expects."""
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title[:31]
    ws.append(headers)
    for index, (cell, hint) in enumerate(zip(ws[1], hints, strict=True), start=1):
        cell.font = Font(bold=True)
        if hint:
            cell.comment = Comment(hint, "政务公开平台")
        ws.column_dimensions[get_column_letter(index)].width = max(12, len(headers[index - 1]) * 3)
    if example:
        ws.append(example)
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def workbook(title: str, headers: list[str], rows: list[list[str]]) -> bytes:
    """A list as a spreadsheet in its own template's format (download of a published list)."""
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet(title[:31])
    ws.append(headers)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
