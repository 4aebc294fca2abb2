"""The annual-report counts follow the year of receipt and the year of the reply."""

from gongkai.applications import workflow
from gongkai.applications.models import RemedyKind, RemedyResult
from gongkai.applications.outcomes import ApplicantKind, Outcome
from gongkai.applications.statistics import request_statistics, review_statistics
from gongkai.applications.tests.factories import credit_code

D = __import__("datetime").date
PERSON = ApplicantKind.NATURAL_PERSON
FIRM = ApplicantKind.COMMERCIAL_ENTERPRISE


def reply(application, actor, on):
    return workflow.issue_reply(
        actor=actor,
        application=application,
        outcome=Outcome.DISCLOSED,
        replied_on=on,
        how_to_obtain="电子邮件发送",
    )


def test_carry_over_new_outcome_and_carry_forward(submit, unit_a, unit_b, editor_a, at):
    spanning = submit(unit_a, on=(2025, 12, 22))
    replied_2025 = submit(unit_a, on=(2025, 12, 1))
    firm = submit(
        unit_a,
        on=(2026, 3, 2),
        applicant_kind=FIRM,
        identity_kind="credit_code",
        identity_number=credit_code(7),
    )
    open_at_year_end = submit(unit_a, on=(2026, 12, 28))
    submit(unit_b, on=(2026, 3, 2))  # another unit: not counted
    at(2025, 12, 5)
    reply(replied_2025, editor_a, D(2025, 12, 5))
    at(2026, 1, 8)
    reply(spanning, editor_a, D(2026, 1, 8))
    at(2026, 3, 3)
    reply(firm, editor_a, D(2026, 3, 3))

    stats_2025 = request_statistics(units=[unit_a], year=2025)
    assert stats_2025.cells[("new", PERSON)] == 2
    assert stats_2025.cells[(Outcome.DISCLOSED, PERSON)] == 1
    assert stats_2025.cells[("carried_forward", PERSON)] == 1

    stats = request_statistics(units=[unit_a], year=2026)
    assert stats.cells[("carried_over", PERSON)] == stats_2025.cells[("carried_forward", PERSON)]
    assert stats.cells[("new", PERSON)] == 1
    assert stats.cells[("new", FIRM)] == 1
    assert stats.cells[(Outcome.DISCLOSED, PERSON)] == 1
    assert stats.cells[(Outcome.DISCLOSED, FIRM)] == 1
    assert stats.records[("carried_forward", PERSON)] == [open_at_year_end.pk]
    for kind in ApplicantKind.values:
        outcomes = sum(stats.cells[(o, kind)] for o in Outcome.values)
        assert (
            stats.cells[("new", kind)] + stats.cells[("carried_over", kind)]
            == outcomes + stats.cells[("carried_forward", kind)]
        )


def test_review_statistics_by_kind_and_result(submit, unit_a, editor_a, at):
    application = submit(unit_a, on=(2026, 3, 2))
    at(2026, 3, 3)
    reply(application, editor_a, D(2026, 3, 3))
    at(2026, 5, 6)
    workflow.record_review(
        actor=editor_a,
        application=application,
        kind=RemedyKind.REVIEW,
        filed_on=D(2026, 4, 1),
        result=RemedyResult.UPHELD,
        decided_on=D(2026, 5, 6),
    )
    workflow.record_review(
        actor=editor_a,
        application=application,
        kind=RemedyKind.LITIGATION_AFTER_REVIEW,
        filed_on=D(2026, 5, 6),
    )
    counts = review_statistics(units=[unit_a], year=2026)
    assert counts["review.upheld"] == 1
    assert counts["review.total"] == 1
    assert counts["litigation_after_review.pending"] == 1
    assert counts["litigation_direct.total"] == 0
