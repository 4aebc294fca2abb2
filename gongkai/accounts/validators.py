import functools
import re
from pathlib import Path

from django.core.exceptions import ValidationError

CLASSES = (
    ("小写字母", re.compile(r"[a-z]")),
    ("大写字母", re.compile(r"[A-Z]")),
    ("数字", re.compile(r"\d")),
    ("符号", re.compile(r"[^A-Za-z0-9]")),
)


class CharacterClassValidator:
    """A password mixes at least three of: lower case, upper case, digits, symbols."""

    required = 3

    def validate(self, password, user=None):
        present = [name for name, pattern in CLASSES if pattern.search(password)]
        if len(present) < self.required:
            raise ValidationError(
                "密码必须包含以下四类字符中的至少三类：小写字母、大写字母、数字、符号。",
                code="password_too_simple",
            )

    def get_help_text(self):
        return "密码至少包含小写字母、大写字母、数字、符号中的三类。"


class MinimumLengthValidator:
    """At least `min_length` characters, with a Chinese message (Django's own is untranslated
    in some releases)."""

    def __init__(self, min_length=10):
        self.min_length = min_length

    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(
                f"密码太短：至少需要 {self.min_length} 个字符。", code="password_too_short"
            )

    def get_help_text(self):
        return f"密码至少 {self.min_length} 个字符。"


BREACHED_LIST = Path(__file__).with_name("breached_passwords.txt")


@functools.cache
def _breached():
    lines = BREACHED_LIST.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line and line[0] != "#")


class BreachedPasswordValidator:
    """Refuses passwords from breach corpora that pass the other rules (Django's common
    password list catches the simple ones; this list, shipped in accounts/, the complex-looking
    ones attackers try first)."""

    def validate(self, password, user=None):
        if password.strip().casefold() in _breached():
            raise ValidationError(
                "该密码出现在已泄露的密码清单中，容易被猜中，请换一个。", code="password_breached"
            )

    def get_help_text(self):
        return "不能使用已泄露的常见密码。"
