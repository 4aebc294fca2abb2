"""Roll-ups: the key tasks per responsible unit and the proposals per year count what is
late; audit findings past their rectification deadline are flagged."""

from datetime import date

import pytest
from django.urls import reverse

from gongkai.lists import rules
from gongkai.lists.schemas import AUDIT_FINDINGS

from .factories import as_row, published
from .test_key_tasks import task
from .test_proposals import proposal

pytestmark = pytest.mark.django_db


def finding(code, deadline, status="整改中"):
    return [code, "审计", "专项资金拨付滞后。", "区财政局", deadline, "建立月报制度。", status, ""]


@pytest.mark.parametrize(
    ("deadline", "status", "flag"),
    [
        ("2026-06-30", "整改中", "逾期未整改"),
        ("2026-06-30", "已完成", ""),
        ("2026-06-30", "长期坚持", ""),
        ("2026-07-15", "整改中", ""),
    ],
)
def test_a_finding_past_its_deadline_unrectified_is_flagged(deadline, status, flag):
    row = as_row("audit_findings", finding("SJ-1", deadline, status))
    assert rules.variance(AUDIT_FINDINGS, row, date(2026, 7, 15)) == flag


def test_a_rectification_deadline_is_a_date():
    table = [AUDIT_FINDINGS.headers, finding("SJ-1", "年底前")]
    assert rules.parse_table(AUDIT_FINDINGS, table).errors == [
        "第 2 行：“整改期限”应为 2026-06-30 这样的日期，填写的是“年底前”。"
    ]


def test_the_key_tasks_page_rolls_up_per_unit_with_what_is_late(
    client, at, unit_a, editor_a, reviewer_a
):
    at(2026, 7, 15)
    rows = [
        task("MS-1", "老旧小区改造", "2026-12-31"),
        task("MS-2", "西城片区改造", "2026-06-30"),
        task(
            "MS-3", "东湖片区改造", "2026-06-30", "已完成", progress="竣工", evidence="改造 480 户"
        ),
    ]
    published("key_tasks", rows, unit=unit_a, editor=editor_a, reviewer=reviewer_a)
    page = client.get(reverse("lists:kind", args=["key_tasks"])).content.decode()
    stats = page.split("<caption>按责任单位统计</caption>", 1)[1].split("</table>", 1)[0]
    # 未开始, 推进中, 已完成, total, late
    assert (
        '区住建局</th><td>0</td><td>2</td><td>1</td><td>3</td><td><strong class="flag-late">1'
        in stats
    )


def test_the_yearly_statistics_count_late_answers(client, at, unit_a, editor_a, reviewer_a):
    at(2026, 7, 15)
    rows = [
        proposal("JY-1", "增设公交站点", "2026-03-10", "2026-05-28"),
        proposal("JY-2", "延长公交运营时间", "2026-03-10", "2026-06-20"),
        proposal("JY-3", "改造人行天桥", "2026-03-10", result="办理中"),
    ]
    published("proposals", rows, unit=unit_a, editor=editor_a, reviewer=reviewer_a)
    page = client.get(reverse("lists:kind", args=["proposals"])).content.decode()
    stats = page.split("<caption>按年度、类别统计</caption>", 1)[1].split("</table>", 1)[0]
    assert '<th scope="col">其中逾期</th>' in stats
    assert '<td>3</td><td><strong class="flag-late">2</strong></td>' in stats
