"""A "一件事" bundle combines single service items that exist: rows of the same sheet, or
items in force in the service guides of the government's units. Checked on import, on a
console edit and again on submission, with Chinese messages."""

import pytest
from django.core.exceptions import ValidationError

from gongkai.accounts.tests.factories import StaffFactory
from gongkai.lists import rules, services
from gongkai.lists.models import PublicList
from gongkai.lists.schemas import SERVICE_GUIDES
from gongkai.units.tests.factories import GovernmentFactory, UnitFactory

from .factories import as_row, published, workbook

pytestmark = pytest.mark.django_db


def guide(code, name, kind="单项事项", items=""):
    return [
        code,
        name,
        kind,
        "条件",
        "材料",
        "流程",
        "5个工作日",
        "不收费",
        "区政务服务中心",
        "",
        "0571-12345678",
        items,
    ]


def _import(unit, editor, rows):
    return services.import_rows(
        actor=editor,
        unit=unit,
        kind="services",
        data=workbook("services", rows),
        filename="办事指南.xlsx",
    )


def test_a_bundle_names_at_least_two_known_single_items():
    table = [
        SERVICE_GUIDES.headers,
        guide("FW-1", "食品经营许可"),
        guide("FW-2", "个体工商户设立登记", items="FW-1"),
        guide("YJS-1", "开办餐饮店一件事", "一件事", "FW-1"),
        guide("YJS-2", "开办超市一件事", "一件事", "FW-1、FW-9"),
        guide("YJS-3", "开办药店一件事", "一件事", "FW-1、YJS-1"),
    ]
    assert rules.parse_table(SERVICE_GUIDES, table, set()).errors == [
        "第 3 行：单项事项不填写“包含事项编码”，该列只用于“一件事”。",
        "第 4 行：“一件事”须在“包含事项编码”中列出至少 2 个单项事项的编码。",
        "第 5 行：“包含事项编码”中的“FW-9”既不是本表中的单项事项，"
        "也不是本级政府各单位已公开的单项事项，请核对编码。",
        "第 6 行：“包含事项编码”中的“YJS-1”既不是本表中的单项事项，"
        "也不是本级政府各单位已公开的单项事项，请核对编码。",
    ]


def test_a_bundle_may_combine_items_other_units_of_the_government_publish(
    unit_a, editor_a, reviewer_a, unit_b, editor_b, reviewer_b
):
    published(
        "services",
        [guide("FW-1", "食品经营许可")],
        unit=unit_a,
        editor=editor_a,
        reviewer=reviewer_a,
    )
    rows = [
        guide("FW-2", "个体工商户设立登记"),
        guide("YJS-1", "开办餐饮店", "一件事", "FW-1、FW-2"),
    ]
    version = _import(unit_b, editor_b, rows)
    assert version.entries.count() == 2
    assert services.published_single_items(unit_b) == {"FW-1": "食品经营许可"}


def test_another_governments_items_and_unpublished_drafts_do_not_count(unit_a, editor_a):
    elsewhere = UnitFactory(parent=GovernmentFactory(code="other"), code="other-unit")
    editor = StaffFactory(membership__unit=elsewhere, membership__role="editor")
    reviewer = StaffFactory(membership__unit=elsewhere, membership__role="reviewer")
    published(
        "services", [guide("FW-7", "外区事项")], unit=elsewhere, editor=editor, reviewer=reviewer
    )
    _import(unit_a, editor_a, [guide("FW-8", "草稿中的事项")])
    with pytest.raises(services.ImportFailed) as refused:
        _import(unit_a, editor_a, [guide("YJS-1", "一件事", "一件事", "FW-7、FW-8")])
    assert "“FW-7、FW-8”既不是本表中的单项事项" in refused.value.messages[0]
    # Nothing half-imported: the draft still holds the earlier sheet.
    draft = services.open_draft(PublicList.objects.get(unit=unit_a, kind="services"))
    assert list(draft.entries.values_list("key", flat=True)) == ["FW-8"]


def test_the_console_checks_a_bundle_against_the_draft(unit_a, editor_a):
    draft = _import(unit_a, editor_a, [guide("FW-1", "食品经营许可"), guide("FW-2", "设立登记")])
    bundle = as_row("services", guide("YJS-1", "开办餐饮店", "一件事", "FW-1、FW-3"))
    with pytest.raises(ValidationError) as refused:
        services.save_entry(actor=editor_a, version=draft, values=bundle)
    assert "“FW-3”既不是本表中的单项事项" in refused.value.message_dict["items"][0]
    bundle["items"] = "FW-1、FW-2"
    services.save_entry(actor=editor_a, version=draft, values=bundle)
    # Turning an item the bundle names into a bundle itself is refused the same way.
    item = draft.entries.get(key="FW-2")
    with pytest.raises(ValidationError):
        services.save_entry(
            actor=editor_a,
            version=draft,
            entry=item,
            values={**item.data, "kind": "一件事", "items": "FW-1、YJS-1"},
        )


def test_deleting_an_item_a_bundle_names_stops_the_submission(unit_a, editor_a):
    rows = [
        guide("FW-1", "食品经营许可"),
        guide("FW-2", "设立登记"),
        guide("YJS-1", "开办餐饮店", "一件事", "FW-1、FW-2"),
    ]
    draft = _import(unit_a, editor_a, rows)
    services.delete_entry(actor=editor_a, version=draft, entry=draft.entries.get(key="FW-2"))
    with pytest.raises(ValidationError) as refused:
        services.submit(actor=editor_a, version=draft, note="删除一项")
    assert refused.value.messages == [
        "“YJS-1”：“包含事项编码”中的“FW-2”既不是本表中的单项事项，"
        "也不是本级政府各单位已公开的单项事项，请核对编码。"
    ]
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_the_public_page_links_a_bundles_items(client, unit_a, editor_a, reviewer_a):
    rows = [
        guide("FW-1", "食品经营许可"),
        guide("FW-2", "设立登记"),
        guide("YJS-1", "开办餐饮店", "一件事", "FW-1、FW-2"),
    ]
    published("services", rows, unit=unit_a, editor=editor_a, reviewer=reviewer_a)
    page = client.get("/lists/services/unit-a/").content.decode()
    assert '<a href="/lists/services/?q=FW-1">FW-1</a> 食品经营许可' in page
