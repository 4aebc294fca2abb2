"""Standard catalogues (基层政务公开标准目录): import from the XLSX template (every row checked
first, nothing saved unless every row is right), units adopting items, and per adopted item
whether it is fulfilled and on time.

Fulfilment: an adopted item is fulfilled when at least one published document is linked to it.
Timeliness: each linked document must have been published within the item's time limit counted
from the document's 成文日期 (the day the information was formed), on the working-day calendar
for limits in working days."""

import io
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException

from gongkai.accounts.permissions import has_any_role, require
from gongkai.accounts.roles import Role
from gongkai.audit.services import record
from gongkai.core.clock import local_date, local_today
from gongkai.workdays.services import current_calendar

from . import timelimits
from .models import Adoption, CatalogueItem, CatalogueLevel, CatalogueVersion

# The template's columns, in order: (header, attribute, required).
COLUMNS = [
    ("序号", "sequence", False),
    ("公开领域", "field", True),
    ("一级事项", "first_level", True),
    ("二级事项", "second_level", False),
    ("公开内容（要素）", "content", True),
    ("公开依据", "basis", False),
    ("公开时限", "time_limit", True),
    ("公开主体", "discloser", True),
    ("公开渠道和载体", "channel", False),
    ("公开对象", "audience", True),
    ("公开方式", "mode", True),
    ("公开层级", "levels", True),
]
AUDIENCES = {"全社会", "特定群体"}
MODES = {"主动", "依申请", "主动、依申请", "主动/依申请"}
LEVELS = {"县级", "乡级", "县级、乡级", "县级/乡级"}
MAX_ROWS = 2000
MAX_BYTES = 5 * 1024 * 1024
EXAMPLE = [
    1,
    "政务服务",
    "办事指南",
    "政务服务事项办事指南",
    "事项名称、设定依据、申请条件、办理材料、办理地点、办理时间、联系电话、办理流程",
    "《国务院关于加快推进“互联网+政务服务”工作的指导意见》",
    "信息形成或变更之日起20个工作日内",
    "县级政务服务管理部门",
    "■政府网站 □政务服务中心",
    "全社会",
    "主动",
    "县级",
]


def template_xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "标准目录"
    sheet.append([header for header, _, _ in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append(EXAMPLE)
    notes = book.create_sheet("填写说明")
    for line in (
        "第一行为表头，请勿修改；从第二行起每行一个目录事项（示例行可删除或改写）。",
        "必填：公开领域、一级事项、公开内容（要素）、公开时限、公开主体、公开对象、公开方式、公开层级。",
        "公开对象填“全社会”或“特定群体”；公开方式填“主动”或“依申请”；公开层级填“县级”“乡级”或“县级、乡级”。",
        "公开时限如“信息形成或变更之日起20个工作日内”“实时公开”“长期公开”“每年1月31日前”。",
        "同一文件可含多个领域；每个领域按所选目录层级生成新版本，原版本保留。",
    ):
        notes.append([line])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass
class ImportResult:
    versions: list = field(default_factory=list)
    items: int = 0
    warnings: list = field(default_factory=list)


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_rows(data: bytes):
    """The rows of the template as dicts, and the Chinese errors of every bad row."""
    if len(data) > MAX_BYTES:
        raise ValidationError("文件超过 5 MB，请拆分后导入。")
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (
        InvalidFileException,
        zipfile.BadZipFile,
        OSError,
        KeyError,
        ValueError,
        TypeError,
    ) as exc:
        raise ValidationError("无法读取该文件，请使用下载的 XLSX 模板填写后导入。") from exc
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [_text(v) for v in next(rows, ())]
    expected = [h for h, _, _ in COLUMNS]
    if header[: len(expected)] != expected:
        raise ValidationError(
            "表头与模板不一致，应为：" + "、".join(expected) + "。请下载模板后按模板填写。"
        )
    parsed, errors, warnings = [], [], []
    for number, values in enumerate(rows, start=2):
        values = [_text(v) for v in list(values)[: len(COLUMNS)]]
        if not any(values):
            continue
        if len(parsed) >= MAX_ROWS:
            raise ValidationError(f"一次最多导入 {MAX_ROWS} 行。")
        values += [""] * (len(COLUMNS) - len(values))
        row = {attr: value for (_, attr, _), value in zip(COLUMNS, values, strict=True)}
        problems = _row_problems(row)
        if problems:
            errors.append(f"第{number}行：" + "；".join(problems) + "。")
            continue
        if not timelimits.parse(row["time_limit"]).computable:
            warnings.append(
                f"第{number}行：公开时限“{row['time_limit']}”无法计算期限，将不判断是否按时。"
            )
        row["sequence"] = int(row["sequence"]) if row["sequence"] else len(parsed) + 1
        parsed.append(row)
    if not parsed and not errors:
        errors.append("文件中没有目录事项。")
    return parsed, errors, warnings


def _row_problems(row):
    problems = [f"“{h}”不能为空" for (h, attr, req) in COLUMNS if req and not row[attr]]
    if row["audience"] and row["audience"] not in AUDIENCES:
        problems.append("“公开对象”应为“全社会”或“特定群体”")
    if row["mode"] and row["mode"] not in MODES:
        problems.append("“公开方式”应为“主动”或“依申请”")
    if row["levels"] and row["levels"] not in LEVELS:
        problems.append("“公开层级”应为“县级”“乡级”或“县级、乡级”")
    if row["sequence"] and not row["sequence"].isdigit():
        problems.append("“序号”应为数字")
    problems += [
        f"“{h}”过长"
        for (h, attr, _) in COLUMNS
        if attr in _LIMITS and len(row[attr]) > _LIMITS[attr]
    ]
    return problems


_LIMITS = {
    "field": 60,
    "first_level": 100,
    "second_level": 200,
    "time_limit": 200,
    "discloser": 200,
    "channel": 300,
}


def import_catalogue(*, actor, data: bytes, filename: str, level: str) -> ImportResult:
    """Import a filled-in template. Any bad row refuses the whole file (nothing saved) with
    every row's error; otherwise each field in the file gets a new version at `level`."""
    if not has_any_role(actor, Role.OFFICE):
        raise PermissionDenied("只有政务公开办可以导入标准目录。")
    if level not in CatalogueLevel.values:
        raise ValidationError({"level": "请选择目录层级。"})
    rows, errors, warnings = read_rows(data)
    if errors:
        raise ValidationError(errors)
    result = ImportResult(warnings=warnings)
    today = local_today()
    with transaction.atomic():
        fields = list(dict.fromkeys(row["field"] for row in rows))
        for name in fields:
            last = CatalogueVersion.objects.filter(field=name, level=level).aggregate(
                n=Max("number")
            )["n"]
            version = CatalogueVersion.objects.create(
                field=name,
                level=level,
                number=(last or 0) + 1,
                source_name=(filename or "")[:200],
                imported_by=actor,
                imported_on=today,
            )
            items = [
                CatalogueItem(version=version, **{k: v for k, v in row.items() if k != "field"})
                for row in rows
                if row["field"] == name
            ]
            CatalogueItem.objects.bulk_create(items)
            record(
                actor=actor,
                action="import_catalogue",
                target=version,
                data={"items": len(items), "file": version.source_name},
            )
            result.versions.append(version)
            result.items += len(items)
    return result


def current_versions():
    """The latest version of each field and level."""
    latest = {}
    for version in CatalogueVersion.objects.order_by("field", "level", "-number"):
        latest.setdefault((version.field, version.level), version)
    return list(latest.values())


# ---------------------------------------------------------------- adoption


@transaction.atomic
def adopt(*, actor, unit, item, column=None, documents=()):
    """The unit takes on `item` (or updates where and by what it fulfils it)."""
    require(actor, unit, Role.UNIT_ADMIN, Role.BODY_HEAD, Role.EDITOR, Role.OFFICE)
    if column is not None and column.unit_id != unit.pk:
        raise ValidationError({"column": "只能选择本单位的栏目。"})
    foreign = [d for d in documents if d.unit_id != unit.pk]
    if foreign:
        raise ValidationError({"documents": "只能关联本单位发布的信息。"})
    adoption, created = Adoption.objects.get_or_create(
        unit=unit, item=item, defaults={"adopted_by": actor, "adopted_on": local_today()}
    )
    adoption.column = column
    adoption.save()
    adoption.documents.set(documents)
    record(
        actor=actor,
        action="adopt_catalogue_item" if created else "update_catalogue_item",
        target=adoption,
        data={
            "column": column.pk if column else None,
            "documents": sorted(d.pk for d in documents),
        },
    )
    return adoption


@transaction.atomic
def drop(*, actor, adoption):
    require(actor, adoption.unit, Role.UNIT_ADMIN, Role.BODY_HEAD, Role.OFFICE)
    record(actor=actor, action="drop_catalogue_item", target=adoption)
    adoption.delete()


@dataclass(frozen=True)
class DocumentTiming:
    document: object
    formed_on: object
    due: object
    published_on: object

    @property
    def on_time(self):
        return self.due is None or (self.published_on is not None and self.published_on <= self.due)


@dataclass(frozen=True)
class Fulfilment:
    adoption: Adoption
    limit: timelimits.TimeLimit
    timings: tuple

    @property
    def fulfilled(self):
        return any(t.published_on is not None for t in self.timings)

    @property
    def on_time(self):
        return self.fulfilled and all(t.on_time for t in self.timings)

    @property
    def late(self):
        return [t for t in self.timings if not t.on_time]


def fulfilment(adoption, calendar=None) -> Fulfilment:
    calendar = calendar or current_calendar()
    limit = timelimits.parse(adoption.item.time_limit)
    timings = []
    for document in adoption.documents.all():
        published_on = (
            local_date(document.first_published_at)
            if document.first_published_at and document.state == "published"
            else None
        )
        formed_on = document.date_written
        due = timelimits.due_date(limit, calendar, formed_on) if formed_on else None
        timings.append(DocumentTiming(document, formed_on, due, published_on))
    return Fulfilment(adoption, limit, tuple(timings))
