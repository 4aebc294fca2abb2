import datetime

import pytest

from gongkai.applications.tests.calendars import china_calendar
from gongkai.publishing.tests.factories import normative, published


@pytest.fixture
def calendar_years(known_calendar):
    """The real 2024–2026 State Council holiday arrangements in the database."""
    return china_calendar(years=(2024, 2025, 2026))


@pytest.fixture
def in_2026(at):
    """Reports for 2025 are written in January 2026."""
    at(2026, 1, 20)
    return datetime.date(2026, 1, 20)


@pytest.fixture
def issue(at, editor_a, reviewer_a, unit_a):
    """`issue(written, ...)`: a 规章 (with rule=False a 行政规范性文件) of unit A unless told
    otherwise, written, published and effective on `written` unless told otherwise, through
    publishing's real workflow; `repeals` lists the documents it repeals from its effect."""
    serial = iter(range(1, 1000))

    def make(written, *, rule=True, effective=None, expiry=None, repeals=(), staff=None):
        editor, reviewer = staff or (editor_a, reviewer_a)
        at(written.year, written.month, written.day)
        return published(
            editor,
            reviewer,
            editor.memberships.get().unit,
            links=[{"kind": "repeals", "target": old.pk} for old in repeals],
            data=normative(
                title=f"{'规章' if rule else '规范性文件'}{written:%Y%m%d}",
                doc_number=f"测政发〔{written.year}〕{next(serial)}号",
                date_written=written,
                effective_date=effective or written,
                expiry_date=expiry,
                is_rule=rule,
                is_normative=not rule,
                needs_interpretation=False,
            ),
        )

    return make
