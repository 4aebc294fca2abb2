"""Key tasks and livelihood projects: a tree, progress only with evidence, variance flagged
when a milestone passes unmet, a roll-up per task, history through versions."""

import pytest
from django.urls import reverse

from gongkai.lists import rules, services
from gongkai.lists.schemas import KEY_TASKS
from gongkai.publishing.tests.factories import draft as draft_document
from gongkai.publishing.tests.factories import published as published_document

from .factories import as_row, published, workbook

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
        "第 3 行：填写了“进展情况”就必须填写“佐证材料”（本平台已发布的文件或照片，"
        "或带计量单位的数据）。",
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
            "改造住宅 1200 户；完成投资 3200 万元",
        ),
        task("MS-1-2", "西城片区改造", "2026-06-30", parent="MS-1"),
        task("MS-1-3", "南岭片区改造", "2026-09-30", parent="MS-1"),
    ]
    published("key_tasks", rows, unit=unit_a, editor=editor_a, reviewer=reviewer_a)
    page = client.get(reverse("lists:unit", args=["key_tasks", "unit-a"])).content.decode()
    order = [page.index(code) for code in ("MS-1<", "MS-1-1", "MS-1-2", "MS-1-3")]
    assert order == sorted(order)
    assert "老旧小区改造（下设 3 项，已完成 1 项，逾期未完成 1 项）" in page
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


@pytest.mark.parametrize(
    "evidence",
    ["住建验〔2026〕8号", "见现场照片", "2026年5月开工", "https://example.com/photo.jpg"],
)
def test_words_a_document_number_or_a_date_are_not_evidence(evidence):
    row = as_row(
        "key_tasks", task("MS-1", "改造", "2026-12-31", progress="已开工", evidence=evidence)
    )
    problems = rules.check_row(KEY_TASKS, row)
    assert problems["evidence"].startswith(
        f"佐证材料“{evidence}”既不是本平台已发布文件或照片的地址"
    )


@pytest.mark.parametrize(
    "evidence", ["新增学位 1200 个", "完工率 80%", "完成投资3200万元", "/documents/12/"]
)
def test_a_figure_with_its_unit_or_a_document_address_is_evidence(evidence):
    row = as_row(
        "key_tasks", task("MS-1", "改造", "2026-12-31", progress="推进", evidence=evidence)
    )
    assert rules.check_row(KEY_TASKS, row) == {}


def test_evidence_documents_must_be_published_and_are_linked_by_title(
    client, unit_a, editor_a, reviewer_a
):
    photos = published_document(editor_a, reviewer_a, unit_a, title="东湖片区改造竣工照片")
    pending = draft_document(editor_a, unit_a)
    progress = task("MS-1", "东湖片区改造", "2026-12-31", "已完成", progress="已竣工验收")
    with pytest.raises(services.ImportFailed) as refused:
        services.import_rows(
            actor=editor_a,
            unit=unit_a,
            kind="key_tasks",
            data=workbook("key_tasks", [progress[:-1] + [f"/documents/{pending.pk}/"]]),
            filename="重点任务.xlsx",
        )
    assert refused.value.messages == [
        f"第 2 行：“佐证材料”/documents/{pending.pk}/不是本平台已发布的文件，请先经审核发布该文件。"
    ]
    evidence = f"/documents/{photos.pk}/；改造住宅 1200 户"
    published(
        "key_tasks", [progress[:-1] + [evidence]], unit=unit_a, editor=editor_a, reviewer=reviewer_a
    )
    page = client.get(reverse("lists:unit", args=["key_tasks", "unit-a"])).content.decode()
    assert (
        f'<a href="/documents/{photos.pk}/">《东湖片区改造竣工照片》</a>；改造住宅 1200 户' in page
    )


def test_new_progress_needs_new_evidence(unit_a, editor_a, reviewer_a):
    first = task(
        "MS-1", "老旧小区改造", "2026-12-31", progress="完工 40%", evidence="改造住宅 480 户"
    )
    published("key_tasks", [first], unit=unit_a, editor=editor_a, reviewer=reviewer_a)
    moved = first[:-2] + ["完工 80%", "改造住宅 480 户"]
    with pytest.raises(services.ImportFailed) as refused:
        services.import_rows(
            actor=editor_a,
            unit=unit_a,
            kind="key_tasks",
            data=workbook("key_tasks", [moved]),
            filename="重点任务.xlsx",
        )
    message = "“进展情况”已更新，请同时更新“佐证材料”，为本次进展提供佐证。"
    assert refused.value.messages == [f"第 2 行：{message}"]
    draft = services.start_draft(actor=editor_a, unit=unit_a, kind="key_tasks")
    entry = draft.entries.get()
    with pytest.raises(services.ValidationError) as refused:
        services.save_entry(
            actor=editor_a, version=draft, entry=entry, values=as_row("key_tasks", moved)
        )
    assert refused.value.message_dict == {"__all__": [message]}
    supported = as_row("key_tasks", first[:-2] + ["完工 80%", "改造住宅 960 户"])
    services.save_entry(actor=editor_a, version=draft, entry=entry, values=supported)
