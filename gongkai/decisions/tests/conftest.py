import pytest

from .factories import catalogue, decision_fields, government_staff


@pytest.fixture(autouse=True)
def _thursday_3_december(at):
    """The tests' dates are around Thursday 3 December 2026: stop the clock there whatever
    instant the suite starts at (GONGKAI_TEST_NOW)."""
    at(2026, 12, 3, 9)


@pytest.fixture
def gov_editor(government):
    return government_staff(government, "editor", "gov-editor")


@pytest.fixture
def gov_reviewer(government):
    return government_staff(government, "reviewer", "gov-reviewer")


@pytest.fixture
def listed(gov_editor, gov_reviewer, government, unit_a):
    made = catalogue(
        gov_editor, government, decisions=[decision_fields(unit_a)], publisher=gov_reviewer
    )
    return made.decisions.get()
