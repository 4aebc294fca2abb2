"""Published lists as data: the kinds and their columns, the lists in force, a list with its
rows, and what changed in each version."""

from datetime import datetime
from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema
from pydantic import WithJsonSchema

from gongkai.api.choices import choice
from gongkai.core.clock import local_today

from . import rules, services
from .models import ListKind, ListVersion, PublicList
from .schemas import SCHEMAS

router = Router(tags=["公开清单"])

KindField = choice(ListKind.choices, "清单种类")
_kind_info = KindField.__metadata__[0]
# The same enum and labels for the kind in a path.
KindPath = Annotated[
    str,
    Path(..., description=_kind_info.description),
    WithJsonSchema(
        {"type": "string", "description": _kind_info.description, **_kind_info.json_schema_extra}
    ),
]


class ColumnOut(Schema):
    key: str
    label: str
    required: bool
    choices: list[str]


class KindOut(Schema):
    kind: KindField
    label: str
    section: str
    key: str
    columns: list[ColumnOut]


class ListSummary(Schema):
    kind: KindField
    unit: str
    unit_name: str
    version: int
    published_at: datetime
    rows: int
    url: str
    is_stale: bool = Field(
        description="未按期更新：现行版本发布至今已超过政务公开办为该清单规定的更新周期"
    )
    stale_after_days: int = Field(description="政务公开办规定的更新周期（自然日）")


class ListOut(ListSummary):
    note: str
    entries: list[dict[str, str]]
    variance: dict[str, str] = Field(
        description="标记的条目，按编码：节点到期未完成的任务为“逾期未完成”，"
        "超过办理期限的建议和提案为“逾期答复”或“逾期未答复”；未标记的条目不列出"
    )


class ChangeOut(Schema):
    key: str
    fields: dict[str, list[str]]


class VersionOut(Schema):
    version: int
    published_at: datetime
    note: str
    added: list[str]
    removed: list[str]
    changed: list[ChangeOut]


class ListFilters(Schema):
    kind: choice(ListKind.choices, "清单种类", checked=True) | None = None
    unit: str | None = None


@router.get("/lists/kinds", response=list[KindOut], summary="清单种类及其列")
def kinds(request):
    return [
        {
            "kind": s.kind,
            "label": s.label,
            "section": s.section,
            "key": s.key,
            "columns": [
                {"key": c.key, "label": c.label, "required": c.required, "choices": list(c.choices)}
                for c in s.columns
            ],
        }
        for s in SCHEMAS.values()
    ]


def _summary(public_list, standing):
    version = public_list.current
    return {
        "is_stale": standing.state == "stale",
        "stale_after_days": standing.stale_after_days,
        "kind": public_list.kind,
        "unit": public_list.unit.code,
        "unit_name": public_list.unit.full_name,
        "version": version.number,
        "published_at": version.published_at,
        "rows": version.entries.count(),
        "url": f"/lists/{public_list.kind}/{public_list.unit.code}/",
    }


@router.get("/lists", response=list[ListSummary], summary="已公开的清单")
def lists(request, filters: Query[ListFilters]):
    found = (
        PublicList.objects.published()
        .select_related("unit", "current")
        .order_by("kind", "unit__display_order", "unit__pk")
    )
    if filters.kind:
        found = found.filter(kind=filters.kind)
    if filters.unit:
        found = found.filter(unit__code=filters.unit)
    found = list(found)
    standings = services.published_standings(found, local_today())
    return [_summary(pl, standings[pl.pk]) for pl in found]


def _published(kind, unit):
    return get_object_or_404(
        PublicList.objects.published().select_related("unit", "current"), kind=kind, unit__code=unit
    )


@router.get("/lists/{kind}/{unit}", response=ListOut, summary="一份清单的现行版本")
def one_list(request, kind: KindPath, unit: str):
    public_list = _published(kind, unit)
    today = local_today()
    standing = services.published_standings([public_list], today)[public_list.pk]
    entries = list(public_list.current.entries.all())
    flagged = {e.key: rules.variance(public_list.schema, e.data, today) for e in entries}
    return {
        **_summary(public_list, standing),
        "note": public_list.current.note,
        "entries": [e.data for e in entries],
        "variance": {key: flag for key, flag in flagged.items() if flag},
    }


@router.get("/lists/{kind}/{unit}/versions", response=list[VersionOut], summary="历史版本和变化")
def versions(request, kind: KindPath, unit: str):
    public_list = _published(kind, unit)
    schema = public_list.schema
    out = []
    for version in ListVersion.objects.published().filter(public_list=public_list):
        diff = services.changes_in(version)
        out.append(
            {
                "version": version.number,
                "published_at": version.published_at,
                "note": version.note,
                "added": [row.get(schema.key, "") for row in diff.added],
                "removed": [row.get(schema.key, "") for row in diff.removed],
                "changed": [
                    {"key": c.key, "fields": {label: [a, b] for label, a, b in c.fields}}
                    for c in diff.changed
                ],
            }
        )
    return out


# The enforcement decisions' endpoints ride on this router, so the API's app list stays as is.
def _mount_enforcement():
    from gongkai.enforcement.api import router as enforcement_router

    router.add_router("", enforcement_router)


_mount_enforcement()
