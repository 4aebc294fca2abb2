import string

from hypothesis import given
from hypothesis import strategies as st

from gongkai.core.identity import (
    CREDIT_CODE_ALPHABET,
    credit_code_check_char,
    is_valid_credit_code,
    is_valid_resident_id,
    resident_id_check_digit,
)

# Published examples: the State Council General Office and a well-known enterprise.
REAL_CREDIT_CODES = ["11100000000013127D", "91350100M000100Y43"]


def test_real_credit_codes_check():
    assert all(is_valid_credit_code(code) for code in REAL_CREDIT_CODES)


def test_credit_code_with_a_wrong_last_character_fails():
    assert not is_valid_credit_code("11100000000013127E")


def test_credit_code_refuses_letters_outside_the_standard_alphabet():
    # I, O, S, V and Z are not used, so they can never be read as digits.
    assert not is_valid_credit_code("1110000000001312IO")
    assert not is_valid_credit_code("11100000000013127")


@given(st.text(alphabet=CREDIT_CODE_ALPHABET, min_size=17, max_size=17), st.data())
def test_exactly_one_check_character_fits_any_credit_code(first17, data):
    good = first17 + credit_code_check_char(first17)
    assert is_valid_credit_code(good)
    other = data.draw(st.sampled_from([c for c in CREDIT_CODE_ALPHABET if c != good[-1]]))
    assert not is_valid_credit_code(first17 + other)


def test_resident_id_examples():
    assert is_valid_resident_id("11010519491231002X")
    assert is_valid_resident_id("11010519491231002x")
    assert not is_valid_resident_id("110105194912310021")  # wrong check digit
    assert not is_valid_resident_id("110105194902300024")  # 30 February


def test_fifteen_digit_ids_are_checked_by_birth_date():
    assert is_valid_resident_id("110105491231002")
    assert not is_valid_resident_id("110105491331002")


@given(
    st.text(alphabet=string.digits, min_size=6, max_size=6),
    st.dates(),
    st.text(alphabet=string.digits, min_size=3, max_size=3),
)
def test_any_id_with_a_real_birth_date_and_its_check_digit_is_valid(area, birth, sequence):
    first17 = f"{area}{birth:%Y%m%d}{sequence}"
    if len(first17) != 17:  # years before 1000 print with fewer digits
        return
    assert is_valid_resident_id(first17 + resident_id_check_digit(first17))
