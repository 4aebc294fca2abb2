"""Key tasks and livelihood projects: a tree, progress only with evidence, variance flagged
when a milestone passes unmet, a roll-up per task, history through versions."""

import pytest
from django.urls import reverse

from gongkai.lists import rules, services
from gongkai.lists.schemas import KEY_TASKS

from .factories import published

pytestmark = pytest.mark.django_db


def task(code, title, due, status="推进中", parent="", progress="", evidence=""):
    return [
        code,
        parent,
        title,
        "民生实事",
        "区住建局",
        "完成改造",
        due,
        "1200",
        status,
        progress,
        evidence,
    ]


def test_progress_without_evidence_and_an_unknown_parent_are_row_errors():
    table = [
        KEY_TASKS.headers,
        task("MS-1", "老旧小区改造", "2026-12-31"),
        task("MS-1-1", "东湖片区", "2026-06-30", parent="MS-1", progress="已完工 80%"),
        task("MS-1-2", "西城片区", "2026-6-30", parent="MS-9"),
    ]
    assert rules.parse_table(KEY_TASKS, table).errors == [
        "第 3 行：填写了“进展情况”就必须填写“佐证材料”（文件文号、照片链接或数据来源）。",
        "第 4 行：“节点完成日期”应为 2026-06-30 这样的日期，填写的是“2026-6-30”。",
        "第 4 行：“上级任务编码”“MS-9”不是本表中其他任务的编码。",
    ]


def test_the_progress_page_shows_the_tree_the_roll_up_and_what_is_late(
    client, at, unit_a, editor_a, reviewer_a
):
    at(2026, 7, 15)
    rows = [
        task("MS-1", "老旧小区改造", "2026-12-31"),
        task(
            "MS-1-1",
            "东湖片区改造",
            "2026-06-30",
            "已完成",
            "MS-1",
            "已竣工验收",
            "住建验〔2026〕8号",
        ),
        task("MS-1-2", "西城片区改造", "2026-06-30", parent="MS-1"),
        task("MS-1-3", "南岭片区改造", "2026-09-30", parent="MS-1"),
    ]
    published("key_tasks", rows, unit=unit_a, editor=editor_a, reviewer=reviewer_a)
    page = client.get(reverse("lists:unit", args=["key_tasks", "unit-a"])).content.decode()
    order = [page.index(code) for code in ("MS-1<", "MS-1-1", "MS-1-2", "MS-1-3")]
    assert order == sorted(order)
    assert "老旧小区改造（下设 3 项，已完成 1 项）" in page
    late = page.split("西城片区改造", 1)[1].split("</summary>", 1)[0]
    assert "逾期未完成" in late
    for on_time in ("东湖片区改造", "南岭片区改造"):
        assert "逾期未完成" not in page.split(on_time, 1)[1].split("</summary>", 1)[0]


def test_a_console_edit_is_held_to_the_same_rules(unit_a, editor_a, reviewer_a):
    published(
        "key_tasks",
        [task("MS-1", "老旧小区改造", "2026-12-31")],
        unit=unit_a,
        editor=editor_a,
        reviewer=reviewer_a,
    )
    draft = services.start_draft(actor=editor_a, unit=unit_a, kind="key_tasks")
    entry = draft.entries.get()
    with pytest.raises(services.ValidationError) as refused:
        services.save_entry(
            actor=editor_a, version=draft, entry=entry, values={**entry.data, "status": "已完成"}
        )
    assert refused.value.message_dict == {"__all__": ["标为“已完成”的任务必须填写“佐证材料”。"]}
    with pytest.raises(services.ValidationError) as refused:
        services.save_entry(
            actor=editor_a, version=draft, entry=entry, values={**entry.data, "parent": "MS-1"}
        )
    assert "parent" in refused.value.message_dict
