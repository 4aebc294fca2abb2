from gongkai.lists import rules
from gongkai.lists.schemas import POWERS

from .factories import as_row, power


def table(*rows):
    return [POWERS.headers, *rows]


def test_a_good_sheet_becomes_rows():
    parsed = rules.parse_table(POWERS, table(power("XK-1"), power("CF-1", power_type="行政处罚")))
    assert parsed.errors == []
    assert [r["code"] for r in parsed.rows] == ["XK-1", "CF-1"]
    assert parsed.rows[1]["power_type"] == "行政处罚"


def test_every_problem_names_its_spreadsheet_row():
    bad_type = power("XK-2", power_type="行政审批")
    no_name = power("XK-3", name="")
    parsed = rules.parse_table(POWERS, table(power("XK-1"), bad_type, no_name, power("XK-1")))
    assert parsed.errors == [
        "第 3 行：“权力类型”应为"
        + "、".join(POWERS.column("power_type").choices)
        + "之一，填写的是“行政审批”。",
        "第 4 行：“事项名称”不能为空。",
        "第 5 行：“事项编码”“XK-1”与第 2 行重复。",
    ]


def test_blank_rows_are_skipped_but_row_numbers_stay_those_of_the_sheet():
    parsed = rules.parse_table(POWERS, table(power("XK-1"), [""] * 8, power("", name="无编码")))
    assert parsed.errors == ["第 4 行：“事项编码”不能为空。"]


def test_a_wrong_header_is_refused_before_any_row():
    headers = list(POWERS.headers)
    headers[2] = "类型"
    parsed = rules.parse_table(POWERS, [headers, power("XK-1")])
    assert parsed.errors == [
        "第 1 行（表头）第 3 列应为“权力类型”，实际为“类型”。请使用下载的“权责清单”模板。"
    ]


def test_an_empty_sheet_says_so():
    assert rules.parse_table(POWERS, table()).errors == ["表格中没有数据行：请在表头下方逐行填写。"]


def test_diff_by_key():
    before = [
        as_row("powers", power("A", "甲")),
        as_row("powers", power("B", "乙")),
    ]
    after = [
        as_row("powers", power("A", "甲（调整）")),
        as_row("powers", power("C", "丙")),
    ]
    found = rules.diff(POWERS, before, after)
    assert [r["code"] for r in found.added] == ["C"]
    assert [r["code"] for r in found.removed] == ["B"]
    assert [(c.key, c.fields) for c in found.changed] == [("A", [("事项名称", "甲", "甲（调整）")])]
    assert found.summary == "新增 1 项，删除 1 项，修改 1 项"
