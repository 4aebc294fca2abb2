"""The pure rules of a list: what a row must hold, and what changed between two versions.
No database and no request: the import, the console form and the tests all use these."""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from .schemas import SINGLE_ITEM, Column, Schema

CODE_SEPARATORS = re.compile(r"[、，,；;\s]+")
MAX_REPORTED = 200


def clean(value) -> str:
    return re.sub(r"[\u3000\s]+", " ", str(value or "")).strip() if value is not None else ""


_LAW_TITLE = re.compile(r"《([^《》]{2,100})》")
# Columns that cite laws and rules by their titles in 《》.
BASIS_COLUMNS = ("legal_basis", "basis")


def law_titles(text: str) -> list[str]:
    """The titles cited in 《》, in order, each once."""
    return list(dict.fromkeys(_LAW_TITLE.findall(text or "")))


DOCUMENT_LINK = re.compile(r"/documents/(\d+)/")
_EVIDENCE_SEPARATORS = re.compile(r"[；;\n]+")
# A figure is a number with a unit of measure; a document number (〔2026〕8号) or a date is
# not one, so 号, 年, 月 and 日 are not units here.
_UNITS = (
    "平方米|立方米|千瓦时|千瓦|公里|千米|公顷|人次|户次|床位|万元|亿元|元|米|亩|吨|户|人|名|家|所|"
    "套|间|座|条|处|台|辆|项|次|张|件|栋|幢|棵|株|盏|个|%|％|‰"
)
_FIGURE = re.compile(rf"\d+(?:\.\d+)?\s*[万亿]?\s*(?:{_UNITS})")


def evidence_items(value: str) -> list[str]:
    return [item.strip() for item in _EVIDENCE_SEPARATORS.split(value or "") if item.strip()]


def evidence_problem(value: str) -> str:
    """Why `value` is not evidence of progress: each item must be a document published on
    the platform (its files, photos included, passed the publication checks) or a figure
    with its unit. Whether the document is published is the service's check."""
    for item in evidence_items(value):
        if not (DOCUMENT_LINK.fullmatch(item) or _FIGURE.search(item)):
            return (
                f"佐证材料“{item}”既不是本平台已发布文件或照片的地址（例如 /documents/123/），"
                "也不是带计量单位的数据（例如“新增学位 1200 个”“完成投资 3200 万元”）。"
            )
    return ""


def unsupported_progress(schema: Schema, in_force: dict | None, row: dict) -> str:
    """Progress that changed since the version in force while its evidence stayed the same:
    the earlier evidence does not prove the new progress."""
    spec = schema.extra.get("evidence_for")
    if not spec or in_force is None:
        return ""
    progress, evidence = spec
    moved = row.get(progress) and row.get(progress) != in_force.get(progress)
    if moved and row.get(evidence) == in_force.get(evidence):
        labels = schema.column(progress).label, schema.column(evidence).label
        return f"“{labels[0]}”已更新，请同时更新“{labels[1]}”，为本次进展提供佐证。"
    return ""


def document_numbers(value: str) -> list[int]:
    """The platform documents a cell names by their addresses."""
    return [int(n) for n in DOCUMENT_LINK.findall(value or "")]


def split_codes(value: str) -> list[str]:
    return [code for code in CODE_SEPARATORS.split(value or "") if code]


def check_row(schema: Schema, values: dict, known_codes: set[str] | None = None) -> dict:
    """{column key: Chinese message} for what is wrong with one row (empty when it is fine).
    `known_codes` is the set of codes the schema's reference column may name: power codes
    for a functions-catalogue row, single service items for a "一件事" bundle."""
    problems = {}
    for column in schema.columns:
        value = values.get(column.key, "")
        message = _check_cell(column, value, known_codes)
        if message:
            problems[column.key] = message
    for rule in schema.extra.get("row_rules", ()):
        message = rule(values)
        if message:
            problems.setdefault("__all__", message)
    return problems


def _check_cell(column: Column, value: str, known_codes) -> str:
    if not value:
        return f"“{column.label}”不能为空。" if column.required else ""
    if len(value) > column.max_length:
        return f"“{column.label}”不能超过 {column.max_length} 字（现有 {len(value)} 字）。"
    if column.choices and value not in column.choices:
        return f"“{column.label}”应为{'、'.join(column.choices)}之一，填写的是“{value}”。"
    if column.is_date and not _is_date(value):
        return f"“{column.label}”应为 2026-06-30 这样的日期，填写的是“{value}”。"
    if column.is_number and not _is_number(value):
        return f"“{column.label}”应为数字，填写的是“{value}”。"
    if column.evidence:
        return evidence_problem(value)
    if known_codes is None:
        return ""
    unknown = [code for code in split_codes(value) if code not in known_codes]
    if unknown and column.power_codes:
        return (
            f"“{column.label}”中的“{'、'.join(unknown)}”不在本单位现行权责清单中，"
            "请先发布权责清单或更正编码。"
        )
    if unknown and column.service_codes:
        return (
            f"“{column.label}”中的“{'、'.join(unknown)}”既不是本表中的单项事项，"
            "也不是本级政府各单位已公开的单项事项，请核对编码。"
        )
    return ""


def service_column(schema: Schema):
    return next((c for c in schema.columns if c.service_codes), None)


def single_items(rows: list[dict]) -> set[str]:
    """Codes of the single service items among `rows`, which a bundle in the same list may
    name before they are published."""
    return {row.get("code", "") for row in rows if row.get("kind") == SINGLE_ITEM} - {""}


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _is_number(value: str) -> bool:
    try:
        return Decimal(value).is_finite()
    except InvalidOperation:
        return False


def parent_column(schema: Schema):
    return next((c for c in schema.columns if c.parent), None)


def missing_parents(schema: Schema, rows: list[dict]) -> list[tuple[int, str]]:
    """(index, parent) of rows naming a parent that is not a row of the list, or itself."""
    column = parent_column(schema)
    if column is None:
        return []
    keys = {row.get(schema.key) for row in rows}
    return [
        (i, row[column.key])
        for i, row in enumerate(rows)
        if row.get(column.key)
        and (row[column.key] not in keys or row[column.key] == row.get(schema.key))
    ]


def variance(schema: Schema, row: dict, today: date) -> str:
    """The schema's flag (逾期未完成, 逾期未整改) when the row's date has passed and its status
    is not one of the done ones; or what the schema's own function says (a proposal answered
    late)."""
    spec = schema.extra.get("variance")
    if not spec:
        return ""
    if callable(spec):
        return spec(row, today)
    due_key, status_key, done, flag = spec
    try:
        due = date.fromisoformat(row.get(due_key, ""))
    except ValueError:
        return ""
    return flag if due < today and row.get(status_key) not in done else ""


def tree_order(schema: Schema, rows: list) -> list[tuple[int, object]]:
    """Rows (entries or dicts with `.data`/items) as (depth, row), each parent before its
    children; rows whose parent is missing stay at the top level."""
    column = parent_column(schema)
    if column is None:
        return [(0, row) for row in rows]

    def data(row):
        return row.data if hasattr(row, "data") else row

    keys = {data(row).get(schema.key) for row in rows}
    children: dict[str, list] = {}
    roots = []
    for row in rows:
        parent = data(row).get(column.key)
        if parent and parent in keys and parent != data(row).get(schema.key):
            children.setdefault(parent, []).append(row)
        else:
            roots.append(row)
    ordered: list[tuple[int, object]] = []
    seen: set[str] = set()

    def walk(row, depth):
        key = data(row).get(schema.key)
        if key in seen:  # a cycle: shown once
            return
        seen.add(key)
        ordered.append((depth, row))
        for child in children.get(key, []):
            walk(child, depth + 1)

    for row in roots:
        walk(row, 0)
    return ordered


@dataclass
class Parsed:
    rows: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)  # each row's line in the sheet


def parse_table(schema: Schema, table: list[list[str]], known_codes=None) -> Parsed:
    """A sheet (header first) as rows of the schema, or every problem found, each naming the
    spreadsheet row it is on (第 N 行, as Excel numbers it)."""
    result = Parsed()
    if not table:
        result.errors.append("表格是空的，请使用下载的模板填写。")
        return result
    header_error = _check_header(schema, table[0])
    if header_error:
        result.errors.append(header_error)
        return result
    expected = schema.headers
    known = known_codes
    if service_column(schema) is not None and known_codes is not None:
        known = known_codes | single_items([_values(schema, raw)[1] for raw in table[1:]])
    seen: dict[str, int] = {}
    numbers: list[int] = []
    messages: list[str] = []
    for number, raw in enumerate(table[1:], start=2):
        cells, values = _values(schema, raw)
        if not any(cells):
            continue
        problems = list(check_row(schema, values, known).values())
        if any(cells[len(expected) :]):
            problems.append("表头以外的列有内容，请删除或移到对应列。")
        key = values[schema.key]
        if key and key in seen:
            label = schema.column(schema.key).label
            problems.append(f"“{label}”“{key}”与第 {seen[key]} 行重复。")
        elif key:
            seen[key] = number
        messages += [f"第 {number} 行：{message}" for message in problems]
        result.rows.append(values)
        numbers.append(number)
    messages += _parent_errors(schema, result.rows, numbers)
    result.numbers = numbers
    result.errors = messages[:MAX_REPORTED]
    if len(messages) > MAX_REPORTED:
        result.errors.append(f"另有 {len(messages) - MAX_REPORTED} 处错误未列出。")
    if not result.rows and not result.errors:
        result.errors.append("表格中没有数据行：请在表头下方逐行填写。")
    return result


def _values(schema: Schema, raw: list) -> tuple[list[str], dict]:
    """A sheet row's cleaned cells (padded past the header) and its values by column key."""
    cells = [clean(c) for c in raw] + [""] * len(schema.columns)
    return cells, {column.key: cells[i] for i, column in enumerate(schema.columns)}


def _check_header(schema: Schema, row: list[str]) -> str:
    header = [clean(h) for h in row]
    while header and not header[-1]:
        header.pop()
    expected = schema.headers
    if header == expected:
        return ""
    for index, label in enumerate(expected, start=1):
        found = header[index - 1] if index <= len(header) else ""
        if found != label:
            return (
                f"第 1 行（表头）第 {index} 列应为“{label}”，"
                f"实际为“{found or '空'}”。请使用下载的“{schema.label}”模板。"
            )
    return (
        f"第 1 行（表头）多出了“{'、'.join(header[len(expected) :])}”列。"
        f"请使用下载的“{schema.label}”模板。"
    )


def _parent_errors(schema: Schema, rows: list[dict], numbers: list[int]) -> list[str]:
    parent = parent_column(schema)
    return [
        f"第 {numbers[index]} 行：“{parent.label}”“{missing}”不是本表中其他任务的编码。"
        for index, missing in missing_parents(schema, rows)
    ]


@dataclass
class Change:
    key: str
    name: str
    fields: list[tuple[str, str, str]]  # (column label, before, after)


@dataclass
class Diff:
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    @property
    def summary(self) -> str:
        if self.is_empty:
            return "与上一版相同"
        parts = []
        if self.added:
            parts.append(f"新增 {len(self.added)} 项")
        if self.removed:
            parts.append(f"删除 {len(self.removed)} 项")
        if self.changed:
            parts.append(f"修改 {len(self.changed)} 项")
        return "，".join(parts)


NAME_LENGTH = 60


def row_name(schema: Schema, row: dict) -> str:
    """The row's readable name: the schema's naming column (a long one cut short), or else
    its first short column after the key."""
    if schema.name:
        name = row.get(schema.name, "")
        return name if len(name) <= NAME_LENGTH else name[: NAME_LENGTH - 1] + "…"
    for column in schema.columns:
        if column.key != schema.key and not (column.long or column.parent):
            return row.get(column.key, "")
    return ""


def diff(schema: Schema, before: list[dict], after: list[dict]) -> Diff:
    """What changed from `before` to `after` (rows as dicts), matched by the schema's key."""
    old = {row.get(schema.key): row for row in before}
    new = {row.get(schema.key): row for row in after}
    result = Diff()
    for key, row in new.items():
        if key not in old:
            result.added.append(row)
            continue
        fields = [
            (c.label, old[key].get(c.key, ""), row.get(c.key, ""))
            for c in schema.columns
            if old[key].get(c.key, "") != row.get(c.key, "")
        ]
        if fields:
            result.changed.append(Change(key, row_name(schema, row), fields))
    result.removed = [row for key, row in old.items() if key not in new]
    return result


@dataclass
class Statistics:
    heading: str  # what the rows are, e.g. "年度、类别"
    columns: list[str]  # the column's values, e.g. the results
    lines: list[tuple[str, list[int], int, int]]  # (row label, counts, total, flagged)
    flagged: bool  # whether the schema flags rows (逾期…), counted in the last column


def statistics(schema: Schema, rows: list[dict], today: date) -> Statistics | None:
    """Counts of rows by the schema's statistics rows (e.g. year and kind, or the unit
    responsible) and column (e.g. result, status), with how many rows of each line are
    flagged late on `today`."""
    spec = schema.extra.get("statistics")
    if not spec:
        return None
    row_keys, column_key = spec
    columns = list(schema.column(column_key).choices)
    table: dict[tuple, list[int]] = {}
    for row in rows:
        label = tuple(row.get(k, "") for k in row_keys)
        counts = table.setdefault(label, [0] * (len(columns) + 1))
        if row.get(column_key) in columns:
            counts[columns.index(row[column_key])] += 1
        if variance(schema, row, today):
            counts[-1] += 1
    lines = [
        (" ".join(label), counts[:-1], sum(counts[:-1]), counts[-1])
        for label, counts in sorted(table.items())
    ]
    heading = "、".join(schema.column(k).label for k in row_keys)
    return Statistics(heading, columns, lines, bool(schema.extra.get("variance")))
