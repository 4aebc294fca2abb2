"""The report's tables as HTML grids (the same merged layouts the DOCX and XLSX draw)."""

from django.urls import reverse

from . import format as fmt
from .tables import format_value

TABLE_CODES = {"二": "t2", "三": "t3", "四": "t4"}
TABLE_BY_CODE = {code: table for table, code in TABLE_CODES.items()}


def key_text(table, key):
    """A cell key as it appears in a URL: table 三's (row, column) joined by a dot."""
    return ".".join(key) if table == "三" else key


def key_from_text(table, text):
    if table == "三":
        row, _, column = text.partition(".")
        if row not in fmt.TABLE3_ROW_KEYS or column not in fmt.TABLE3_COLUMN_KEYS:
            return None
        return (row, column)
    valid = fmt.TABLE2_KEYS if table == "二" else fmt.TABLE4_KEYS
    return text if text in valid else None


def cell_name(table, key):
    if table == "三":
        return fmt.table3_cell_name(*key)
    return fmt.table2_cell_name(key) if table == "二" else fmt.table4_cell_name(key)


def grids(tables, report=None):
    """The three tables as rows of cells for `reports/_table.html`. With `report`, every
    number links to the records it counts (for the console's drill-down)."""
    sources = {"二": tables.table2, "三": tables.table3, "四": tables.table4}
    layouts = (fmt.TABLE2_LAYOUT, fmt.TABLE3_LAYOUT, fmt.TABLE4_LAYOUT)
    return {layout.table: _grid(layout, sources[layout.table], report) for layout in layouts}


def _grid(layout, values, report):
    rows = []
    for row in layout.by_row():
        cells = []
        for cell in row:
            item = {"rowspan": cell.rowspan, "colspan": cell.colspan, "data": cell.is_data}
            if cell.is_data:
                item["text"] = format_value(values[cell.key])
                item["label"] = cell_name(layout.table, cell.key)
                if report is not None:
                    item["url"] = reverse(
                        "console-reports:cell",
                        args=[
                            report.pk,
                            TABLE_CODES[layout.table],
                            key_text(layout.table, cell.key),
                        ],
                    )
            else:
                item["text"] = cell.text
            cells.append(item)
        rows.append(cells)
    return rows


def sections(report, tables, linked=False):
    """The six sections in order, each with its narrative or its table grid."""
    table_grids = grids(tables, report if linked else None)
    by_section = {"proactive": "二", "requests": "三", "remedies": "四"}
    narratives = report.narratives()
    return [
        {
            "heading": heading,
            "text": narratives.get(key, ""),
            "grid": table_grids.get(by_section.get(key)),
            "table": by_section.get(key),
            "note": source_note(tables) if key == "proactive" else "",
        }
        for key, heading in fmt.SECTIONS
    ]


ENFORCEMENT_CELLS = ("licensing.decisions", "penalty.decisions", "enforcement.decisions")


def source_note(tables):
    """Where table 二's enforcement figures come from: counted from the decisions published
    on this platform, or typed by the unit from another system."""
    sources = getattr(tables, "table2_sources", {}) or {}
    if all(sources.get(key) == "computed" for key in ENFORCEMENT_CELLS):
        return "行政许可、行政处罚、行政强制的处理决定数量由本平台公示的行政执法决定统计得出。"
    return "行政许可、行政处罚、行政强制的处理决定数量由单位根据其执法业务系统填报。"
