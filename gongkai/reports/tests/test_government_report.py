"""A government's report is its own figures plus all its units': the entered table 二 figures
start as the sum of the units' reports, and the office completes and may correct them."""

from decimal import Decimal

import pytest

from gongkai.audit.models import AuditEvent
from gongkai.reports import services, workflow
from gongkai.units.tests.factories import UnitFactory

from .scenario import publish


def enter(report, actor, source, figures):
    return workflow.update_report(
        actor=actor, report=report, figures=figures, figures_source=source
    )


@pytest.fixture
def units_reports(calendar_years, at, government, unit_a, unit_b, editor_a, reviewer_a, editor_b):
    UnitFactory(parent=government, code="unit-c", full_name="测试区丙局", short_name="丙局")
    at(2025, 1, 15)
    # Another year's report: not part of 2025.
    last_year = workflow.generate_report(actor=editor_b, unit=unit_b, year=2024)
    enter(last_year, editor_b, "乙局平台", {"licensing.decisions": "500"})
    at(2026, 1, 20)
    # Unit A published version 1, then started a correction: the published version counts.
    first = workflow.generate_report(actor=editor_a, unit=unit_a, year=2025)
    enter(
        first,
        editor_a,
        "甲局平台",
        {
            "licensing.decisions": "120",
            "penalty.decisions": "7",
            "enforcement.decisions": "2",
            "fees.amount": "1.25",
        },
    )
    publish(first, editor_a, reviewer_a)
    correction = workflow.new_version(actor=editor_a, report=first, reason="更正")
    enter(correction, editor_a, "甲局平台", {"licensing.decisions": "999"})
    # Unit B has only a draft: its latest version counts.
    draft = workflow.generate_report(actor=editor_b, unit=unit_b, year=2025)
    enter(
        draft,
        editor_b,
        "乙局平台",
        {"licensing.decisions": "30", "penalty.decisions": "4", "fees.amount": "0.0035"},
    )


def test_aggregate_starts_as_the_sum_of_the_units_reports(units_reports, government, office):
    report = workflow.generate_report(actor=office, unit=government, year=2025)
    expected = {
        "licensing.decisions": 150,
        "penalty.decisions": 11,
        "enforcement.decisions": 2,
        "fees.amount": Decimal("1.2535"),
    }
    assert report.entered_figures() == expected
    table2 = services.compute_tables(report).table2
    assert {key: table2[key] for key in expected} == expected
    note = report.figures_source
    assert "甲局（第1版，已发布）" in note and "乙局（第1版，草稿）" in note
    assert "第2版" not in note
    assert "尚无2025年度报告、未计入的单位：丙局" in note
    assert "本级政府自身的数据" in note
    event = AuditEvent.objects.get(action="report.generate", target_id=str(report.pk))
    assert event.data["licensing.decisions"] == [None, 150]


def test_office_adds_the_governments_own_figures_and_may_correct(units_reports, government, office):
    report = workflow.generate_report(actor=office, unit=government, year=2025)
    report = enter(
        report,
        office,
        report.figures_source + "本级政府行政许可8件，来自区政务服务平台。",
        {"licensing.decisions": "158"},
    )
    assert services.compute_tables(report).table2["licensing.decisions"] == 158
    assert report.penalty_decisions == 11
    assert "本级政府行政许可8件" in report.figures_source
