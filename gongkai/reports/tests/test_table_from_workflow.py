"""A year of applications handled through the real workflow gives exactly the expected table."""

from collections import Counter
from datetime import date as D
from datetime import timedelta

import pytest

from gongkai.applications import workflow as applications
from gongkai.applications.models import RemedyKind, RemedyResult
from gongkai.applications.outcomes import ApplicantKind, Outcome
from gongkai.reports import format as fmt
from gongkai.reports import services, workflow

from .scenario import close_with, paid_fee_then_disclosed, register

K = ApplicantKind


def year_of_applications(unit, actor):
    """Builds the 2025 facts of `unit`; returns the expected per-kind counts and the replies."""
    expected = Counter()

    def expect(kind, *rows):
        for row in rows:
            expected[(row, kind)] += 1

    replies = []
    for index, outcome in enumerate(Outcome):
        kind = list(K)[index % len(K)]
        application = register(unit, actor, kind, D(2025, 3, 3) + timedelta(days=index))
        replies.append(close_with(application, actor, outcome, D(2025, 6, 3)))
        expect(kind, "new", outcome)
    # Received in 2024, answered in 2025.
    for kind in (K.RESEARCH_INSTITUTION, K.LEGAL_SERVICES_ORGANISATION):
        application = register(unit, actor, kind, D(2024, 12, 23))
        close_with(application, actor, Outcome.PARTLY_DISCLOSED, D(2025, 1, 10))
        expect(kind, "carried_over", Outcome.PARTLY_DISCLOSED)
    # Received in 2024 and still open at the end of 2025.
    register(unit, actor, K.PUBLIC_INTEREST_ORGANISATION, D(2024, 12, 30))
    expect(K.PUBLIC_INTEREST_ORGANISATION, "carried_over", "carried_forward")
    # Received and answered in 2024: not part of 2025.
    close_with(
        register(unit, actor, K.NATURAL_PERSON, D(2024, 11, 4)),
        actor,
        Outcome.DISCLOSED,
        D(2024, 11, 20),
    )
    # Received late in 2025: one answered in January 2026, one still open.
    late = register(unit, actor, K.COMMERCIAL_ENTERPRISE, D(2025, 12, 22))
    close_with(late, actor, Outcome.UNAVAILABLE_NOT_HELD, D(2026, 1, 12))
    expect(K.COMMERCIAL_ENTERPRISE, "new", "carried_forward")
    register(unit, actor, K.OTHER_ORGANISATION, D(2025, 12, 29))
    expect(K.OTHER_ORGANISATION, "new", "carried_forward")
    # A fee paid, then disclosed.
    paid_fee_then_disclosed(
        register(unit, actor, K.NATURAL_PERSON, D(2025, 4, 1)), actor, D(2025, 4, 7), D(2025, 4, 20)
    )
    expect(K.NATURAL_PERSON, "new", Outcome.DISCLOSED)
    return expected, replies


def full_table(expected):
    """The 25 × 7 table the format asks for, completed by hand from the per-kind counts."""
    cells = {}
    for row in fmt.TABLE3_INPUT_ROWS:
        for kind in fmt.TABLE3_KIND_KEYS:
            cells[(row, kind)] = expected[(row, kind)]
    for kind in fmt.TABLE3_KIND_KEYS:
        cells[("total_handled", kind)] = sum(expected[(outcome, kind)] for outcome in Outcome)
    for row in fmt.TABLE3_ROW_KEYS:
        cells[(row, "total")] = sum(cells[(row, kind)] for kind in fmt.TABLE3_KIND_KEYS)
    return cells


@pytest.fixture
def year_2025(calendar_years, in_2026, unit_a, editor_a):
    return year_of_applications(unit_a, editor_a)


def test_generated_table_equals_expected_cell_by_cell(
    year_2025, unit_a, unit_b, editor_a, editor_b
):
    expected, _replies = year_2025
    register(unit_b, editor_b, K.NATURAL_PERSON, D(2025, 5, 6))  # another unit's: not counted
    report = workflow.generate_report(actor=editor_a, unit=unit_a, year=2025)
    table = services.compute_tables(report).table3
    want = full_table(expected)
    wrong = {key: (table[key], want[key]) for key in want if table[key] != want[key]}
    assert wrong == {}
    assert len(want) == 175
    assert all(table[(outcome.value, "total")] >= 1 for outcome in Outcome)
    assert {kind for (row, kind), n in expected.items() if n and row == "new"} == set(K.values)
    assert services.violations_of(report) == []


def test_table4_counts_reviews_and_lawsuits_by_result_at_year_end(
    calendar_years, in_2026, unit_a, editor_a
):
    apps = []
    for day in range(3, 7):
        application = register(unit_a, editor_a, K.NATURAL_PERSON, D(2025, 3, day))
        apps.append(
            close_with(
                application, editor_a, Outcome.WITHHELD_THIRD_PARTY, D(2025, 4, 1)
            ).application
        )
    remedies = [
        (RemedyKind.REVIEW, D(2025, 7, 1), RemedyResult.UPHELD, D(2025, 8, 1)),
        (RemedyKind.REVIEW, D(2025, 7, 2), RemedyResult.PENDING, None),
        (RemedyKind.LITIGATION_DIRECT, D(2025, 7, 3), RemedyResult.CORRECTED, D(2025, 11, 3)),
        # Decided only in 2026: still pending at the end of 2025.
        (RemedyKind.LITIGATION_AFTER_REVIEW, D(2025, 9, 1), RemedyResult.OTHER, D(2026, 1, 10)),
    ]
    for application, (kind, filed_on, result, decided_on) in zip(apps, remedies, strict=True):
        applications.record_review(
            actor=editor_a,
            application=application,
            kind=kind,
            filed_on=filed_on,
            result=result,
            decided_on=decided_on,
        )
    report = workflow.generate_report(actor=editor_a, unit=unit_a, year=2025)
    table4 = services.compute_tables(report).table4
    nonzero = {key: value for key, value in table4.cells.items() if value}
    assert nonzero == {
        "review.upheld": 1,
        "review.pending": 1,
        "review.total": 2,
        "litigation_direct.corrected": 1,
        "litigation_direct.total": 1,
        "litigation_after_review.pending": 1,
        "litigation_after_review.total": 1,
    }


def test_section_six_starts_with_the_fee_facts(calendar_years, in_2026, unit_a, editor_a):
    unpaid = register(unit_a, editor_a, K.NATURAL_PERSON, D(2025, 3, 3))
    close_with(unpaid, editor_a, Outcome.OTHER_FEE_UNPAID, D(2025, 6, 3))
    paid = register(unit_a, editor_a, K.NATURAL_PERSON, D(2025, 4, 1))
    paid_fee_then_disclosed(paid, editor_a, D(2025, 4, 7), D(2025, 4, 20))
    report = workflow.generate_report(actor=editor_a, unit=unit_a, year=2025)
    # Two notices of 100 yuan each (40 pages: ten above the free thirty); one was paid.
    assert "收费通知2件" in report.other_matters
    assert "金额合计200元" in report.other_matters
    assert "实际收取信息处理费100元" in report.other_matters


def test_government_report_adds_all_its_units(
    year_2025, unit_a, unit_b, editor_b, office, government
):
    expected, _replies = year_2025
    register(unit_b, editor_b, K.NATURAL_PERSON, D(2025, 5, 6))
    expected[("new", K.NATURAL_PERSON)] += 1
    expected[("carried_forward", K.NATURAL_PERSON)] += 1
    report = workflow.generate_report(actor=office, unit=government, year=2025)
    table = services.compute_tables(report).table3
    want = full_table(expected)
    assert {key: table[key] for key in want} == want
    assert services.due_date(government, 2025) == D(2026, 3, 31)
    assert services.due_date(unit_a, 2025) == D(2026, 1, 31)
