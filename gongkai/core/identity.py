"""Check digits of Chinese identity numbers: resident ID (GB 11643) and unified social credit
code (GB 32100). Pure functions: both the application form and the pre-publication personal
data scan use them."""

import datetime
import re

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID18 = re.compile(r"^\d{17}[\dX]$")
_ID15 = re.compile(r"^\d{15}$")

CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CREDIT = re.compile(rf"^[{CREDIT_CODE_ALPHABET}]{{18}}$")


def resident_id_check_digit(first17):
    total = sum(int(digit) * weight for digit, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def _is_real_date(year, month, day):
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def is_valid_resident_id(value):
    """True for an 18-digit ID with a correct check digit and birth date, or a 15-digit
    first-generation ID with a real birth date."""
    value = value.strip().upper()
    if _ID18.match(value):
        birth = value[6:14]
        return value[17] == resident_id_check_digit(value[:17]) and _is_real_date(
            int(birth[:4]), int(birth[4:6]), int(birth[6:])
        )
    if _ID15.match(value):
        birth = value[6:12]
        return _is_real_date(1900 + int(birth[:2]), int(birth[2:4]), int(birth[4:]))
    return False


def credit_code_check_char(first17):
    total = sum(
        CREDIT_CODE_ALPHABET.index(char) * weight
        for char, weight in zip(first17, _CREDIT_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def is_valid_credit_code(value):
    """True for an 18-character unified social credit code whose last character checks."""
    value = value.strip().upper()
    return bool(_CREDIT.match(value)) and value[17] == credit_code_check_char(value[:17])
