"""The format's arithmetic identities hold for any honest count, and a broken cell is named."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.reports import format as fmt
from gongkai.reports.tables import Table3, Table4, build_table3, build_table4, check_identities

from .facts import YEAR, facts, tally

TABLE4_PARTS = ("upheld", "corrected", "other", "pending")
table4_counts = st.fixed_dictionaries(
    {
        f"{group}.{part}": st.integers(0, 20)
        for group, _l in fmt.TABLE4_GROUPS
        for part in TABLE4_PARTS
    }
)


def table_for(all_facts, year=YEAR):
    return build_table3(*tally(all_facts, year))


def rules_and_cells(violations):
    return {(violation.rule, violation.cell) for violation in violations}


@settings(deadline=None)  # shared CI machine: timing is not the property
@given(facts(), table4_counts)
def test_counted_applications_satisfy_every_identity(all_facts, counts):
    table3 = table_for(all_facts)
    previous = table_for(all_facts, YEAR - 1)
    assert check_identities(table3, build_table4(counts), previous_table3=previous) == []


@settings(deadline=None)  # shared CI machine: timing is not the property
@given(facts())
def test_total_column_and_total_row_are_computed(all_facts):
    table3 = table_for(all_facts)
    handled = [fact for fact in all_facts if fact.replied == YEAR]
    assert table3[(fmt.TOTAL_HANDLED, fmt.TOTAL)] == len(handled)
    assert table3[(fmt.NEW, fmt.TOTAL)] == sum(fact.received == YEAR for fact in all_facts)
    assert sorted(table3.records_for((fmt.TOTAL_HANDLED, fmt.TOTAL))) == sorted(
        f.id for f in handled
    )


def expected_failures(row, column):
    """(rule, named cell) pairs that breaking one table 三 cell must produce."""
    failures = {("AR_T3_ROW_IDENTITY", (row, fmt.TOTAL))}
    if row in fmt.OUTCOME_ROW_KEYS:
        failures.add(("AR_T3_TOTAL_IDENTITY", (fmt.TOTAL_HANDLED, column)))
    else:
        failures.add(("AR_T3_COLUMN_IDENTITY", (fmt.CARRIED_FORWARD, column)))
    if row == fmt.TOTAL_HANDLED:
        failures.add(("AR_T3_TOTAL_IDENTITY", (fmt.TOTAL_HANDLED, column)))
    return failures


@settings(deadline=None)  # shared CI machine: timing is not the property
@given(
    facts(),
    st.sampled_from(fmt.TABLE3_ROW_KEYS),
    st.sampled_from(fmt.TABLE3_COLUMN_KEYS),
    st.integers(1, 5),
)
def test_a_wrong_cell_is_named(all_facts, row, column, delta):
    table3 = table_for(all_facts)
    cells = dict(table3.cells)
    cells[(row, column)] += delta
    violations = check_identities(Table3(cells, table3.records), build_table4({}))
    assert rules_and_cells(violations) == expected_failures(row, column)
    assert all((row, column) in violation.cells for violation in violations)


def test_violation_message_names_row_and_column():
    table3 = build_table3(
        {("new", "research_institution"): 2, ("disclosed", "research_institution"): 1}
    )
    violations = check_identities(table3, build_table4({}))
    [violation] = [v for v in violations if v.cell == (fmt.CARRIED_FORWARD, "research_institution")]
    assert violation.cell_name == "表三「四、结转下年度继续办理」行「科研机构」列"
    assert "科研机构" in violation.message and "2" in violation.message and "1" in violation.message


@settings(deadline=None)  # shared CI machine: timing is not the property
@given(facts(max_size=20).filter(lambda fs: any(f.received == YEAR for f in fs)), st.data())
def test_an_application_missing_from_the_outcome_side_is_named(all_facts, data):
    counts, records = tally(all_facts, YEAR)
    lost = data.draw(st.sampled_from([fact for fact in all_facts if fact.received == YEAR]))
    row = lost.outcome if lost.replied == YEAR else "carried_forward"
    counts[(row, lost.kind)] -= 1
    records[(row, lost.kind)].remove(lost.id)
    violations = check_identities(build_table3(counts, records), build_table4({}))
    named = {v.cell[1]: v.record_ids for v in violations if v.rule == "AR_T3_COLUMN_IDENTITY"}
    assert named == {lost.kind: (lost.id,), fmt.TOTAL: (lost.id,)}


@settings(deadline=None)  # shared CI machine: timing is not the property
@given(facts(), st.sampled_from(fmt.TABLE3_KIND_KEYS), st.integers(1, 3))
def test_carry_over_must_equal_last_years_carry_forward(all_facts, kind, extra):
    previous_counts, previous_records = tally(all_facts, YEAR - 1)
    previous_counts[("carried_forward", kind)] = (
        previous_counts.get(("carried_forward", kind), 0) + extra
    )
    previous = build_table3(previous_counts, previous_records)
    violations = check_identities(table_for(all_facts), build_table4({}), previous_table3=previous)
    assert rules_and_cells(violations) == {
        ("AR_CARRY_OVER", (fmt.CARRIED_OVER, kind)),
        ("AR_CARRY_OVER", (fmt.CARRIED_OVER, fmt.TOTAL)),
    }


def test_carry_over_violation_names_the_application_not_carried():
    previous = build_table3(
        {("carried_forward", "natural_person"): 2}, {("carried_forward", "natural_person"): [7, 8]}
    )
    this_year = build_table3(
        {("carried_over", "natural_person"): 1, ("disclosed", "natural_person"): 1},
        {("carried_over", "natural_person"): [7], ("disclosed", "natural_person"): [7]},
    )
    violations = check_identities(this_year, build_table4({}), previous_table3=previous)
    assert {v.record_ids for v in violations} == {(8,)}


@settings(deadline=None)  # shared CI machine: timing is not the property
@given(table4_counts, st.sampled_from(fmt.TABLE4_KEYS), st.integers(1, 4))
def test_a_table4_group_that_does_not_total_is_named(counts, key, delta):
    table4 = build_table4(counts)
    cells = dict(table4.cells)
    cells[key] += delta
    violations = check_identities(build_table3({}), Table4(cells))
    group = key.split(".")[0]
    assert rules_and_cells(violations) == {("AR_T4_IDENTITY", f"{group}.total")}


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(fmt.TABLE3_ROW_KEYS), st.sampled_from(fmt.TABLE3_COLUMN_KEYS))
def test_negative_table3_cell_is_refused(row, column):
    cells = dict(build_table3({}).cells)
    cells[(row, column)] = -1
    violations = check_identities(Table3(cells), build_table4({}))
    assert ("AR_NONNEG", (row, column)) in rules_and_cells(violations)


def test_negative_or_fractional_table2_figures_are_refused():
    table2 = {key: 0 for key in fmt.TABLE2_KEYS}
    table2["fees.amount"] = Decimal("-0.01")
    table2["penalty.decisions"] = Decimal("1.5")
    violations = check_identities(build_table3({}), build_table4({}), table2=table2)
    assert rules_and_cells(violations) == {
        ("AR_NONNEG", "fees.amount"),
        ("AR_NONNEG", "penalty.decisions"),
    }
    assert any("行政事业性收费" in v.message and "负数" in v.message for v in violations)


def test_fee_amount_may_have_decimals():
    table2 = {key: 0 for key in fmt.TABLE2_KEYS} | {"fees.amount": Decimal("12.35")}
    assert check_identities(build_table3({}), build_table4({}), table2=table2) == []


def test_negative_table4_cell_is_refused():
    violations = check_identities(
        build_table3({}), build_table4({"review.pending": -1, "review.total": -1})
    )
    assert ("AR_NONNEG", "review.pending") in rules_and_cells(violations)
