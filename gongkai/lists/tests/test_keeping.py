"""Importing, editing, reviewing and publishing a list through the services."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.accounts.tests.factories import MembershipFactory, StaffFactory
from gongkai.audit.models import AuditEvent
from gongkai.core.clock import local_today
from gongkai.lists import services
from gongkai.lists.models import Entry, PublicList, VersionStatus

from .factories import as_row, power, published, workbook

pytestmark = pytest.mark.django_db


def _draft(unit, kind="powers"):
    return services.open_draft(PublicList.objects.get(unit=unit, kind=kind))


def test_an_import_holds_exactly_the_sheet(unit_a, editor_a):
    data = workbook("powers", [power("XK-1"), power("CF-1", power_type="行政处罚")])
    version = services.import_rows(
        actor=editor_a, unit=unit_a, kind="powers", data=data, filename="权责清单.xlsx"
    )
    assert version.status == VersionStatus.DRAFT
    assert list(version.entries.values_list("key", flat=True)) == ["XK-1", "CF-1"]
    event = AuditEvent.objects.get(action="lists.import")
    assert event.actor == editor_a and event.data["rows"] == 2


def test_a_sheet_with_one_bad_row_changes_nothing(unit_a, editor_a):
    good = workbook("powers", [power("XK-1"), power("XK-2")])
    services.import_rows(actor=editor_a, unit=unit_a, kind="powers", data=good, filename="a.xlsx")
    rows = [power(f"N-{i}") for i in range(1, 11)]
    rows[7][2] = "行政审批"  # spreadsheet row 9
    bad = workbook("powers", rows)
    with pytest.raises(services.ImportFailed) as failed:
        services.import_rows(
            actor=editor_a, unit=unit_a, kind="powers", data=bad, filename="b.xlsx"
        )
    assert failed.value.messages == [
        "第 9 行：“权力类型”应为行政许可、行政处罚、行政强制、行政征收、行政给付、行政检查、"
        "行政确认、行政奖励、行政裁决、其他行政权力、公共服务事项之一，填写的是“行政审批”。"
    ]
    assert list(_draft(unit_a).entries.values_list("key", flat=True)) == ["XK-1", "XK-2"]
    assert AuditEvent.objects.filter(action="lists.import").count() == 1


def test_a_first_bad_import_leaves_no_empty_draft_behind(unit_a, editor_a):
    bad = workbook("powers", [power("XK-1", name="")])
    with pytest.raises(services.ImportFailed):
        services.import_rows(
            actor=editor_a, unit=unit_a, kind="powers", data=bad, filename="b.xlsx"
        )
    assert not PublicList.objects.exists()


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"%PDF-1.4\n%%EOF", "清单.pdf", "上传的是PDF 文档，清单只能用 Excel 表格（XLSX）导入。"),
        (b"", "清单.xlsx", "文件为空。"),
    ],
)
def test_what_is_not_a_spreadsheet_is_refused(unit_a, editor_a, data, filename, message):
    with pytest.raises(services.ImportFailed) as failed:
        services.import_rows(
            actor=editor_a, unit=unit_a, kind="powers", data=data, filename=filename
        )
    assert failed.value.messages == [message]


def test_a_spreadsheet_renamed_is_refused(unit_a, editor_a):
    data = workbook("powers", [power("XK-1")])
    with pytest.raises(services.ImportFailed) as failed:
        services.import_rows(
            actor=editor_a, unit=unit_a, kind="powers", data=data, filename="a.docx"
        )
    assert "与扩展名“.docx”不符" in failed.value.messages[0]


def test_only_an_editor_of_the_unit_imports(unit_a, editor_b, reviewer_a):
    data = workbook("powers", [power("XK-1")])
    for person in (editor_b, reviewer_a):
        with pytest.raises(PermissionDenied):
            services.import_rows(
                actor=person, unit=unit_a, kind="powers", data=data, filename="a.xlsx"
            )


def test_the_person_who_drafted_cannot_publish(unit_a, editor_a):
    both = StaffFactory(membership__unit=unit_a, membership__role="editor")
    MembershipFactory(user=both, unit=unit_a, role="reviewer")
    services.import_rows(
        actor=both,
        unit=unit_a,
        kind="powers",
        data=workbook("powers", [power("XK-1")]),
        filename="a.xlsx",
    )
    draft = _draft(unit_a)
    services.submit(actor=both, version=draft, note="首次发布")
    with pytest.raises(PermissionDenied, match="不能审核自己参与录入"):
        services.publish(actor=both, version=draft)


def test_a_reviewer_who_edited_a_row_cannot_publish_it_either(unit_a, editor_a, reviewer_a):
    MembershipFactory(user=reviewer_a, unit=unit_a, role="editor")
    services.import_rows(
        actor=editor_a,
        unit=unit_a,
        kind="powers",
        data=workbook("powers", [power("XK-1")]),
        filename="a.xlsx",
    )
    draft = _draft(unit_a)
    entry = draft.entries.get()
    services.save_entry(
        actor=reviewer_a, version=draft, entry=entry, values={**entry.data, "name": "改过的名称"}
    )
    services.submit(actor=editor_a, version=draft, note="修改")
    with pytest.raises(PermissionDenied):
        services.publish(actor=reviewer_a, version=draft)


def test_an_account_the_editor_created_is_the_same_person(unit_a, editor_a):
    alias = StaffFactory(membership__unit=unit_a, membership__role="reviewer", created_by=editor_a)
    services.import_rows(
        actor=editor_a,
        unit=unit_a,
        kind="powers",
        data=workbook("powers", [power("XK-1")]),
        filename="a.xlsx",
    )
    draft = _draft(unit_a)
    services.submit(actor=editor_a, version=draft, note="首次发布")
    with pytest.raises(PermissionDenied):
        services.publish(actor=alias, version=draft)


def test_an_independent_reviewer_publishes_and_versions_are_numbered(unit_a, editor_a, reviewer_a):
    first = published(
        "powers",
        [power("A", "甲"), power("B", "乙")],
        unit=unit_a,
        editor=editor_a,
        reviewer=reviewer_a,
    )
    assert (first.number, first.status) == (1, VersionStatus.PUBLISHED)
    draft = services.start_draft(actor=editor_a, unit=unit_a, kind="powers")
    assert sorted(draft.entries.values_list("key", flat=True)) == ["A", "B"]
    a = draft.entries.get(key="A")
    services.save_entry(
        actor=editor_a, version=draft, entry=a, values={**a.data, "name": "甲（调整）"}
    )
    services.delete_entry(actor=editor_a, version=draft, entry=draft.entries.get(key="B"))
    services.save_entry(actor=editor_a, version=draft, values=as_row("powers", power("C", "丙")))
    services.submit(actor=editor_a, version=draft, note="依据新法规调整")
    second = services.publish(actor=reviewer_a, version=draft)
    first.refresh_from_db()
    assert (second.number, first.status) == (2, VersionStatus.SUPERSEDED)
    assert PublicList.objects.get(unit=unit_a).current == second
    diff = services.changes_in(second)
    assert diff.summary == "新增 1 项，删除 1 项，修改 1 项"
    # The first version keeps its rows: history is never rewritten.
    assert sorted(first.entries.values_list("key", flat=True)) == ["A", "B"]
    assert Entry.objects.filter(version=first, key="A").get().data["name"] == "甲"


def test_a_row_edit_is_checked_like_an_imported_row(unit_a, editor_a):
    draft = services.start_draft(actor=editor_a, unit=unit_a, kind="powers")
    values = as_row("powers", power("A", power_type="审批"))
    with pytest.raises(ValidationError) as refused:
        services.save_entry(actor=editor_a, version=draft, values=values)
    assert "power_type" in refused.value.message_dict
    assert not draft.entries.exists()


def test_a_submitted_draft_is_frozen_until_returned(unit_a, editor_a, reviewer_a):
    services.import_rows(
        actor=editor_a,
        unit=unit_a,
        kind="powers",
        data=workbook("powers", [power("A")]),
        filename="a.xlsx",
    )
    draft = _draft(unit_a)
    services.submit(actor=editor_a, version=draft, note="首次发布")
    with pytest.raises(ValidationError):
        services.delete_entry(actor=editor_a, version=draft, entry=draft.entries.get())
    services.return_for_changes(actor=reviewer_a, version=draft, reason="依据写错了")
    draft.refresh_from_db()
    assert draft.status == VersionStatus.DRAFT and draft.return_reason == "依据写错了"


def test_the_functions_catalogue_names_only_powers_of_the_unit(unit_a, editor_a, reviewer_a):
    published(
        "powers",
        [power("XK-1"), power("CF-1", power_type="行政处罚")],
        unit=unit_a,
        editor=editor_a,
        reviewer=reviewer_a,
    )
    rows = [
        ["ZN-1", "审批科", "负责行政许可受理", "XK-1、CF-1", "“三定”规定第三条"],
        ["ZN-2", "执法大队", "负责行政处罚", "CF-1；CF-9", ""],
    ]
    with pytest.raises(services.ImportFailed) as failed:
        services.import_rows(
            actor=editor_a,
            unit=unit_a,
            kind="functions",
            data=workbook("functions", rows),
            filename="职能目录.xlsx",
        )
    assert failed.value.messages == [
        "第 3 行：“行使的权责事项编码”中的“CF-9”不在本单位现行权责清单中，"
        "请先发布权责清单或更正编码。"
    ]
    rows[1][3] = "CF-1"
    version = services.import_rows(
        actor=editor_a,
        unit=unit_a,
        kind="functions",
        data=workbook("functions", rows),
        filename="职能目录.xlsx",
    )
    assert version.entries.count() == 2


def test_the_office_sees_missing_and_stale_lists(
    government, unit_a, unit_b, office, editor_a, reviewer_a, at
):
    services.save_setting(
        actor=office, government=government, kind="powers", required=True, stale_after_days=180
    )
    at(2026, 3, 2)
    published("powers", [power("A")], unit=unit_a, editor=editor_a, reviewer=reviewer_a)
    at(2026, 8, 28)
    states = dict(
        (unit.code, dict(kinds))
        for unit, kinds in services.office_overview([unit_a, unit_b], government, local_today())
    )
    assert states["unit-a"]["powers"].state == "current"
    assert states["unit-b"]["powers"].state == "missing"
    assert states["unit-a"]["services"].state == "not_required"
    at(2026, 8, 30)
    states = dict(services.office_overview([unit_a], government, local_today()))
    assert dict(states[unit_a])["powers"].state == "stale"


def test_only_the_office_sets_the_period(government, editor_a):
    with pytest.raises(PermissionDenied):
        services.save_setting(
            actor=editor_a, government=government, kind="powers", required=True, stale_after_days=30
        )


def test_a_required_list_not_published_by_the_deadline_is_late(
    government, unit_a, unit_b, office, editor_a, reviewer_a, at, client_of
):
    at(2026, 3, 2)
    with pytest.raises(ValidationError) as error:
        services.save_setting(
            actor=office,
            government=government,
            kind="powers",
            required=False,
            stale_after_days=180,
            due_on=datetime.date(2026, 6, 30),
        )
    message = "只有要求各单位必须公开的清单才能设定公开期限。"
    assert error.value.message_dict == {"due_on": [message]}
    services.save_setting(
        actor=office,
        government=government,
        kind="powers",
        required=True,
        stale_after_days=180,
        due_on=datetime.date(2026, 6, 30),
    )
    published("powers", [power("A")], unit=unit_a, editor=editor_a, reviewer=reviewer_a)

    def states(today):
        return {
            unit.code: dict(kinds)["powers"]
            for unit, kinds in services.office_overview([unit_a, unit_b], government, today)
        }

    assert states(datetime.date(2026, 6, 30))["unit-b"].state == "missing"
    late = states(datetime.date(2026, 7, 10))
    assert late["unit-a"].state == "current"
    assert (late["unit-b"].state, late["unit-b"].age_days) == ("late", 10)
    assert late["unit-b"].label == "逾期未公开"
    at(2026, 7, 10)
    page = client_of(office).get(reverse("console-lists:office")).content.decode()
    assert "逾期未公开" in page and "逾期10个自然日" in page
