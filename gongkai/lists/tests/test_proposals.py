"""NPC suggestions and CPPCC proposals are answered within three months of being assigned:
the dates are checked on import, and the public page flags an answer that is late or still
owed after the period."""

from datetime import date

import pytest
from django.urls import reverse

from gongkai.lists import rules
from gongkai.lists.schemas import PROPOSALS, SCHEMAS, answer_due

from .factories import published

pytestmark = pytest.mark.django_db


def proposal(code, title, received, answered="", result="A类（已解决或采纳）"):
    answer = "已答复。" if answered else ""
    return [
        code,
        "人大代表建议",
        "2026",
        title,
        "区交通局",
        "",
        received,
        answered,
        result,
        "全文公开",
        answer,
    ]


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2026, 3, 10), date(2026, 6, 10)),
        (date(2026, 11, 30), date(2027, 2, 28)),
        (date(2026, 12, 31), date(2027, 3, 31)),
    ],
)
def test_the_answer_is_due_three_months_after_assignment(received, due):
    assert answer_due(received) == due


def test_dates_are_checked_on_import():
    table = [PROPOSALS.headers, proposal("JY-1", "增设公交站点", "2026年3月10日")]
    assert rules.parse_table(PROPOSALS, table).errors == [
        "第 2 行：“交办日期”应为 2026-06-30 这样的日期，填写的是“2026年3月10日”。"
    ]


def test_the_page_flags_late_and_overdue_answers(client, at, unit_a, editor_a, reviewer_a):
    at(2026, 7, 15)
    rows = [
        proposal("JY-1", "增设公交站点", "2026-03-10", "2026-05-28"),
        proposal("JY-2", "延长公交运营时间", "2026-03-10", "2026-06-20"),
        proposal("JY-3", "改造人行天桥", "2026-03-10", result="办理中"),
        proposal("JY-4", "增设非机动车道", "2026-05-10", result="办理中"),
    ]
    published("proposals", rows, unit=unit_a, editor=editor_a, reviewer=reviewer_a)
    page = client.get(reverse("lists:unit", args=["proposals", "unit-a"])).content.decode()

    def flag(code):
        return page.split(f"<strong>{code}</strong>", 1)[1].split("</summary>", 1)[0]

    assert "逾期" not in flag("JY-1")
    assert "【逾期答复】" in flag("JY-2")
    assert "【逾期未答复】" in flag("JY-3")
    assert "逾期" not in flag("JY-4")  # due 2026-08-10


def test_a_proposal_is_named_by_its_title_not_its_type(client, unit_a, editor_a, reviewer_a):
    rows = [proposal("JY-1", "关于增设公交站点的建议", "2026-03-10", "2026-05-28")]
    published("proposals", rows, unit=unit_a, editor=editor_a, reviewer=reviewer_a)
    page = client.get(reverse("lists:unit", args=["proposals", "unit-a"])).content.decode()
    summary = page.split("<strong>JY-1</strong>", 1)[1].split("</summary>", 1)[0]
    assert summary.strip().startswith("关于增设公交站点的建议")
    hits = client.get(reverse("lists:kind", args=["proposals"]), {"q": "公交"}).content.decode()
    assert "JY-1 关于增设公交站点的建议" in hits
    assert "JY-1 人大代表建议" not in hits


def test_a_long_finding_names_its_row_cut_short():
    finding = "部分专项资金拨付滞后" * 10
    row = {"code": "SJ-1", "source": "审计", "finding": finding}
    name = rules.row_name(SCHEMAS["audit_findings"], row)
    assert name.startswith("部分专项资金拨付滞后") and name.endswith("…")
    assert len(name) == rules.NAME_LENGTH
