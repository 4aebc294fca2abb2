"""Spreadsheets and published lists for the tests, made the way people make them: a
workbook in the template's format, imported and reviewed through the services."""

import io

import openpyxl

from gongkai.lists import services
from gongkai.lists.schemas import SCHEMAS


def workbook(kind, rows, headers=None) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(headers or SCHEMAS[kind].headers)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def power(code, name="事项", power_type="行政许可", body="审批科"):
    return [
        code,
        name,
        power_type,
        "《中华人民共和国行政许可法》第十二条",
        body,
        "受理、审查、决定",
        "不依法履职的，依法追责",
        "0571-12345678",
    ]


def as_row(kind, cells) -> dict:
    return dict(zip([c.key for c in SCHEMAS[kind].columns], cells, strict=True))


def published(kind, rows, *, unit, editor, reviewer, note="首次发布"):
    services.import_rows(
        actor=editor, unit=unit, kind=kind, data=workbook(kind, rows), filename="清单.xlsx"
    )
    draft = services.open_draft(services.PublicList.objects.get(unit=unit, kind=kind))
    services.submit(actor=editor, version=draft, note=note)
    return services.publish(actor=reviewer, version=draft)
