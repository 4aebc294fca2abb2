import pytest


@pytest.fixture(autouse=True)
def _thursday_3_december(at):
    """The tests' dates are around Thursday 3 December 2026: stop the clock there whatever
    instant the suite starts at (GONGKAI_TEST_NOW)."""
    at(2026, 12, 3, 9)
