from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.publishing.docnumber import DocNumberError, is_canonical, normalise


def test_canonical_number_is_kept_without_warning():
    number = normalise("国办发〔2017〕47号")
    assert (number.value, number.prefix, number.year, number.serial) == (
        "国办发〔2017〕47号",
        "国办发",
        2017,
        47,
    )
    assert number.warnings == ()


@pytest.mark.parametrize(
    "raw",
    ["青政办发[2020]51号", "青政办发(2020)51号", "青政办发（2020）51号", "青政办发【2020】51号"],
)
def test_wrong_brackets_are_corrected_with_a_warning(raw):
    number = normalise(raw)
    assert number.value == "青政办发〔2020〕51号"
    assert any("六角括号" in w for w in number.warnings)


def test_leading_zero_di_and_missing_hao_are_corrected():
    number = normalise(" 区府发〔２０２３〕第007 ")
    assert number.value == "区府发〔2023〕7号"
    assert len(number.warnings) == 3


@pytest.mark.parametrize(
    "raw",
    ["", "第47号", "〔2017〕47号", "国办发2017年47号", "国办发〔17〕47号", "国办发〔2017〕0号"],
)
def test_unparseable_numbers_are_refused_in_chinese(raw):
    with pytest.raises(DocNumberError) as err:
        normalise(raw)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(err.value))


def test_year_cannot_be_after_the_date_written():
    assert normalise("区府发〔2024〕3号", date_written=date(2024, 1, 2)).year == 2024
    with pytest.raises(DocNumberError, match="2023年"):
        normalise("区府发〔2024〕3号", date_written=date(2023, 12, 31))


_prefix = st.text(alphabet="区府办发政字教卫人社函ABC", min_size=1, max_size=8)
_brackets = st.sampled_from(["〔〕", "[]", "()", "（）", "【】", "［］"])


@given(
    prefix=_prefix,
    year=st.integers(1949, 2100),
    serial=st.integers(1, 99999),
    brackets=_brackets,
    zeros=st.integers(0, 2),
)
def test_normalisation_is_canonical_and_idempotent(prefix, year, serial, brackets, zeros):
    raw = f"{prefix}{brackets[0]}{year}{brackets[1]}{'0' * zeros}{serial}号"
    number = normalise(raw)
    assert is_canonical(number.value)
    assert (number.prefix, number.year, number.serial) == (prefix, year, serial)
    again = normalise(number.value)
    assert again.value == number.value and again.warnings == ()
    assert bool(number.warnings) == (brackets != "〔〕" or zeros > 0)
