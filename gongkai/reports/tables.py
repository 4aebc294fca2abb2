"""The report's tables as values, and the arithmetic identities a report must satisfy.

Pure functions: the numbers come in (from the applications statistics, from entered figures or
from a stored snapshot), and what comes out is either a complete table or a list of violations,
each naming the cell it is about and, when the counts came with their records, the ids of the
applications behind it.
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from . import format as fmt


@dataclass(frozen=True)
class _Cells:
    """Counted cells and, under the same keys, the ids of the records behind each count."""

    cells: dict
    records: dict = field(default_factory=dict)

    def __getitem__(self, key):
        return self.cells.get(key, 0)

    def records_for(self, key):
        return tuple(self.records.get(key, ()))


@dataclass(frozen=True)
class Table3(_Cells):
    """All 25 × 7 cells, keyed (row key, column key)."""

    def column(self, column):
        return {row: self[(row, column)] for row in fmt.TABLE3_ROW_KEYS}


@dataclass(frozen=True)
class Table4(_Cells):
    """The 15 cells of table 四, keyed "review.upheld" … "litigation_after_review.total"."""


@dataclass(frozen=True)
class Violation:
    """One failed identity. `cell` is the cell to look at first; `cells` all cells involved."""

    rule: str
    table: str
    cell: object
    cell_name: str
    message: str
    cells: tuple = ()
    record_ids: tuple = ()


def build_table3(counts, records=None):
    """Complete table 三 from per-kind counts and (optionally) per-kind record ids.

    `counts` is keyed (row key, ApplicantKind value) over the input rows: 一, 二, each outcome
    and 四. The 三（七） row and the 总计 column are computed here, never taken from the source.
    """
    records = records or {}
    unknown = {row for row, _kind in [*counts, *records]} - set(fmt.TABLE3_INPUT_ROWS)
    unknown |= {kind for _row, kind in [*counts, *records]} - set(fmt.TABLE3_KIND_KEYS)
    if unknown:
        raise ValueError(f"unknown table 三 keys: {sorted(unknown)}")
    cells, ids = {}, {}
    for row in fmt.TABLE3_INPUT_ROWS:
        for kind in fmt.TABLE3_KIND_KEYS:
            cells[(row, kind)] = int(counts.get((row, kind), 0))
            ids[(row, kind)] = tuple(records.get((row, kind), ()))
    for kind in fmt.TABLE3_KIND_KEYS:
        cells[(fmt.TOTAL_HANDLED, kind)] = sum(cells[(row, kind)] for row in fmt.OUTCOME_ROW_KEYS)
        ids[(fmt.TOTAL_HANDLED, kind)] = _concat(ids[(row, kind)] for row in fmt.OUTCOME_ROW_KEYS)
    for row in fmt.TABLE3_ROW_KEYS:
        cells[(row, fmt.TOTAL)] = sum(cells[(row, kind)] for kind in fmt.TABLE3_KIND_KEYS)
        ids[(row, fmt.TOTAL)] = _concat(ids[(row, kind)] for kind in fmt.TABLE3_KIND_KEYS)
    return Table3(cells, ids if records else {})


def build_table4(counts, records=None):
    """Table 四 from the review statistics; a group total the source left out is computed."""
    unknown = set(counts) - set(fmt.TABLE4_KEYS)
    if unknown:
        raise ValueError(f"unknown table 四 keys: {sorted(unknown)}")
    cells = {key: int(counts.get(key, 0)) for key in fmt.TABLE4_KEYS}
    for group, _label in fmt.TABLE4_GROUPS:
        if f"{group}.total" not in counts:
            cells[f"{group}.total"] = sum(cells[f"{group}.{r}"] for r in _TABLE4_PARTS)
    return Table4(cells, dict(records or {}))


# What the report's columns can hold: counts fit a 32-bit integer column with room to spare,
# the fee amount is stored in 万元 to four places, which is one 元.
MAX_COUNT = 999_999_999
FEE_MAX_DIGITS = 14
FEE_DECIMAL_PLACES = 4
MAX_FEE = Decimal(10) ** (FEE_MAX_DIGITS - FEE_DECIMAL_PLACES) - Decimal(1).scaleb(
    -FEE_DECIMAL_PLACES
)


def parse_table2_value(key, raw):
    """A table 二 figure from user or file input, or ValueError with a Chinese message."""
    text = str(raw).strip() if raw is not None else ""
    if text == "":
        return Decimal("0") if key in fmt.TABLE2_DECIMAL_CELLS else 0
    name = fmt.table2_cell_name(key)
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{name}必须是数字，收到“{text}”。") from None
    if not value.is_finite():
        raise ValueError(f"{name}必须是数字，收到“{text}”。")
    if value < 0:
        raise ValueError(f"{name}不能为负数，收到“{text}”。")
    if key in fmt.TABLE2_DECIMAL_CELLS:
        return _fee_amount(name, value, text)
    if value > MAX_COUNT:
        raise ValueError(f"{name}不能超过 {MAX_COUNT} 件，收到“{text}”。")
    if value != value.to_integral_value():
        raise ValueError(f"{name}必须是整数（件数），收到“{text}”。")
    return int(value)


def _fee_amount(name, value, text):
    if value > MAX_FEE:
        raise ValueError(f"{name}不能超过 {MAX_FEE} 万元，收到“{text}”。")
    if value != value.quantize(Decimal(1).scaleb(-FEE_DECIMAL_PLACES)):
        raise ValueError(
            f"{name}以万元为单位，最多保留 {FEE_DECIMAL_PLACES} 位小数（即精确到元），"
            f"收到“{text}”。"
        )
    return value


# ---- identities --------------------------------------------------------------------------

_TABLE3_KEYS = tuple(
    (row, column) for row in fmt.TABLE3_ROW_KEYS for column in fmt.TABLE3_COLUMN_KEYS
)
_TABLE4_PARTS = ("upheld", "corrected", "other", "pending")


def check_identities(table3, table4, previous_table3=None, table2=None):
    """Every violation of the format's identities: 一+二 = 三（七）+四 per column, outcome
    totals, the 总计 column, table 四 group totals, last year's carry-forward, no negatives."""
    violations = []
    violations += _non_negative(table3, table4, table2)
    violations += _column_identity(table3)
    violations += _outcome_total_identity(table3)
    violations += _total_column_identity(table3)
    violations += _table4_identity(table4)
    if previous_table3 is not None:
        violations += _carry_over_identity(table3, previous_table3)
    return violations


def _non_negative(table3, table4, table2):
    found = []
    for key in _TABLE3_KEYS:
        if table3[key] < 0:
            name = fmt.table3_cell_name(*key)
            found.append(_negative("三", key, name, table3[key], table3.records_for(key)))
    for key in fmt.TABLE4_KEYS:
        if table4[key] < 0:
            found.append(_negative("四", key, fmt.table4_cell_name(key), table4[key]))
    for key, value in (table2 or {}).items():
        found += _table2_problem(key, value)
    return found


def _table2_problem(key, value):
    name = fmt.table2_cell_name(key)
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return [Violation("AR_NONNEG", "二", key, name, f"{name}必须是数字。", (key,))]
    if key not in fmt.TABLE2_DECIMAL_CELLS and value != int(value):
        return [
            Violation(
                "AR_NONNEG", "二", key, name, f"{name}必须是整数（件数），现为 {value}。", (key,)
            )
        ]
    if value < 0:
        return [_negative("二", key, name, value)]
    return []


def _negative(table, key, name, value, record_ids=()):
    return Violation(
        "AR_NONNEG", table, key, name, f"{name}为 {value}，不能为负数。", (key,), record_ids
    )


def _column_identity(table3):
    found = []
    for column in fmt.TABLE3_COLUMN_KEYS:
        left = [(fmt.NEW, column), (fmt.CARRIED_OVER, column)]
        right = [(fmt.TOTAL_HANDLED, column), (fmt.CARRIED_FORWARD, column)]
        left_sum, right_sum = _sum(table3, left), _sum(table3, right)
        if left_sum != right_sum:
            key = (fmt.CARRIED_FORWARD, column)
            label = fmt.TABLE3_COLUMN_LABELS[column]
            message = (
                f"表三「{label}」列：一（{table3[left[0]]}）+ 二（{table3[left[1]]}）= {left_sum}，"
                f"而 三（七）（{table3[right[0]]}）+ 四（{table3[right[1]]}）= {right_sum}，"
                "第一项加第二项之和应等于第三项加第四项之和。"
            )
            culprits = _mismatch(table3, left, right)
            found.append(
                Violation(
                    "AR_T3_COLUMN_IDENTITY",
                    "三",
                    key,
                    fmt.table3_cell_name(*key),
                    message,
                    (*left, *right),
                    culprits,
                )
            )
    return found


def _outcome_total_identity(table3):
    found = []
    for column in fmt.TABLE3_COLUMN_KEYS:
        parts = [(row, column) for row in fmt.OUTCOME_ROW_KEYS]
        key = (fmt.TOTAL_HANDLED, column)
        expected = _sum(table3, parts)
        if table3[key] != expected:
            label = fmt.TABLE3_COLUMN_LABELS[column]
            message = (
                f"表三「{label}」列：三（七）总计为 {table3[key]}，"
                f"而（一）至（六）各项之和为 {expected}。"
            )
            culprits = _mismatch(table3, [key], parts)
            found.append(
                Violation(
                    "AR_T3_TOTAL_IDENTITY",
                    "三",
                    key,
                    fmt.table3_cell_name(*key),
                    message,
                    (key, *parts),
                    culprits,
                )
            )
    return found


def _total_column_identity(table3):
    found = []
    for row in fmt.TABLE3_ROW_KEYS:
        parts = [(row, kind) for kind in fmt.TABLE3_KIND_KEYS]
        key = (row, fmt.TOTAL)
        expected = _sum(table3, parts)
        if table3[key] != expected:
            name = fmt.TABLE3_ROW_NAMES[row]
            message = f"表三「{name}」行：总计为 {table3[key]}，而六类申请人之和为 {expected}。"
            culprits = _mismatch(table3, [key], parts)
            found.append(
                Violation(
                    "AR_T3_ROW_IDENTITY",
                    "三",
                    key,
                    fmt.table3_cell_name(*key),
                    message,
                    (key, *parts),
                    culprits,
                )
            )
    return found


def _table4_identity(table4):
    found = []
    for group, _label in fmt.TABLE4_GROUPS:
        key = f"{group}.total"
        parts = [f"{group}.{result}" for result in _TABLE4_PARTS]
        expected = sum(table4[part] for part in parts)
        if table4[key] != expected:
            name = fmt.table4_cell_name(key)
            message = f"{name}为 {table4[key]}，而维持、纠正、其他、尚未审结之和为 {expected}。"
            culprits = _mismatch(table4, [key], parts)
            found.append(
                Violation("AR_T4_IDENTITY", "四", key, name, message, (key, *parts), culprits)
            )
    return found


def _carry_over_identity(table3, previous_table3):
    found = []
    for column in fmt.TABLE3_COLUMN_KEYS:
        key = (fmt.CARRIED_OVER, column)
        previous = previous_table3[(fmt.CARRIED_FORWARD, column)]
        if table3[key] != previous:
            label = fmt.TABLE3_COLUMN_LABELS[column]
            message = (
                f"表三「{label}」列：本年“二、上年结转”为 {table3[key]}，"
                f"而上年报告“四、结转下年度继续办理”为 {previous}，两者应相等。"
            )
            this_year = Counter(table3.records_for(key))
            last_year = Counter(previous_table3.records_for((fmt.CARRIED_FORWARD, column)))
            culprits = tuple(
                sorted(((this_year - last_year) + (last_year - this_year)).keys(), key=str)
            )
            found.append(
                Violation(
                    "AR_CARRY_OVER",
                    "三",
                    key,
                    fmt.table3_cell_name(*key),
                    message,
                    (key,),
                    culprits,
                )
            )
    return found


def _sum(table, keys):
    return sum(table[key] for key in keys)


def _mismatch(table, left, right):
    """Records counted on one side of an equation but not (as often) on the other.

    When both sides come from the same applications these are exactly the applications the
    failure is about; when the counts carry no records there is nothing to name.
    """
    left_ids = Counter(_concat(table.records_for(key) for key in left))
    right_ids = Counter(_concat(table.records_for(key) for key in right))
    odd = (left_ids - right_ids) + (right_ids - left_ids)
    if odd:
        return tuple(sorted(odd.keys(), key=str))
    return _unique(_concat(table.records_for(key) for key in (*left, *right)))


def _concat(groups):
    return tuple(item for group in groups for item in group)


def _unique(items):
    return tuple(dict.fromkeys(items))


@dataclass(frozen=True)
class ReportContent:
    """A whole report as the renderers draw it: narratives keyed by section, and the tables."""

    title: str
    table2: dict
    table3: Table3
    table4: Table4
    narratives: dict = field(default_factory=dict)

    def value(self, table, key):
        source = {"二": self.table2, "三": self.table3, "四": self.table4}[table]
        return source[key] if table != "二" else source.get(key, 0)


def format_value(value):
    """How a cell reads on paper: integers plainly, the 万元 amount with its stored places."""
    if isinstance(value, Decimal):
        if value == value.quantize(Decimal("0.01")):
            return f"{value:.2f}"
        return format(value.normalize(), "f")
    return str(value)
