"""The holidays that the law itself fixes, for a year whose State Council notice is not out yet.

《全国年节及纪念日放假办法》(as revised on 2024-11-10, in force from 2025) Art. 2 fixes the days
off: 元旦 1 January; 春节 农历除夕 to 正月初三 (4 days); 清明节 the day of the 清明 solar term;
劳动节 1–2 May; 端午节 农历五月初五; 中秋节 农历八月十五; 国庆节 1–3 October. Art. 6 says a
holiday that falls on a Saturday or Sunday is made up on a working day (补假); only which day,
and which weekends become working days (调休, Art. 7), waits for the annual notice.

So a provisional year has two kinds of days off: the statutory days, which are certain, and one
assumed make-up weekday for each statutory day that gives no weekday off (it falls on a weekend
or on another holiday), taken on the first free weekday after the break, as the notices
usually do. Lunar dates and the solar term come from lunar_python (an astronomical computation),
never from a typed table. Pure Python: no Django, no clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from lunar_python import Lunar, Solar

# The first year counted under the 2024 revision (除夕 a day off, 劳动节 two days).
FIRST_YEAR = 2025
ONE_DAY = timedelta(days=1)

NEW_YEAR = "元旦"
SPRING_FESTIVAL = "春节"
TOMB_SWEEPING = "清明节"
LABOUR_DAY = "劳动节"
DRAGON_BOAT = "端午节"
MID_AUTUMN = "中秋节"
NATIONAL_DAY = "国庆节"


@dataclass(frozen=True)
class ProvisionalDay:
    day: date
    festival: str
    statutory: bool

    @property
    def note(self) -> str:
        if self.statutory:
            return f"{self.festival}（法定假日，按《全国年节及纪念日放假办法》推算）"
        return f"{self.festival}补假（适逢周末按惯例推定，以国务院办公厅通知为准）"


def _lunar(year: int, month: int, day: int) -> date:
    solar = Lunar.fromYmd(year, month, day).getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def _solar_term(year: int, name: str) -> date:
    # The lunar year that contains April holds the 清明 of this Gregorian year.
    term = Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()[name]
    return date(term.getYear(), term.getMonth(), term.getDay())


def festivals(year: int) -> tuple[tuple[str, tuple[date, ...]], ...]:
    """Art. 2's seven holidays of ``year``, each with its statutory dates, in calendar order."""
    if year < FIRST_YEAR:
        raise ValueError(f"{year}年适用修订前的放假办法，请录入当年的放假通知")
    new_year = _lunar(year, 1, 1)
    return (
        (NEW_YEAR, (date(year, 1, 1),)),
        (SPRING_FESTIVAL, tuple(new_year + ONE_DAY * offset for offset in range(-1, 3))),
        (TOMB_SWEEPING, (_solar_term(year, "清明"),)),
        (LABOUR_DAY, (date(year, 5, 1), date(year, 5, 2))),
        (DRAGON_BOAT, (_lunar(year, 5, 5),)),
        (MID_AUTUMN, (_lunar(year, 8, 15),)),
        (NATIONAL_DAY, (date(year, 10, 1), date(year, 10, 2), date(year, 10, 3))),
    )


@lru_cache(maxsize=64)
def provisional_days(year: int) -> tuple[ProvisionalDay, ...]:
    """The statutory days off of ``year`` and the assumed make-up weekdays, sorted by date."""
    taken: dict[date, ProvisionalDay] = {}
    owed: list[tuple[str, date]] = []
    for festival, days in festivals(year):
        for day in days:
            if day.weekday() >= 5 or day in taken:
                owed.append((festival, max(days)))
            else:
                taken[day] = ProvisionalDay(day, festival, statutory=True)
    # Weekend statutory days are still days off; they are listed so explanations can name them.
    weekend = {
        day: ProvisionalDay(day, festival, statutory=True)
        for festival, days in festivals(year)
        for day in days
        if day.weekday() >= 5 and day not in taken
    }
    for festival, last in owed:
        day = _first_free_weekday_after(last, taken)
        taken[day] = ProvisionalDay(day, festival, statutory=False)
    return tuple(sorted({**weekend, **taken}.values(), key=lambda d: d.day))


def _first_free_weekday_after(day: date, taken: dict[date, ProvisionalDay]) -> date:
    day += ONE_DAY
    while day.weekday() >= 5 or day in taken:
        day += ONE_DAY
    return day


@lru_cache(maxsize=64)
def provisional_map(year: int) -> dict[date, ProvisionalDay]:
    return {day.day: day for day in provisional_days(year)}
