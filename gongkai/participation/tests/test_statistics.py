"""The year's consultation figures — comments, groups, adopted, partly adopted, not adopted —
per consultation, per unit and for a government: the office's dashboard shows them and the
annual report's paragraph is written from them."""

import pytest

from gongkai.participation import services
from gongkai.participation.models import Consultation

from .factories import answered_consultation

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_2025(at, editor_a, reviewer_a, unit_a, editor_b, reviewer_b, unit_b):
    """Two consultations of unit A and one of unit B in 2025, one of A in 2024, a draft."""
    at(2024, 6, 2)
    answered_consultation(editor_a, reviewer_a, unit_a, ["adopted"], title="上年的草案")
    at(2025, 3, 2)
    answered_consultation(editor_a, reviewer_a, unit_a, ["adopted", "partly", "not_adopted"])
    answered_consultation(editor_a, reviewer_a, unit_a, ["partly", ""], is_major=False)
    answered_consultation(editor_b, reviewer_b, unit_b, ["not_adopted"])
    from gongkai.participation import workflow

    from .factories import consultation_input

    workflow.create_consultation(actor=editor_a, unit=unit_a, **consultation_input(title="草稿"))


def test_a_units_year_adds_up_its_consultations(year_2025, unit_a):
    found = services.totals(services.of_year(Consultation.objects.filter(unit=unit_a), 2025))
    assert found["consultations"] == 2 and found["major"] == 1
    assert (found["comments"], found["groups"]) == (5, 5)
    assert (found["fully_adopted"], found["partly_adopted"], found["not_adopted"]) == (1, 2, 1)
    assert (found["adopted"], found["undecided"], found["closed"]) == (3, 1, 0)


def test_the_report_paragraph_for_a_unit_and_for_its_government(
    year_2025, government, unit_a, unit_b
):
    text = services.draft_section(unit_a, 2025)
    assert text.startswith("推进决策公开。2025年本机关就2件草案公开征求意见")
    assert "（其中重大行政决策草案1件）" in text
    assert "收到意见5条，经审核公开5条，相同或相近的意见合并为5组" in text
    assert "采纳1组，部分采纳2组，未采纳1组，另有1组正在研究" in text
    whole = services.draft_section(government, 2025)
    assert "本级政府及所属各单位就3件草案" in whole and "未采纳2组" in whole
    assert services.draft_section(unit_b, 2024) == ""


def test_the_offices_dashboard_shows_each_units_year(year_2025, at, office, editor_a, client_of):
    at(2025, 5, 6)
    page = client_of(office).get("/console/").content.decode()
    assert "本年各单位征求意见情况" in page
    assert "采纳 1 组，部分采纳 2 组，未采纳 2 组，待答复 1 组" in page
    own = client_of(editor_a).get("/console/").content.decode()
    assert "本年各单位征求意见情况" not in own
    assert "采纳 1 组，部分采纳 2 组，未采纳 1 组" in own
