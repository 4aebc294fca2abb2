"""Reading the time limit (公开时限) of a standard-catalogue item, and the date it falls due.

Published catalogues write the limit in a handful of set phrases: "信息形成或变更之日起20个
工作日内", "自作出决定之日起7个工作日内", "形成之日起30日内", "实时公开", "长期公开",
"每年1月31日前", "每季度更新". A phrase the parser does not know is kept as UNKNOWN: the
platform then shows the item without a computed due date rather than guessing one."""

import datetime
import re
from dataclasses import dataclass

from gongkai.workdays.calendar import add_working_days

WORKING_DAYS = "working_days"
CALENDAR_DAYS = "calendar_days"
REALTIME = "realtime"
STANDING = "standing"
ANNUAL_DATE = "annual_date"
PERIODIC = "periodic"
UNKNOWN = "unknown"

# Periodic updates: months between two publications.
PERIODS = {"月": 1, "季度": 3, "季": 3, "半年": 6, "年": 12}
# "Real time" in practice: published within a working day.
REALTIME_WORKING_DAYS = 1

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


@dataclass(frozen=True)
class TimeLimit:
    kind: str
    n: int = 0  # days, or months between updates
    month: int = 0  # for ANNUAL_DATE
    day: int = 0

    @property
    def computable(self):
        return self.kind in (WORKING_DAYS, CALENDAR_DAYS, REALTIME, ANNUAL_DATE, PERIODIC)

    def describe(self):
        return {
            WORKING_DAYS: f"{self.n}个工作日内",
            CALENDAR_DAYS: f"{self.n}日内",
            REALTIME: "实时",
            STANDING: "长期公开",
            ANNUAL_DATE: f"每年{self.month}月{self.day}日前",
            PERIODIC: f"每{self.n}个月",
            UNKNOWN: "未能识别的时限",
        }[self.kind]


def chinese_number(text: str) -> int | None:
    """Arabic digits, or Chinese numerals up to 九十九 (二十, 十五, 二十五, 十)."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(c not in _DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return _DIGITS[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)


_NUMBER = r"([0-9]+|[零〇一二两三四五六七八九十]+)"
_DAYS = re.compile(_NUMBER + r"\s*个?\s*(工作日|自然日|日|天)")
_ANNUAL = re.compile(r"每年\s*" + _NUMBER + r"\s*月\s*" + _NUMBER + r"\s*日")
_PERIODIC = re.compile(r"(?:每|按)(月|季度|季|半年|年)")


def parse(text: str) -> TimeLimit:
    phrase = re.sub(r"\s+", "", (text or "").replace("（", "(").replace("）", ")"))
    if not phrase:
        return TimeLimit(UNKNOWN)
    if match := _ANNUAL.search(phrase):
        month, day = chinese_number(match.group(1)), chinese_number(match.group(2))
        if month and day and _valid_day(month, day):
            return TimeLimit(ANNUAL_DATE, month=month, day=day)
        return TimeLimit(UNKNOWN)
    if match := _DAYS.search(phrase):
        n = chinese_number(match.group(1))
        if not n:
            return TimeLimit(UNKNOWN)
        return TimeLimit(WORKING_DAYS if match.group(2) == "工作日" else CALENDAR_DAYS, n)
    if "实时" in phrase or "即时" in phrase:
        return TimeLimit(REALTIME)
    if match := _PERIODIC.search(phrase):
        return TimeLimit(PERIODIC, PERIODS[match.group(1)])
    if "长期" in phrase or "常年" in phrase:
        return TimeLimit(STANDING)
    return TimeLimit(UNKNOWN)


def _valid_day(month, day):
    try:
        datetime.date(2024, month, day)  # a leap year: 2月29日 is a valid limit
    except ValueError:
        return False
    return True


def due_date(limit: TimeLimit, calendar, formed_on: datetime.date) -> datetime.date | None:
    """When information formed or changed on `formed_on` must be published under `limit`;
    None when the limit gives no date (长期公开, unknown phrases)."""
    if limit.kind == WORKING_DAYS:
        return add_working_days(calendar, formed_on, limit.n)
    if limit.kind == REALTIME:
        return add_working_days(calendar, formed_on, REALTIME_WORKING_DAYS)
    if limit.kind == CALENDAR_DAYS:
        return formed_on + datetime.timedelta(days=limit.n)
    if limit.kind == ANNUAL_DATE:
        year = formed_on.year
        day = min(limit.day, 28) if limit.month == 2 and limit.day == 29 else limit.day
        due = datetime.date(year, limit.month, day)
        return due if due >= formed_on else datetime.date(year + 1, limit.month, day)
    if limit.kind == PERIODIC:
        month = formed_on.month - 1 + limit.n
        year = formed_on.year + month // 12
        month = month % 12 + 1
        last = [31, 29 if _leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return datetime.date(year, month, min(formed_on.day, last))
    return None


def _leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
