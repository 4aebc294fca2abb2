from hypothesis import given
from hypothesis import strategies as st

from gongkai.core.identity import resident_id_check_digit
from gongkai.publishing.pii import (
    BANK_CARD,
    MOBILE,
    RESIDENT_ID,
    Segment,
    luhn_valid,
    scan,
    scan_text,
)

# The worked example of GB 11643-1999 and another published specimen.
VALID_IDS = ["11010519491231002X", "440524188001010014"]


def kinds(text):
    return [f.kind for f in scan_text(text, "正文第1段")]


def test_valid_resident_ids_are_found():
    for number in VALID_IDS:
        assert kinds(f"申请人身份证号{number}，已核实。") == [RESIDENT_ID]


def test_lowercase_check_digit_is_found():
    assert kinds("11010519491231002x") == [RESIDENT_ID]


def test_id_with_wrong_check_digit_is_not_a_finding():
    assert kinds("110105194912310021") == []


def test_id_with_impossible_birth_date_is_not_a_finding():
    first17 = "11010519491331002"  # month 13
    assert kinds(first17 + resident_id_check_digit(first17)) == []


def test_fifteen_digit_id_is_found():
    assert kinds("旧证号 110105491231002 仍在使用") == [RESIDENT_ID]


def test_masked_numbers_are_not_findings():
    text = (
        "身份证 110101********1234，手机 138****5678，"
        "卡号 6222 **** **** 1234，证件 35*************123"
    )
    assert kinds(text) == []


def test_mobile_numbers_are_found_with_separators():
    assert kinds("联系电话：13812345678；备用 139-1234-5678") == [MOBILE, MOBILE]


def test_landline_and_short_numbers_are_not_mobile():
    assert kinds("电话 0791-86123456，邮编 330000，12345 热线") == []


def test_bank_card_needs_luhn():
    assert kinds("卡号 4111 1111 1111 1111") == [BANK_CARD]
    assert kinds("卡号 6011111111111117") == [BANK_CARD]
    assert kinds("卡号 4111111111111112") == []


def test_findings_carry_location_and_never_the_full_number():
    findings = scan([Segment("第1页", "无"), Segment("名单!C4", "11010519491231002X")])
    assert [(f.kind, f.location) for f in findings] == [(RESIDENT_ID, "名单!C4")]
    assert "11010519491231002X" not in findings[0].describe()
    assert findings[0].describe().startswith("名单!C4：疑似居民身份证号码")


_digits = st.text(alphabet="0123456789", min_size=17, max_size=17)


@given(
    region=st.integers(110000, 829999),
    year=st.integers(1900, 2020),
    month=st.integers(1, 12),
    day=st.integers(1, 28),
    seq=st.integers(0, 999),
)
def test_every_number_with_the_right_check_digit_is_found(region, year, month, day, seq):
    first17 = f"{region}{year:04d}{month:02d}{day:02d}{seq:03d}"
    assert kinds(first17 + resident_id_check_digit(first17)) == [RESIDENT_ID]


@given(
    first17=st.from_regex(r"[1-8]\d{5}19[0-9]{2}0[1-9]1[0-9]\d{3}", fullmatch=True),
    wrong=st.sampled_from("0123456789X"),
)
def test_a_wrong_check_digit_is_never_an_id(first17, wrong):
    if wrong != resident_id_check_digit(first17):
        assert RESIDENT_ID not in kinds(first17 + wrong)


@given(body=st.text(alphabet="0123456789", min_size=15, max_size=18))
def test_luhn_check_digit_round_trip(body):
    valid = next(body + d for d in "0123456789" if luhn_valid(body + d))
    others = [body + d for d in "0123456789" if body + d != valid]
    assert not any(luhn_valid(o) for o in others)
