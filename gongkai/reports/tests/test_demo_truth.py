"""The demo's annual reports tell the truth: the number of items a narrative says were
published is counted from the records, and the typed figures say they are sample figures."""

import pytest

from gongkai.publishing.tests.factories import published
from gongkai.reports import demo

pytestmark = pytest.mark.django_db


def test_the_narrative_counts_what_the_unit_published_that_year(
    editor_a, reviewer_a, unit_a, unit_b, at
):
    at(2025, 3, 10)
    published(editor_a, reviewer_a, unit_a, title="第一份")
    published(editor_a, reviewer_a, unit_a, title="第二份", doc_number="测政办发〔2024〕8号")
    at(2026, 1, 5)
    published(editor_a, reviewer_a, unit_a, title="次年的一份", doc_number="测政办发〔2024〕9号")
    assert "主动公开政府信息2条" in demo._narratives(unit_a, 2025)["overview"]
    assert "主动公开政府信息0条" in demo._narratives(unit_b, 2025)["overview"]


def test_typed_figures_carry_a_demo_source_note():
    assert demo.DEMO_FIGURES_SOURCE.startswith("演示数据")
    assert "示例数字" in demo.DEMO_FIGURES_SOURCE
