"""Standard catalogues: the template round-trips, a file with any bad row imports nothing and
names every bad row, versions, adoption, fulfilment and timeliness on the working days."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import Workbook

from gongkai.oversight import catalogue, services
from gongkai.oversight.models import (
    Adoption,
    CatalogueItem,
    CatalogueLevel,
    CatalogueVersion,
    Indicator,
)
from gongkai.publishing.tests.factories import published

pytestmark = pytest.mark.django_db
D = datetime.date
HEADER = [h for h, _, _ in catalogue.COLUMNS]


def _xlsx(rows, header=HEADER):
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _row(n=1, field="政务服务", **changes):
    row = dict(zip(HEADER, catalogue.EXAMPLE, strict=True))
    row.update({"序号": n, "公开领域": field, "二级事项": f"事项{n}"})
    row.update(changes)
    return [row[h] for h in HEADER]


def test_the_template_imports_as_it_is(office):
    result = catalogue.import_catalogue(
        actor=office,
        data=catalogue.template_xlsx(),
        filename="模板.xlsx",
        level=CatalogueLevel.COUNTY,
    )
    assert result.items == 1
    item = CatalogueItem.objects.get()
    assert item.time_limit == "信息形成或变更之日起20个工作日内"
    assert str(item.version) == "政务服务（县级）第1版"


def test_one_bad_row_imports_nothing_and_every_bad_row_is_named(office):
    data = _xlsx(
        [
            _row(1),
            _row(2, **{"公开对象": "公众"}),
            _row(3),
            _row(4, **{"公开内容（要素）": "", "公开方式": "被动"}),
        ]
    )
    with pytest.raises(ValidationError) as error:
        catalogue.import_catalogue(actor=office, data=data, filename="x.xlsx", level="county")
    messages = error.value.messages
    assert messages == [
        "第3行：“公开对象”应为“全社会”或“特定群体”。",
        "第5行：“公开内容（要素）”不能为空；“公开方式”应为“主动”或“依申请”。",
    ]
    assert CatalogueVersion.objects.count() == 0 and CatalogueItem.objects.count() == 0


def test_a_wrong_header_or_not_a_spreadsheet_is_refused(office):
    with pytest.raises(ValidationError, match="表头"):
        catalogue.import_catalogue(
            actor=office,
            data=_xlsx([_row()], header=["a", "b"]),
            filename="x.xlsx",
            level="county",
        )
    with pytest.raises(ValidationError, match="无法读取"):
        catalogue.import_catalogue(
            actor=office, data=b"not a zip", filename="x.xlsx", level="county"
        )


def test_only_the_office_imports(editor_a):
    with pytest.raises(PermissionDenied):
        catalogue.import_catalogue(
            actor=editor_a, data=catalogue.template_xlsx(), filename="x.xlsx", level="county"
        )


def test_each_field_gets_a_new_version_and_the_old_stays(office):
    data = _xlsx([_row(1), _row(2), _row(1, field="义务教育")])
    first = catalogue.import_catalogue(actor=office, data=data, filename="a.xlsx", level="county")
    assert [str(v) for v in first.versions] == ["政务服务（县级）第1版", "义务教育（县级）第1版"]
    again = catalogue.import_catalogue(
        actor=office, data=_xlsx([_row(1)]), filename="b.xlsx", level="county"
    )
    assert str(again.versions[0]) == "政务服务（县级）第2版"
    assert CatalogueVersion.objects.count() == 3
    assert {str(v) for v in catalogue.current_versions()} == {
        "政务服务（县级）第2版",
        "义务教育（县级）第1版",
    }


def test_unknown_time_limits_are_imported_with_a_warning(office):
    data = _xlsx([_row(1, **{"公开时限": "按有关规定"})])
    result = catalogue.import_catalogue(actor=office, data=data, filename="a.xlsx", level="town")
    assert result.items == 1
    assert "无法计算期限" in result.warnings[0]


def test_fulfilment_and_timeliness_on_working_days(
    office, at, unit_a, unit_b, editor_a, reviewer_a, known_calendar, today
):
    catalogue.import_catalogue(
        actor=office, data=_xlsx([_row(1)]), filename="a.xlsx", level="county"
    )
    item = CatalogueItem.objects.get()
    adoption = catalogue.adopt(actor=editor_a, unit=unit_a, item=item)
    assert not catalogue.fulfilment(adoption, known_calendar).fulfilled
    unfulfilled = Indicator.objects.get(code="unfulfilled_catalogue")
    assert [p.key for p in services.problems(unfulfilled, [unit_a], today)] == [
        f"catalogue:{item.pk}"
    ]
    # Formed Wednesday 30 September; 20 working days run past the National Day holiday.
    at(2026, 11, 2)
    on_time = published(
        editor_a, reviewer_a, unit_a, title="办事指南（按时）", date_written=D(2026, 9, 30)
    )
    at(2026, 12, 3)
    late = published(
        editor_a, reviewer_a, unit_a, title="办事指南（超期）", date_written=D(2026, 9, 30)
    )
    catalogue.adopt(actor=editor_a, unit=unit_a, item=item, documents=[on_time])
    result = catalogue.fulfilment(adoption, known_calendar)
    assert result.fulfilled and result.on_time
    assert services.problems(unfulfilled, [unit_a], today) == []
    catalogue.adopt(actor=editor_a, unit=unit_a, item=item, documents=[on_time, late])
    result = catalogue.fulfilment(adoption, known_calendar)
    assert result.fulfilled and not result.on_time
    assert [t.document for t in result.late] == [late]
    with pytest.raises(PermissionDenied):
        catalogue.adopt(actor=editor_a, unit=unit_b, item=item)


def test_pages(office, editor_a, client_of, unit_a):
    client = client_of(office)
    template = client.get(reverse("console-oversight:catalogue-template"))
    assert template.status_code == 200 and template.content.startswith(b"PK")
    upload = io.BytesIO(_xlsx([_row(1), _row(2, **{"公开层级": "省级"})]))
    upload.name = "目录.xlsx"
    page = client.post(
        reverse("console-oversight:catalogues"), {"level": "county", "file": upload}
    ).content.decode()
    assert "第3行" in page and "公开层级" in page
    assert CatalogueItem.objects.count() == 0
    upload = io.BytesIO(_xlsx([_row(1)]))
    upload.name = "目录.xlsx"
    client.post(reverse("console-oversight:catalogues"), {"level": "county", "file": upload})
    version = CatalogueVersion.objects.get()
    unit_client = client_of(editor_a)
    url = reverse("console-oversight:catalogue-version", args=[version.pk])
    unit_client.post(url, {"unit": unit_a.pk, "item": version.items.get().pk})
    assert Adoption.objects.filter(unit=unit_a).count() == 1
    page = unit_client.get(reverse("console-oversight:catalogue-unit", args=[unit_a.pk]))
    assert "未履行" in page.content.decode()
