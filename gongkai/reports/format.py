"""The national annual-report format (国办公开办函〔2021〕30号) as data.

Everything that draws a report — the portal page, the DOCX, the XLSX — and everything that
checks one reads its headings, row labels and merged header cells from here, so the three
renderings cannot drift apart.
"""

from dataclasses import dataclass

from gongkai.applications.outcomes import OUTCOME_GROUPS, ApplicantKind, row_number

SECTIONS = (
    ("overview", "一、总体情况"),
    ("proactive", "二、主动公开政府信息情况"),
    ("requests", "三、收到和处理政府信息公开申请情况"),
    ("remedies", "四、政府信息公开行政复议、行政诉讼情况"),
    ("problems", "五、存在的主要问题及改进情况"),
    ("other", "六、其他需要报告的事项"),
)
NARRATIVE_SECTIONS = ("overview", "problems", "other")
SECTION_HEADINGS = dict(SECTIONS)

# ---- table 二 ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SubTable:
    key: str
    heading: str
    columns: tuple[tuple[str, str], ...]
    rows: tuple[tuple[str, str], ...]


TABLE2 = (
    SubTable(
        "art20_1",
        "第二十条第（一）项",
        (("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")),
        (("regulation", "规章"), ("normative_document", "行政规范性文件")),
    ),
    SubTable(
        "art20_5",
        "第二十条第（五）项",
        (("decisions", "本年处理决定数量"),),
        (("licensing", "行政许可"),),
    ),
    SubTable(
        "art20_6",
        "第二十条第（六）项",
        (("decisions", "本年处理决定数量"),),
        (("penalty", "行政处罚"), ("enforcement", "行政强制")),
    ),
    SubTable(
        "art20_8",
        "第二十条第（八）项",
        (("amount", "本年收费金额（单位：万元）"),),
        (("fees", "行政事业性收费"),),
    ),
)
TABLE2_CONTENT_LABEL = "信息内容"
# Cell keys are "<row>.<column>"; the fee amount is the one decimal cell (万元).
TABLE2_CELLS = tuple(
    (f"{row}.{column}", f"{sub.heading} {row_label}·{column_label}")
    for sub in TABLE2
    for row, row_label in sub.rows
    for column, column_label in sub.columns
)
TABLE2_KEYS = tuple(key for key, _label in TABLE2_CELLS)
TABLE2_LABELS = dict(TABLE2_CELLS)
TABLE2_DECIMAL_CELLS = frozenset({"fees.amount"})

# ---- table 三 ---------------------------------------------------------------------------

TABLE3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
TABLE3_APPLICANTS = "申请人情况"
TABLE3_NATURAL = "自然人"
TABLE3_ORGANISATIONS = "法人或其他组织"
TOTAL = "total"
TABLE3_COLUMNS = tuple((kind.value, kind.label) for kind in ApplicantKind) + ((TOTAL, "总计"),)
TABLE3_COLUMN_KEYS = tuple(key for key, _label in TABLE3_COLUMNS)
TABLE3_KIND_KEYS = TABLE3_COLUMN_KEYS[:-1]
TABLE3_COLUMN_LABELS = dict(TABLE3_COLUMNS)

NEW = "new"
CARRIED_OVER = "carried_over"
TOTAL_HANDLED = "total_handled"
CARRIED_FORWARD = "carried_forward"
RESULTS_LABEL = "三、本年度办理结果"


@dataclass(frozen=True)
class Table3Row:
    key: str
    label: str  # the text in the row's own label cell
    name: str  # the label that identifies the row on its own, for messages
    group: str | None = None  # key of the outcome group, for rows under 三
    group_label: str | None = None


def _outcome_rows():
    for group, group_label, outcomes in OUTCOME_GROUPS:
        for outcome in outcomes:
            number = row_number(outcome)
            if number is None:
                label = group_label
                name = f"三{group_label}"
            else:
                label = f"{number}.{outcome.label}"
                name = f"三{group_label} {label}"
            yield Table3Row(outcome.value, label, name, group, group_label)


TABLE3_ROWS = (
    Table3Row(NEW, "一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量"),
    Table3Row(CARRIED_OVER, "二、上年结转政府信息公开申请数量", "二、上年结转政府信息公开申请数量"),
    *_outcome_rows(),
    Table3Row(TOTAL_HANDLED, "（七）总计", "三（七）总计", "total", "（七）总计"),
    Table3Row(CARRIED_FORWARD, "四、结转下年度继续办理", "四、结转下年度继续办理"),
)
TABLE3_ROW_KEYS = tuple(row.key for row in TABLE3_ROWS)
TABLE3_ROW_NAMES = {row.key: row.name for row in TABLE3_ROWS}
OUTCOME_ROW_KEYS = tuple(
    outcome.value for _g, _l, outcomes in OUTCOME_GROUPS for outcome in outcomes
)
# The rows a statistics source supplies per applicant kind; the rest are computed.
TABLE3_INPUT_ROWS = (NEW, CARRIED_OVER, *OUTCOME_ROW_KEYS, CARRIED_FORWARD)


def table3_cell_name(row, column):
    return f"表三「{TABLE3_ROW_NAMES[row]}」行「{TABLE3_COLUMN_LABELS[column]}」列"


# ---- table 四 ---------------------------------------------------------------------------

TABLE4_REVIEW_LABEL = "行政复议"
TABLE4_LITIGATION_LABEL = "行政诉讼"
TABLE4_GROUPS = (
    ("review", "行政复议"),
    ("litigation_direct", "未经复议直接起诉"),
    ("litigation_after_review", "复议后起诉"),
)
TABLE4_RESULTS = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)
TABLE4_KEYS = tuple(
    f"{group}.{result}" for group, _g in TABLE4_GROUPS for result, _r in TABLE4_RESULTS
)
_GROUP_NAMES = {
    "review": "行政复议",
    "litigation_direct": "行政诉讼·未经复议直接起诉",
    "litigation_after_review": "行政诉讼·复议后起诉",
}


def table4_cell_name(key):
    group, result = key.split(".")
    return f"表四「{_GROUP_NAMES[group]}」「{dict(TABLE4_RESULTS)[result]}」"


def table2_cell_name(key):
    return f"表二「{TABLE2_LABELS[key]}」"


# ---- layouts: the merged-cell grids every renderer draws ----------------------------------


@dataclass(frozen=True)
class LayoutCell:
    """One origin cell of a grid. `key` is set for data cells, `text` for label cells."""

    row: int
    column: int
    rowspan: int = 1
    colspan: int = 1
    text: str = ""
    key: object = None

    @property
    def is_data(self):
        return self.key is not None


@dataclass(frozen=True)
class Layout:
    table: str  # "二", "三" or "四"
    rows: int
    columns: int
    cells: tuple[LayoutCell, ...]

    def by_row(self):
        grid = [[] for _ in range(self.rows)]
        for cell in self.cells:
            grid[cell.row].append(cell)
        return [sorted(row, key=lambda cell: cell.column) for row in grid]

    def data_cells(self):
        return [cell for cell in self.cells if cell.is_data]


def _table2_layout():
    cells, row = [], 0
    for sub in TABLE2:
        cells.append(LayoutCell(row, 0, colspan=4, text=sub.heading))
        row += 1
        cells.append(LayoutCell(row, 0, text=TABLE2_CONTENT_LABEL))
        span = 3 // len(sub.columns)
        for index, (_key, label) in enumerate(sub.columns):
            cells.append(LayoutCell(row, 1 + index * span, colspan=span, text=label))
        row += 1
        for row_key, row_label in sub.rows:
            cells.append(LayoutCell(row, 0, text=row_label))
            for index, (column_key, _label) in enumerate(sub.columns):
                cells.append(
                    LayoutCell(row, 1 + index * span, colspan=span, key=f"{row_key}.{column_key}")
                )
            row += 1
    return Layout("二", row, 4, tuple(cells))


def _table3_label_cells(first_row):
    """Label cells of the data rows: 一/二/四 span three columns, 三 spans its 22 rows."""
    cells, row = [], first_row
    results = [r for r in TABLE3_ROWS if r.group is not None]
    for table_row in TABLE3_ROWS:
        if table_row.group is None:
            cells.append(LayoutCell(row, 0, colspan=3, text=table_row.label))
        else:
            if table_row is results[0]:
                cells.append(LayoutCell(row, 0, rowspan=len(results), text=RESULTS_LABEL))
            siblings = [r for r in results if r.group == table_row.group]
            if len(siblings) == 1:
                cells.append(LayoutCell(row, 1, colspan=2, text=table_row.label))
            else:
                if table_row is siblings[0]:
                    cells.append(
                        LayoutCell(row, 1, rowspan=len(siblings), text=table_row.group_label)
                    )
                cells.append(LayoutCell(row, 2, text=table_row.label))
        row += 1
    return cells


def _table3_layout():
    kinds = TABLE3_COLUMNS[1:-1]
    cells = [
        LayoutCell(0, 0, rowspan=3, colspan=3, text=TABLE3_CORNER),
        LayoutCell(0, 3, colspan=7, text=TABLE3_APPLICANTS),
        LayoutCell(1, 3, rowspan=2, text=TABLE3_NATURAL),
        LayoutCell(1, 4, colspan=5, text=TABLE3_ORGANISATIONS),
        LayoutCell(1, 9, rowspan=2, text=TABLE3_COLUMNS[-1][1]),
        *(LayoutCell(2, 4 + index, text=label) for index, (_key, label) in enumerate(kinds)),
    ]
    cells += _table3_label_cells(3)
    for offset, table_row in enumerate(TABLE3_ROWS):
        for index, column in enumerate(TABLE3_COLUMN_KEYS):
            cells.append(LayoutCell(3 + offset, 3 + index, key=(table_row.key, column)))
    return Layout("三", 3 + len(TABLE3_ROWS), 10, tuple(cells))


def _table4_layout():
    cells = [
        LayoutCell(0, 0, colspan=5, text=TABLE4_REVIEW_LABEL),
        LayoutCell(0, 5, colspan=10, text=TABLE4_LITIGATION_LABEL),
    ]
    for index, (_key, label) in enumerate(TABLE4_RESULTS):
        cells.append(LayoutCell(1, index, rowspan=2, text=label))
    for block, (_group, label) in enumerate(TABLE4_GROUPS[1:]):
        cells.append(LayoutCell(1, 5 + block * 5, colspan=5, text=label))
        for index, (_key, result_label) in enumerate(TABLE4_RESULTS):
            cells.append(LayoutCell(2, 5 + block * 5 + index, text=result_label))
    for index, key in enumerate(TABLE4_KEYS):
        cells.append(LayoutCell(3, index, key=key))
    return Layout("四", 4, 15, tuple(cells))


TABLE2_LAYOUT = _table2_layout()
TABLE3_LAYOUT = _table3_layout()
TABLE4_LAYOUT = _table4_layout()
