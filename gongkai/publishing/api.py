"""Public JSON API of published items: a cursor-paginated list with the portal's filters,
and one item with all its metadata, body text, attachments and links."""

import base64
import binascii
import json
from datetime import date, datetime

from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from gongkai.api.choices import choice
from gongkai.units.models import Unit

from . import vocabularies as v
from .inspection import KIND_LABELS as ATTACHMENT_KIND_LABELS
from .models import (
    LINK_INVERSE_LABELS,
    Document,
    DocumentLink,
    DocumentState,
    LinkKind,
    RevisionStatus,
    Validity,
)

router = Router(tags=["主动公开"])
MAX_LIMIT = 100
# A link seen from its target reads the other way: "amends_by" is 被修改.
LINK_RELATIONS = [
    *LinkKind.choices,
    *((f"{kind}_by", label) for kind, label in LINK_INVERSE_LABELS.items()),
]


class DocumentSummary(Schema):
    id: int
    url: str
    index_number: str
    title: str
    unit: str
    unit_name: str
    doc_number: str
    subject: choice(v.SUBJECT_CHOICES, "主题分类（一级或二级）")
    subject_label: str
    doc_type: choice(v.DOCUMENT_TYPE_CHOICES, "文种或体裁")
    doc_type_label: str
    statutory_category: choice(v.STATUTORY_CHOICES, "法定主动公开事项", blank="不属于法定事项")
    date_written: date | None
    published_at: datetime
    is_normative: bool
    is_rule: bool
    validity: choice(Validity.choices, "有效性", blank="不适用（非规范性文件）")


class DocumentPage(Schema):
    items: list[DocumentSummary]
    next_cursor: str | None


class AttachmentOut(Schema):
    name: str
    kind: choice(ATTACHMENT_KIND_LABELS.items(), "文件类型（按内容识别）")
    size: int
    url: str


class LinkOut(Schema):
    relation: choice(LINK_RELATIONS, "与本文件的关系")
    relation_label: str
    document_id: int
    title: str


class DocumentOut(DocumentSummary):
    co_issuers: list[str]
    keywords: str
    summary: str
    body_text: str
    disclosure: choice(v.DISCLOSURE_CHOICES, "公开属性")
    effective_date: date | None
    expiry_date: date | None
    version: int
    interprets: int | None
    interpretations: list[int]
    attachments: list[AttachmentOut]
    links: list[LinkOut]


class Filters(Schema):
    unit: str = ""
    # Bounded like the portal's filter form: a 30-digit year is a 422, not a 500.
    year: int | None = Field(None, ge=1949, le=2100)
    subject: choice(v.SUBJECT_CHOICES, "主题分类", blank="全部", checked=True) = ""
    type: choice(v.DOCUMENT_TYPE_CHOICES, "文种或体裁", blank="全部", checked=True) = ""
    category: choice(v.STATUTORY_CHOICES, "法定主动公开事项", blank="全部", checked=True) = ""
    validity: choice(Validity.choices, "有效性", blank="全部", checked=True) = ""
    normative: bool | None = None
    cursor: str = ""
    limit: int = 20


def _summary(d: Document) -> dict:
    return {
        "id": d.pk,
        "url": d.get_absolute_url(),
        "index_number": d.index_number,
        "title": d.title,
        "unit": d.unit.code,
        "unit_name": d.unit.full_name,
        "doc_number": d.doc_number,
        "subject": d.subject,
        "subject_label": d.subject_label,
        "doc_type": d.doc_type,
        "doc_type_label": d.doc_type_label,
        "statutory_category": d.statutory_category,
        "date_written": d.date_written,
        "published_at": d.published_at,
        "is_normative": d.is_normative,
        "is_rule": d.is_rule,
        "validity": d.validity,
    }


def _decode_cursor(cursor: str) -> tuple[datetime, int]:
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor.encode()).decode())
        return datetime.fromisoformat(raw[0]), int(raw[1])
    except (ValueError, TypeError, IndexError, KeyError, binascii.Error, UnicodeDecodeError):
        raise HttpError(400, "cursor 参数无效。") from None


def _encode_cursor(d: Document) -> str:
    return base64.urlsafe_b64encode(
        json.dumps([d.published_at.isoformat(), d.pk]).encode()
    ).decode()


@router.get("/documents", response=DocumentPage, summary="主动公开的政府信息（游标分页）")
def list_documents(request, filters: Query[Filters]):
    """Newest first. Pass `next_cursor` back as `cursor` for the next page; the order is
    stable (publication time, then id), so pages never skip or repeat an item."""
    if not 1 <= filters.limit <= MAX_LIMIT:
        raise HttpError(400, f"limit 应在 1 到 {MAX_LIMIT} 之间。")
    unit = None
    if filters.unit:
        unit = Unit.objects.filter(code=filters.unit).first()
        if unit is None:
            raise HttpError(400, "没有这个单位。")
    query = Document.objects.published().filtered(
        unit=unit,
        year=filters.year,
        subject=filters.subject,
        doc_type=filters.type,
        validity=filters.validity,
        category=filters.category,
    )
    if filters.normative is not None:
        query = query.filter(is_normative=filters.normative)
    if filters.cursor:
        at, pk = _decode_cursor(filters.cursor)
        query = query.filter(Q(published_at__lt=at) | Q(published_at=at, id__lt=pk))
    rows = list(query.for_listing().order_by("-published_at", "-id")[: filters.limit + 1])
    more = len(rows) > filters.limit
    rows = rows[: filters.limit]
    return {
        "items": [_summary(d) for d in rows],
        "next_cursor": _encode_cursor(rows[-1]) if more and rows else None,
    }


@router.get("/documents/{document_id}", response=DocumentOut, summary="一条政府信息的全部内容")
def get_document(request, document_id: int):
    d = (
        Document.objects.published()
        .select_related("unit")
        .prefetch_related("co_issuers")
        .filter(pk=document_id)
        .first()
    )
    if d is None:
        raise Http404("没有这条政府信息")
    current = d.revisions.filter(status=RevisionStatus.PUBLISHED).first()
    attachments = current.attachments.all() if current else []
    links = [
        {
            "relation": link.kind,
            "relation_label": link.get_kind_display(),
            "document_id": link.target_id,
            "title": link.target.title,
        }
        for link in DocumentLink.objects.filter(source=d).select_related("target")
    ] + [
        {
            "relation": f"{link.kind}_by",
            "relation_label": link.inverse_label,
            "document_id": link.source_id,
            "title": link.source.title,
        }
        for link in DocumentLink.objects.filter(
            target=d, source__state=DocumentState.PUBLISHED
        ).select_related("source")
    ]
    return {
        **_summary(d),
        "co_issuers": [u.code for u in d.co_issuers.all()],
        "keywords": d.keywords,
        "summary": d.summary,
        "body_text": d.body_text,
        "disclosure": v.PROACTIVE,
        "effective_date": d.effective_date,
        "expiry_date": d.expiry_date,
        "version": d.version,
        "interprets": d.interprets_id,
        "interpretations": list(
            Document.objects.published().filter(interprets=d).values_list("id", flat=True)
        ),
        "attachments": [
            {
                "name": a.original_name,
                "kind": a.kind,
                "size": a.size,
                "url": reverse("publishing:attachment", args=[d.pk, a.pk]),
            }
            for a in attachments
        ],
        "links": links,
    }
