"""决策公开 in the annual report: section 一 starts with the year's consultation figures,
counted from the records."""

import pytest

from gongkai.participation.tests.factories import answered_consultation
from gongkai.reports import workflow

pytestmark = pytest.mark.django_db


def test_the_report_starts_with_the_years_consultations(
    at, editor_a, reviewer_a, unit_a, editor_b, unit_b
):
    at(2025, 3, 2)
    answered_consultation(editor_a, reviewer_a, unit_a, ["adopted", "not_adopted"])
    at(2026, 1, 20)
    report = workflow.generate_report(actor=editor_a, unit=unit_a, year=2025)
    assert report.overview.startswith("推进决策公开。2025年本机关就1件草案公开征求意见")
    assert "采纳1组，部分采纳0组，未采纳1组" in report.overview
    assert workflow.generate_report(actor=editor_b, unit=unit_b, year=2025).overview == ""
