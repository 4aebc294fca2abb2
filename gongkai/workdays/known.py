"""The years that the chinesecalendar package knows, in the shape a holiday notice gives:
holidays include the weekend days inside a break, workdays are the make-up weekend days."""

from datetime import date, timedelta

import chinese_calendar
from chinese_calendar.constants import Holiday, holidays


def known_years() -> list[int]:
    return sorted({d.year for d in holidays})


def year_data(year: int) -> dict:
    """{"holidays": [iso], "workdays": [iso], "names": {iso: 中文名}} for one year."""
    data = {"holidays": [], "workdays": [], "names": {}}
    day = date(year, 1, 1)
    while day.year == year:
        off, name = chinese_calendar.get_holiday_detail(day)
        if off and (name or day.weekday() < 5):
            data["holidays"].append(day.isoformat())
            if name:
                data["names"][day.isoformat()] = Holiday(name).chinese
        elif not off and day.weekday() >= 5:
            data["workdays"].append(day.isoformat())
        day += timedelta(days=1)
    return data
