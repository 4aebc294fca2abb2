"""Figures typed in for table 二 are read strictly, with a Chinese message for bad input."""

from decimal import Decimal

import pytest

from gongkai.reports.tables import parse_table2_value


@pytest.mark.parametrize(
    ("key", "raw", "expected"),
    [
        ("licensing.decisions", "12", 12),
        ("licensing.decisions", " 3 ", 3),
        ("licensing.decisions", "", 0),
        ("fees.amount", "0.35", Decimal("0.35")),
        ("fees.amount", "", Decimal("0")),
    ],
)
def test_valid_figures_are_read(key, raw, expected):
    assert parse_table2_value(key, raw) == expected


@pytest.mark.parametrize(
    ("key", "raw", "words"),
    [
        ("licensing.decisions", "-1", "不能为负数"),
        ("fees.amount", "-0.5", "不能为负数"),
        ("penalty.decisions", "十二", "必须是数字"),
        ("penalty.decisions", "NaN", "必须是数字"),
        ("enforcement.decisions", "2.5", "必须是整数"),
    ],
)
def test_bad_figures_get_a_chinese_message(key, raw, words):
    with pytest.raises(ValueError, match=words):
        parse_table2_value(key, raw)
