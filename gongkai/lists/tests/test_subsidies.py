"""Subsidy programmes: the recipients' list is a document published through the gate, the
spending stays within the budget."""

import pytest

from gongkai.lists import services
from gongkai.publishing.tests.factories import draft
from gongkai.publishing.tests.factories import published as published_document

from .factories import workbook

pytestmark = pytest.mark.django_db


def programme(code, recipients="", spent="80"):
    return [
        code,
        "稳岗返还",
        "惠企资金",
        "《失业保险条例》",
        "上年度未裁员或裁员率低于规定比例的企业",
        "按上年度实际缴纳失业保险费的 60% 返还",
        "100",
        spent,
        recipients,
        "2026-11-01 至 2026-11-07",
        "0571-86040000",
    ]


def test_recipients_must_be_a_published_document_and_spending_within_budget(
    unit_a, editor_a, reviewer_a
):
    notice = published_document(editor_a, reviewer_a, unit_a)
    unpublished = draft(editor_a, unit_a)
    rows = [
        programme("BT-1", f"/documents/{notice.pk}/"),
        programme("BT-2", f"/documents/{unpublished.pk}/"),
        programme("BT-3", "https://example.com/名单.xlsx"),
        programme("BT-4", spent="120"),
    ]
    with pytest.raises(services.ImportFailed) as failed:
        services.import_rows(
            actor=editor_a,
            unit=unit_a,
            kind="subsidies",
            data=workbook("subsidies", rows),
            filename="资金.xlsx",
        )
    messages = failed.value.messages
    assert len(messages) == 3
    assert messages[0].startswith("第 4 行：“受益对象名单”应填写本平台已发布的公示文件地址")
    assert messages[1] == "第 5 行：“已拨付（万元）”超过“预算（万元）”，请核对或先调整预算。"
    assert messages[2] == (
        f"第 3 行：“受益对象名单”/documents/{unpublished.pk}/不是本平台已发布的文件，"
        "请先经审核发布该文件。"
    )
    version = services.import_rows(
        actor=editor_a,
        unit=unit_a,
        kind="subsidies",
        data=workbook("subsidies", rows[:1]),
        filename="资金.xlsx",
    )
    assert version.entries.get().data["recipients"] == f"/documents/{notice.pk}/"
