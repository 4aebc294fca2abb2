"""The identities hold for tables counted from the database, whatever the applications were.

Each example registers a random small set of applications through the real workflow and
takes each to a random statutory outcome in the previous year, in the report's year, in the
year after, or leaves it open, then counts them with `request_statistics` as the report does.
"""

from contextlib import contextmanager
from datetime import date as D

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.applications.outcomes import ApplicantKind, Outcome
from gongkai.applications.statistics import request_statistics
from gongkai.reports import format as fmt
from gongkai.reports.tables import build_table3, build_table4, check_identities

from .facts import YEAR, Fact, tally
from .scenario import close_with, register

# Workdays clear of holidays, with a year's first and last working days among them; each
# closing day is far enough from its receipt for a correction or payment period to lapse.
RECEIVED = {
    YEAR - 1: (D(YEAR - 1, 1, 2), D(YEAR - 1, 11, 4)),
    YEAR: (D(YEAR, 1, 2), D(YEAR, 11, 3)),
}
CLOSED = {
    YEAR - 1: (D(YEAR - 1, 12, 16), D(YEAR - 1, 12, 31), D(YEAR, 1, 2), D(YEAR, 1, 13)),
    YEAR: (D(YEAR, 12, 15), D(YEAR, 12, 31), D(YEAR + 1, 1, 5), D(YEAR + 1, 1, 12)),
}


@st.composite
def drawn_application(draw):
    """(kind, outcome, received on, closed on or None for still open)."""
    received_year = draw(st.sampled_from(sorted(RECEIVED)))
    return (
        draw(st.sampled_from(ApplicantKind)),
        draw(st.sampled_from(Outcome)),
        draw(st.sampled_from(RECEIVED[received_year])),
        draw(st.none() | st.sampled_from(CLOSED[received_year])),
    )


@contextmanager
def rolled_back():
    """Each example starts from the same database: its applications are undone afterwards."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def handle(unit, actor, drawn):
    """Registers and closes the drawn applications; returns what the report should know."""
    facts = []
    for kind, outcome, received_on, closed_on in drawn:
        application = register(unit, actor, kind, received_on)
        if closed_on:
            close_with(application, actor, outcome, closed_on)
        replied = closed_on.year if closed_on else None
        facts.append(Fact(application.pk, kind.value, received_on.year, replied, outcome.value))
    return facts


def counted_table(unit, year):
    statistics = request_statistics(units=[unit], year=year)
    return build_table3(statistics.cells, statistics.records)


@pytest.mark.usefixtures("calendar_years", "in_2026")
@settings(
    max_examples=15,
    deadline=None,  # shared CI machine: timing is not the property
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(drawn=st.lists(drawn_application(), max_size=12))
def test_tables_counted_from_the_workflow_satisfy_every_identity(unit_a, editor_a, drawn):
    with rolled_back():
        facts = handle(unit_a, editor_a, drawn)
        table3, previous = counted_table(unit_a, YEAR), counted_table(unit_a, YEAR - 1)

        assert check_identities(table3, build_table4({}), previous_table3=previous) == []

        assert table3[(fmt.NEW, fmt.TOTAL)] == sum(f.received == YEAR for f in facts)
        assert table3[(fmt.CARRIED_OVER, fmt.TOTAL)] == sum(
            f.received < YEAR and f.replied != YEAR - 1 for f in facts
        )
        assert table3[(fmt.TOTAL_HANDLED, fmt.TOTAL)] == sum(f.replied == YEAR for f in facts)
        assert table3[(fmt.CARRIED_FORWARD, fmt.TOTAL)] == sum(
            f.received <= YEAR and (f.replied is None or f.replied > YEAR) for f in facts
        )

        expected = build_table3(*tally(facts, YEAR))
        assert table3.cells == expected.cells
        assert {key: sorted(table3.records_for(key)) for key in table3.cells} == {
            key: sorted(expected.records_for(key)) for key in expected.cells
        }
