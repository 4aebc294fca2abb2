"""Build 决策公开 states through the real workflow functions."""

from datetime import date

from gongkai.accounts.tests.factories import StaffFactory
from gongkai.decisions import workflow


def government_staff(government, role, username):
    return StaffFactory(username=username, membership__unit=government, membership__role=role)


def steps(**planned):
    """Every step required, planned on the given dates (kind=date)."""
    return {kind: {"required": True, "planned_on": day} for kind, day in planned.items()}


def catalogue(drafter, government, year=2026, decisions=(), publisher=None):
    """A catalogue with `decisions` (dicts of add_decision arguments), published by
    `publisher` when given."""
    made = workflow.create_catalogue(actor=drafter, government=government, year=year)
    for fields in decisions:
        workflow.add_decision(actor=drafter, catalogue=made, **fields)
    if publisher is not None:
        made = workflow.publish_catalogue(actor=publisher, catalogue=made)
    return made


def decision_fields(unit, **overrides):
    return {
        "title": "测试区老旧小区改造三年行动计划",
        "unit": unit,
        "legal_basis": "《重大行政决策程序暂行条例》第三条",
        "summary": "改造 2000 年以前建成的老旧小区。",
        "planned_on": date(2026, 11, 30),
        "steps": steps(
            participation=date(2026, 5, 1),
            experts=date(2026, 6, 1),
            risk=date(2026, 6, 15),
            legality=date(2026, 7, 1),
            collective=date(2026, 8, 1),
        ),
        **overrides,
    }
