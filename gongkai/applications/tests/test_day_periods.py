"""Every period of days the applicant or the handler reads says 工作日 or 自然日: the
regulation's periods are working days, review and litigation periods are calendar days."""

import datetime

import pytest

from gongkai.applications import flowchart, letters, next_step, remedies
from gongkai.applications.outcomes import REFUSALS, Outcome
from gongkai.core.periods import bare_day_periods


def test_the_scanner_finds_a_bare_period_and_passes_dates_and_explicit_periods():
    assert bare_day_periods("自收到本答复之日起60日内申请行政复议，15天内起诉") == ["60日", "15天"]
    assert bare_day_periods("2026年12月3日前，20个工作日内；60个自然日内；1 月 31 日前") == []


def test_every_letter_template_says_which_days_it_counts():
    sources = [text for _title, text in letters.DEFAULTS.values()]
    sources += list(letters.REPLY_DEFAULTS.values())
    assert sources
    assert {i: bare_day_periods(s) for i, s in enumerate(sources) if bare_day_periods(s)} == {}


@pytest.mark.django_db
@pytest.mark.parametrize("replied_on", [datetime.date(2023, 6, 1), datetime.date(2026, 12, 3)])
@pytest.mark.parametrize("outcome", [Outcome.DISCLOSED, sorted(REFUSALS)[0]])
def test_the_remedy_notice_counts_review_and_litigation_in_calendar_days(
    unit_a, outcome, replied_on
):
    notice = remedies.remedy_notice(outcome, replied_on, unit_a)
    assert "60个自然日内" in notice
    assert bare_day_periods(notice) == []


def test_the_flow_chart_and_the_next_steps_say_which_days_they_count():
    texts = [title + note for title, note in flowchart.STEPS]
    texts += [step.text for step in next_step.STEPS.values()]
    assert [t for t in texts if bare_day_periods(t)] == []
