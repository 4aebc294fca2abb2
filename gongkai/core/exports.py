"""Spreadsheet exports that a spreadsheet cannot turn against its reader. A cell whose text
starts with = + - @ (or a tab or carriage return before one) is run as a formula by Excel and
WPS when a CSV is opened (CSV injection: ``=HYPERLINK(...)`` leaking the sheet, DDE commands).
Every text that came from a person — a title, a document number — goes through here."""

import csv

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Text that would start a formula gets a leading apostrophe, which spreadsheets show as
    text and do not print; numbers and dates are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """``csv.writer`` whose rows are neutralised cell by cell."""

    def __init__(self, stream, **kwargs):
        self._writer = csv.writer(stream, **kwargs)

    def writerow(self, row):
        return self._writer.writerow([neutralise(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def text_cell(sheet, row, column, value):
    """An openpyxl cell holding ``value`` as text, never as a formula (openpyxl stores any
    string starting with = as one)."""
    cell = sheet.cell(row, column, value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell
