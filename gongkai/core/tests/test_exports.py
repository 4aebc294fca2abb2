import io

import openpyxl
import pytest

from gongkai.core.exports import SafeWriter, neutralise, text_cell


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_that_would_start_a_formula_is_kept_as_text(start):
    assert neutralise(f"{start}1+1") == f"'{start}1+1"


def test_plain_text_numbers_and_empty_cells_are_untouched():
    assert [neutralise(v) for v in ("办法", "", -5, 3.5, None)] == ["办法", "", -5, 3.5, None]


def test_the_csv_writer_neutralises_every_cell():
    out = io.StringIO()
    SafeWriter(out).writerow(["@SUM(A1)", "标题", -1])
    assert out.getvalue() == "'@SUM(A1),标题,-1\r\n"


def test_an_xlsx_text_cell_never_becomes_a_formula():
    book = openpyxl.Workbook()
    text_cell(book.active, 1, 1, "=1+1")
    buffer = io.BytesIO()
    book.save(buffer)
    cell = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active.cell(1, 1)
    assert cell.value == "=1+1" and cell.data_type == "s"
