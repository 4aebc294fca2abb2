"""The holiday-notice parser reads real notices and refuses what it cannot read."""

from datetime import date, timedelta

import chinese_calendar
import pytest

from gongkai.workdays.calendar import Calendar, YearEntry
from gongkai.workdays.notice import NoticeParseError, parse_notice
from gongkai.workdays.tests.notices import NOTICE_2015, NOTICE_2019, NOTICE_2025, NOTICE_2026


def days_of(year: int):
    day = date(year - 1, 12, 29)
    while day <= date(year, 12, 31):
        yield day
        day += timedelta(days=1)


def as_calendar(text: str) -> Calendar:
    parsed = parse_notice(text)
    return Calendar.from_years(
        [YearEntry(parsed.year, frozenset(parsed.holidays), frozenset(parsed.workdays))]
    )


@pytest.mark.parametrize(("text", "year"), [(NOTICE_2026, 2026), (NOTICE_2025, 2025)])
def test_parsed_notice_agrees_with_chinese_calendar_on_every_day(text, year):
    calendar = as_calendar(text)
    differing = [
        d for d in days_of(year) if calendar.is_working_day(d) != chinese_calendar.is_workday(d)
    ]
    assert differing == []


def test_2019_notice_agrees_except_for_the_later_labour_day_change():
    # 国办发明电〔2019〕3号 later lengthened Labour Day to 1-4 May with two
    # make-up Sundays; chinese_calendar holds the changed arrangement.
    calendar = as_calendar(NOTICE_2019)
    differing = [
        d for d in days_of(2019) if calendar.is_working_day(d) != chinese_calendar.is_workday(d)
    ]
    assert differing == [date(2019, 4, 28), date(2019, 5, 2), date(2019, 5, 3), date(2019, 5, 5)]


def test_2015_notice_agrees_except_for_the_separate_victory_day_notice():
    # The 3 September 2015 commemoration was announced in a separate notice.
    calendar = as_calendar(NOTICE_2015)
    differing = [
        d for d in days_of(2015) if calendar.is_working_day(d) != chinese_calendar.is_workday(d)
    ]
    assert differing == [date(2015, 9, 3), date(2015, 9, 4), date(2015, 9, 6)]


def test_2026_notice_lists_holidays_and_make_up_days():
    parsed = parse_notice(NOTICE_2026)
    assert parsed.year == 2026
    assert parsed.workdays == [
        date(2026, 1, 4),
        date(2026, 2, 14),
        date(2026, 2, 28),
        date(2026, 5, 9),
        date(2026, 9, 20),
        date(2026, 10, 10),
    ]
    assert len(parsed.holidays) == 3 + 9 + 3 + 5 + 3 + 3 + 7
    assert parsed.names[date(2026, 2, 17)] == "春节"
    assert parsed.names[date(2026, 10, 7)] == "国庆节"


def test_ranges_crossing_a_month_are_expanded():
    holidays = set(parse_notice(NOTICE_2025).holidays)
    assert {date(2025, 1, 31), date(2025, 2, 1), date(2025, 2, 4)} <= holidays
    assert {date(2025, 5, 31), date(2025, 6, 1), date(2025, 6, 2)} <= holidays


def test_new_year_break_starting_in_previous_year_belongs_to_the_notice_year():
    parsed = parse_notice(NOTICE_2019)
    assert parsed.year == 2019
    assert {date(2018, 12, 30), date(2018, 12, 31), date(2019, 1, 1)} <= set(parsed.holidays)
    assert date(2018, 12, 29) in parsed.workdays


def test_with_weekend_joins_the_adjacent_weekend():
    holidays = set(parse_notice(NOTICE_2019).holidays)
    assert {date(2019, 4, 5), date(2019, 4, 6), date(2019, 4, 7)} <= holidays


def test_days_in_lieu_are_holidays():
    holidays = set(parse_notice(NOTICE_2015).holidays)
    assert date(2015, 4, 6) in holidays
    assert date(2015, 6, 22) in holidays


def test_traditional_repost_reads_like_the_original():
    repost = """
    國務院辦公廳關於2025年部分節假日安排的通知
    一、元旦：1月1日（週三）放假1天，不調休。
    二、春節：1月28日（農曆除夕、週二）至2月4日（農曆正月初七、週二）放假調休，共8天。1月26日（週日）、2月8日（週六）上班。
    三、清明節：4月4日（週五）至6日（週日）放假，共3天。
    四、勞動節：5月1日（週四）至5日（週一）放假調休，共5天。4月27日（週日）上班。
    五、端午節：5月31日（週六）至6月2日（週一）放假，共3天。
    六、國慶節、中秋節：10月1日（週三）至8日（週三）放假調休，共8天。9月28日（週日）、10月11日（週六）上班。
    """
    assert parse_notice(repost).as_json_dict() == parse_notice(NOTICE_2025).as_json_dict()


def test_preamble_of_principles_is_not_read_as_dates():
    with_principles = NOTICE_2026.replace(
        "经国务院批准，",
        "放假调休原则：春节自农历除夕起放假调休，国庆节自10月1日起放假调休7天，"
        "周末上班原则上不超过2天。经国务院批准，",
    )
    assert parse_notice(with_principles) == parse_notice(NOTICE_2026)


def test_text_pasted_as_one_line_with_full_width_digits():
    one_line = NOTICE_2026.replace("\n", "").translate(
        str.maketrans("0123456789", "０１２３４５６７８９")
    )
    assert parse_notice(one_line) == parse_notice(NOTICE_2026)


def test_day_counts_in_chinese_numerals():
    assert parse_notice(NOTICE_2026.replace("共9天", "共九天")) == parse_notice(NOTICE_2026)


def test_document_number_is_kept_for_the_record():
    assert parse_notice(NOTICE_2026).document_number == "国办发明电〔2025〕7号"


def test_items_without_title_need_the_year_given():
    items = NOTICE_2026[NOTICE_2026.index("一、元旦") : NOTICE_2026.index("节假日期间")]
    with pytest.raises(NoticeParseError, match="没有找到通知所属年份"):
        parse_notice(items)
    assert parse_notice(items, year=2026).holidays == parse_notice(NOTICE_2026).holidays


def test_given_year_must_match_the_text():
    with pytest.raises(NoticeParseError, match="年份不一致"):
        parse_notice(NOTICE_2026, year=2027)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "通知内容为空"),
        ("国务院办公厅关于2026年部分节假日安排的通知\n请各单位遵照执行。", "没有找到任何节日安排"),
        (NOTICE_2026.replace("2026年", "2027年"), "实际是"),
        (NOTICE_2026.replace("共9天", "共8天"), "写明放假8天（自然日），但解析出9个自然日"),
        (NOTICE_2026.replace("2月28日（周六）上班", "2月30日上班"), "日期无效"),
        (NOTICE_2026.replace("5月9日（周六）上班", "5月8日上班"), "本来就是工作日"),
        (NOTICE_2026.replace("放假调休，共7天", "休息，共7天"), "是放假还是上班"),
        (NOTICE_2019.replace("4月5日放假", "4月3日放假"), "不与周末相连"),
    ],
)
def test_unreadable_notices_are_refused_with_a_reason(text, message):
    with pytest.raises(NoticeParseError, match=message):
        parse_notice(text)


def test_json_shape_for_the_import_command():
    data = parse_notice(NOTICE_2025).as_json_dict()
    assert data["year"] == 2025
    assert data["workdays"] == [
        "2025-01-26",
        "2025-02-08",
        "2025-04-27",
        "2025-09-28",
        "2025-10-11",
    ]
    assert data["holidays"][:2] == ["2025-01-01", "2025-01-28"]
