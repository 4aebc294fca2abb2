"""Random application facts and the way the national format counts them, for property tests.

A fact is what the annual report needs to know of one application: the applicant kind, the
year it was received, and the year and outcome of its reply (or none yet).
"""

from dataclasses import dataclass

from hypothesis import strategies as st

from gongkai.applications.outcomes import ApplicantKind, Outcome

YEAR = 2025


@dataclass(frozen=True)
class Fact:
    id: int
    kind: str
    received: int
    replied: int | None
    outcome: str


@st.composite
def facts(draw, max_size=40):
    count = draw(st.integers(min_value=0, max_value=max_size))
    result = []
    for index in range(count):
        received = draw(st.integers(min_value=YEAR - 2, max_value=YEAR))
        replied = draw(st.one_of(st.none(), st.integers(min_value=received, max_value=YEAR + 1)))
        kind = draw(st.sampled_from(ApplicantKind)).value
        outcome = draw(st.sampled_from(Outcome)).value
        result.append(Fact(index + 1, kind, received, replied, outcome))
    return result


def tally(all_facts, year):
    """Per-kind counts and record ids, keyed as `request_statistics` keys them."""
    counts, records = {}, {}

    def count(row, fact):
        counts[(row, fact.kind)] = counts.get((row, fact.kind), 0) + 1
        records.setdefault((row, fact.kind), []).append(fact.id)

    for fact in all_facts:
        open_after = fact.replied is None or fact.replied > year
        if fact.received == year:
            count("new", fact)
        if fact.received < year and (fact.replied is None or fact.replied >= year):
            count("carried_over", fact)
        if fact.replied == year:
            count(fact.outcome, fact)
        if fact.received <= year and open_after:
            count("carried_forward", fact)
    return counts, records
