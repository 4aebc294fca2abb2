"""Table 二's 规章 and 行政规范性文件 cells are counted from publishing's records as they stood
on 31 December: issued, repealed and in force, for documents on either side of a year end."""

from datetime import date as D

import pytest

from gongkai.publishing import workflow as publishing
from gongkai.publishing.tests.factories import normative
from gongkai.reports import services, workflow

from .scenario import publish


@pytest.fixture
def documents(calendar_years, at, issue, unit_a, editor_a, reviewer_a, editor_b, reviewer_b):
    docs = {
        "rule_steady": issue(D(2024, 1, 8)),
        "rule_repealed_2025": issue(D(2024, 6, 3), effective=D(2024, 7, 1)),
        "rule_repealed_2026": issue(D(2024, 2, 1), effective=D(2024, 3, 1)),
        "rule_expired_2025": issue(D(2024, 3, 4), expiry=D(2025, 6, 30)),
        "normative_repealed_2025": issue(D(2024, 5, 6), rule=False),
        "normative_withdrawn_2025": issue(D(2024, 5, 7), rule=False),
    }
    docs["rule_2025"] = issue(
        D(2025, 4, 1), effective=D(2025, 5, 1), repeals=[docs["rule_repealed_2025"]]
    )
    # Issued in December, in force only from February.
    docs["rule_late_2025"] = issue(D(2025, 12, 22), effective=D(2026, 2, 1))
    docs["normative_2025"] = issue(
        D(2025, 6, 2),
        rule=False,
        repeals=[docs["normative_repealed_2025"], docs["normative_withdrawn_2025"]],
    )
    docs["normative_withdrawn_2026"] = issue(D(2025, 3, 3), rule=False)
    at(2025, 10, 9)
    publishing.withdraw(actor=reviewer_a, document=docs["normative_withdrawn_2025"], reason="误发")
    docs["rule_2026"] = issue(
        D(2026, 1, 8), effective=D(2026, 1, 10), repeals=[docs["rule_repealed_2026"]]
    )
    at(2026, 1, 12)
    publishing.withdraw(actor=reviewer_a, document=docs["normative_withdrawn_2026"], reason="误发")
    # Not counted for unit A: another unit's 规章, and a draft.
    issue(D(2025, 2, 3), staff=(editor_b, reviewer_b))
    publishing.create_draft(
        actor=editor_a,
        unit=unit_a,
        content=normative(is_rule=True, is_normative=False, date_written=D(2025, 5, 5)),
    )
    at(2026, 1, 20)
    return docs


def named(records, docs):
    names = {doc.pk: name for name, doc in docs.items()}
    return {key: sorted(names[pk] for pk in ids) for key, ids in records.items()}


def test_rules_and_normative_documents_as_they_stood_on_31_december(documents, unit_a):
    assert named(services.document_records([unit_a], 2025), documents) == {
        "regulation.issued": ["rule_2025", "rule_late_2025"],
        "regulation.repealed": ["rule_repealed_2025"],
        "regulation.in_force": ["rule_2025", "rule_repealed_2026", "rule_steady"],
        # Withdrawn in January 2026: it still stood on 31 December 2025.
        "normative_document.issued": ["normative_2025", "normative_withdrawn_2026"],
        # Withdrawn in October 2025: gone from every cell of 2025, repeal included.
        "normative_document.repealed": ["normative_repealed_2025"],
        "normative_document.in_force": ["normative_2025", "normative_withdrawn_2026"],
    }


def test_the_year_before_sees_the_documents_repealed_or_withdrawn_later(documents, unit_a):
    assert named(services.document_records([unit_a], 2024), documents) == {
        "regulation.issued": [
            "rule_expired_2025",
            "rule_repealed_2025",
            "rule_repealed_2026",
            "rule_steady",
        ],
        "regulation.repealed": [],
        "regulation.in_force": [
            "rule_expired_2025",
            "rule_repealed_2025",
            "rule_repealed_2026",
            "rule_steady",
        ],
        "normative_document.issued": ["normative_repealed_2025", "normative_withdrawn_2025"],
        "normative_document.repealed": [],
        "normative_document.in_force": ["normative_repealed_2025", "normative_withdrawn_2025"],
    }


def test_report_table2_counts_them_and_publishes_them_frozen(
    documents, unit_a, editor_a, reviewer_a
):
    report = workflow.generate_report(actor=editor_a, unit=unit_a, year=2025)
    tables = services.compute_tables(report)
    counted = {key: value for key, value in tables.table2.items() if "." in key}
    assert {key: counted[key] for key in services.document_records([unit_a], 2025)} == {
        "regulation.issued": 2,
        "regulation.repealed": 1,
        "regulation.in_force": 3,
        "normative_document.issued": 2,
        "normative_document.repealed": 1,
        "normative_document.in_force": 2,
    }
    assert tables.table2_sources["regulation.in_force"] == "computed"
    frozen = services.from_snapshot(publish(report, editor_a, reviewer_a).snapshot)
    assert frozen.table2["regulation.in_force"] == 3
    assert sorted(frozen.table2_records["regulation.repealed"]) == [
        documents["rule_repealed_2025"].pk
    ]


def test_rule_cells_are_not_typed_in(client_of, calendar_years, in_2026, unit_a, editor_a):
    report = workflow.generate_report(actor=editor_a, unit=unit_a, year=2025)
    html = client_of(editor_a).get(f"/console/reports/{report.pk}/edit/").content.decode()
    assert 'name="licensing_decisions"' in html
    assert 'name="regulation_' not in html
