"""Parser for the State Council's annual holiday notice.

The notice (国务院办公厅关于XXXX年部分节假日安排的通知) lists, item by item,
the days off and the weekend days that become working days. Its wording has
changed over the years: 周 or 星期, "与周末连休", "补休", ranges that cross a
month or a year, a preamble of principles, and reposts in traditional
characters. Anything the parser cannot read with certainty is refused with a
Chinese message rather than guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise

HOLIDAY_KEYWORDS = ("元旦", "春节", "清明", "劳动", "五一", "端午", "中秋", "国庆")

# Only the characters that the parser reads need converting; everything else
# in a traditional repost is ignored anyway.
_TRADITIONAL = str.maketrans(
    {
        "調": "调",
        "補": "补",
        "與": "与",
        "連": "连",
        "週": "周",
        "節": "节",
        "農": "农",
        "曆": "历",
        "國": "国",
        "慶": "庆",
        "勞": "劳",
        "動": "动",
        "關": "关",
        "於": "于",
        "辦": "办",
        "廳": "厅",
        "務": "务",
        "間": "间",
        "禮": "礼",
        "號": "号",
        "發": "发",
        "電": "电",
        "經": "经",
        "現": "现",
        "將": "将",
        "體": "体",
        "計": "计",
    }
)

_NUMERALS = "一二三四五六七八九十"
_WEEKDAY_CHARS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEKDAY_NAMES = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")

_YEAR_RES = (
    re.compile(r"关于(\d{4})年(?:部分)?节假日安排"),
    re.compile(r"现将(\d{4})年"),
)
_PAREN_RE = re.compile(r"\(([^()]*)\)")
_ENUM_PAREN_RE = re.compile(rf"\(([{_NUMERALS}]{{1,3}})\)")
_WEEKDAY_RE = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天])")
_BARE_WEEKDAY_RE = re.compile(r"日(?:周|星期|礼拜)([一二三四五六日天])")
_ENUM_RE = re.compile(rf"(?:^|(?<=[\n。;:]))[{_NUMERALS}]{{1,3}}、", re.M)
_HEADER_RE = re.compile(rf"[{_NUMERALS}]{{1,3}}、([^:\n。]{{1,24}}):")
_CLOSING_RE = re.compile(r"节假日期间|国务院办公厅\d|国务院办公厅$")
_DATE_RE = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:〈(\d)〉)?")
_RANGE_SEP_RE = re.compile(r"^(?:至|到|—|-|~)$")
_DOCUMENT_NUMBER_RE = re.compile(r"国办发(?:明电)?〔\d{4}〕\d+号")
_DAYS_RE = re.compile(rf"(?:共|放假)(\d+|[{_NUMERALS}]{{1,2}})天")


class NoticeParseError(ValueError):
    """The text cannot be read as a holiday notice; the message is for users."""


@dataclass(frozen=True)
class ParsedNotice:
    year: int
    holidays: list[date]
    workdays: list[date]
    names: dict[date, str] = field(default_factory=dict, compare=False)
    document_number: str = field(default="", compare=False)

    def as_json_dict(self) -> dict:
        return {
            "year": self.year,
            "holidays": [d.isoformat() for d in self.holidays],
            "workdays": [d.isoformat() for d in self.workdays],
        }


def parse_notice(text: str, *, year: int | None = None) -> ParsedNotice:
    """Read holidays and make-up working days from the text of a notice.

    ``year`` is needed only when the pasted text lacks its title and preamble;
    if both are present they must agree.
    """
    text = _normalize(text or "")
    if not text.strip():
        raise NoticeParseError("通知内容为空，请粘贴国务院办公厅节假日安排通知的全文。")
    year = _notice_year(text, year)
    holidays: dict[date, str] = {}
    workdays: set[date] = set()
    for name, body in _items(text):
        item = _Item(name, year)
        item.read(body)
        for day in item.holidays:
            holidays.setdefault(day, name)
        workdays.update(item.workdays)
    if not holidays:
        raise NoticeParseError("没有找到任何节日安排（应形如“一、元旦：1月1日放假……”），无法解析。")
    _check_consistency(year, set(holidays), workdays)
    return ParsedNotice(
        year=year,
        holidays=sorted(holidays),
        workdays=sorted(workdays),
        names=dict(sorted(holidays.items())),
        document_number=_document_number(text),
    )


def _document_number(text: str) -> str:
    match = _DOCUMENT_NUMBER_RE.search(text)
    return match.group(0) if match else ""


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_TRADITIONAL)
    text = re.sub(r"[ \t\r\f\v\u00a0]+", "", text)
    text = _ENUM_PAREN_RE.sub(lambda m: f"\n{m.group(1)}、", text)
    text = _PAREN_RE.sub(_weekday_marker, text)
    return _BARE_WEEKDAY_RE.sub(lambda m: f"日〈{_WEEKDAY_CHARS[m.group(1)]}〉", text)


def _weekday_marker(match: re.Match) -> str:
    """Keep only the weekday of a parenthesis such as （农历除夕、周二）."""
    weekday = _WEEKDAY_RE.search(match.group(1))
    return f"〈{_WEEKDAY_CHARS[weekday.group(1)]}〉" if weekday else ""


def _notice_year(text: str, given: int | None) -> int:
    found = {int(m.group(1)) for r in _YEAR_RES for m in r.finditer(text)}
    if given is not None:
        found.add(given)
    if not found:
        raise NoticeParseError(
            "没有找到通知所属年份：请粘贴含标题“国务院办公厅关于XXXX年部分节假日安排的通知”"
            "或“现将XXXX年……”的全文，或指定年份。"
        )
    if len(found) > 1:
        years = "、".join(str(y) for y in sorted(found))
        raise NoticeParseError(f"通知中的年份不一致（{years}），请核对是否粘贴了同一份通知。")
    return found.pop()


def _items(text: str) -> list[tuple[str, str]]:
    """(holiday name, body) for each numbered item that names a holiday."""
    starts = [m.start() for m in _ENUM_RE.finditer(text)] + [len(text)]
    items = []
    for begin, end in pairwise(starts):
        header = _HEADER_RE.match(text, begin)
        if not header or not any(k in header.group(1) for k in HOLIDAY_KEYWORDS):
            continue
        body = text[header.end() : end].replace("\n", "")
        closing = _CLOSING_RE.search(body)
        items.append((header.group(1), body[: closing.start()] if closing else body))
    return items


class _Item:
    """One numbered item, e.g. 二、春节：…；dates are read clause by clause."""

    def __init__(self, name: str, year: int):
        self.name = name
        self.year = year
        self.month: int | None = None
        self.blocks: list[list[date]] = []
        self.workdays: set[date] = set()

    @property
    def holidays(self) -> set[date]:
        return {d for block in self.blocks for d in block}

    def read(self, body: str) -> None:
        for clause in filter(None, re.split(r"[,;。]", body)):
            self._read_clause(clause)
        if not self.blocks:
            raise NoticeParseError(f"“{self.name}”一项中没有找到放假日期。")

    def _read_clause(self, clause: str) -> None:
        dates = self._dates(clause)
        if dates:
            is_work = "上班" in clause
            if is_work == any(k in clause for k in ("放假", "补休", "补假")):
                raise NoticeParseError(
                    f"无法判断“{self.name}”中“{_show(clause)}”的日期是放假还是上班。"
                )
            if is_work:
                self.workdays.update(dates)
            else:
                self.blocks.append(dates)
        if "与周末连休" in clause:
            self._join_weekend()
        days = _DAYS_RE.search(clause)
        if days:
            self._check_length(_to_int(days.group(1)))

    def _dates(self, clause: str) -> list[date]:
        groups: list[tuple[re.Match, list[date]]] = []
        previous = None
        for match in _DATE_RE.finditer(clause):
            between = clause[previous.end() : match.start()] if previous else None
            if between is not None and _RANGE_SEP_RE.match(between):
                first_m, first = groups.pop()
                groups.append((first_m, self._range(first[0], first_m, match)))
            else:
                groups.append((match, [self._date(match, self.year)]))
            previous = match
        for match, days in groups:
            if len(days) == 1:
                _check_weekday(self.name, days[0], match)
        return [d for _, days in groups for d in days]

    def _date(self, match: re.Match, default_year: int) -> date:
        year_text, month_text, day_text, _ = match.groups()
        if month_text:
            self.month = int(month_text)
        if self.month is None:
            raise NoticeParseError(f"“{self.name}”中的“{_show(match.group(0))}”缺少月份。")
        year = int(year_text) if year_text else default_year
        try:
            return date(year, self.month, int(day_text))
        except ValueError:
            raise NoticeParseError(
                f"“{self.name}”中的日期无效：{year}年{self.month}月{day_text}日。"
            ) from None

    def _range(self, first: date, first_m: re.Match, last_m: re.Match) -> list[date]:
        last = self._date(last_m, first.year)
        if last < first and not last_m.group(1):
            # A break over New Year: "2018年12月30日至1月1日" ends in the next
            # year; "12月30日至1月1日" in the notice for Y starts in Y-1.
            if first_m.group(1):
                last = last.replace(year=last.year + 1)
            else:
                first = first.replace(year=first.year - 1)
        if last < first:
            raise NoticeParseError(
                f"“{self.name}”中的日期范围“{_show(first_m.group(0))}至"
                f"{_show(last_m.group(0))}”结束早于开始。"
            )
        _check_weekday(self.name, first, first_m)
        _check_weekday(self.name, last, last_m)
        return [first + timedelta(days=i) for i in range((last - first).days + 1)]

    def _join_weekend(self) -> None:
        if not self.blocks:
            raise NoticeParseError(f"“{self.name}”写明与周末连休，但前面没有放假日期。")
        block = sorted(self.blocks[-1])
        first, last = block[0], block[-1]
        if last.weekday() == 4:
            block += [last + timedelta(days=1), last + timedelta(days=2)]
        elif first.weekday() == 0:
            block = [first - timedelta(days=2), first - timedelta(days=1), *block]
        else:
            raise NoticeParseError(
                f"“{self.name}”写明与周末连休，但{first.month}月{first.day}日前后不与周末相连。"
            )
        self.blocks[-1] = block

    def _check_length(self, stated: int) -> None:
        if not self.blocks:
            return
        found = len(set(self.blocks[-1]))
        if found != stated:
            raise NoticeParseError(
                f"“{self.name}”写明放假{stated}天（自然日），但解析出{found}个自然日，请核对日期范围。"
            )


def _check_weekday(name: str, day: date, match: re.Match) -> None:
    weekday = match.group(4)
    if weekday is not None and day.weekday() != int(weekday):
        raise NoticeParseError(
            f"“{name}”中{_fmt(day)}标注为{_WEEKDAY_NAMES[int(weekday)]}，"
            f"但该日实际是{_WEEKDAY_NAMES[day.weekday()]}，请核对年份和日期。"
        )


def _check_consistency(year: int, holidays: set[date], workdays: set[date]) -> None:
    both = holidays & workdays
    if both:
        raise NoticeParseError(f"{_fmt(min(both))}既被列为放假又被列为上班，请核对。")
    weekday_work = sorted(d for d in workdays if d.weekday() < 5)
    if weekday_work:
        day = weekday_work[0]
        raise NoticeParseError(
            f"{_fmt(day)}是{_WEEKDAY_NAMES[day.weekday()]}，本来就是工作日，"
            "不应列为调休上班，请核对。"
        )
    low, high = date(year - 1, 12, 1), date(year + 1, 1, 31)
    outside = sorted(d for d in holidays | workdays if not low <= d <= high)
    if outside:
        raise NoticeParseError(f"{_fmt(outside[0])}不属于{year}年的节假日安排，请核对年份。")


def _to_int(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    tens, _, ones = text.rpartition("十")
    value = _NUMERALS.index(ones) + 1 if ones else 0
    return value + (10 if tens == "" and "十" in text else 0)


def _fmt(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _show(clause: str) -> str:
    return re.sub(r"〈\d〉", "", clause)
