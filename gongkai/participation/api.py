"""Consultations as data: the drafts open for comment, one consultation with its comment groups
and their dispositions, and submitting a comment (the same rules and throttle as the form)."""

from datetime import date

from django.core.exceptions import ValidationError
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from gongkai.api.choices import choice
from gongkai.core import throttle
from gongkai.core.clock import local_today
from gongkai.publishing.models import Document

from . import workflow
from .models import Audience, Consultation, ConsultationStatus, Disposition, Moderation
from .views import THROTTLE, THROTTLED

router = Router(tags=["意见征集"])


class ConsultationOut(Schema):
    id: int
    unit: str
    unit_name: str
    title: str
    starts_on: date
    ends_on: date
    period_days: int
    is_major: bool
    short_period_reason: str
    audiences: list[choice(Audience.choices, "重点征求对象")]
    accepting_comments: bool
    stage: choice(ConsultationStatus.choices, "状态")
    comments: int
    groups: int
    adopted: int
    url: str


class Paragraph(Schema):
    number: int
    text: str


class GroupOut(Schema):
    number: int
    paragraph: int | None
    text: str
    count: int
    disposition: choice(Disposition.choices, "处理结果") | None
    reason: str


class ConsultationDetail(ConsultationOut):
    explanation: str
    paragraphs: list[Paragraph]
    groups_shown: list[GroupOut]
    feedback_summary: str
    feedback_report_url: str | None
    final_document_url: str | None
    closed_on: date | None


class CommentIn(Schema):
    text: str
    paragraph: int | None = None
    name: str = ""
    contact: str = ""


class Received(Schema):
    detail: str


class Error(Schema):
    detail: str
    errors: dict[str, list[str]] = {}


def _out(c, today):
    stats = c.statistics()
    return {
        "id": c.pk,
        "unit": c.unit.code,
        "unit_name": c.unit.full_name,
        "title": c.title,
        "starts_on": c.starts_on,
        "ends_on": c.ends_on,
        "period_days": c.period_days,
        "is_major": c.is_major,
        "short_period_reason": c.short_period_reason,
        "audiences": c.audiences,
        "accepting_comments": c.accepts_comments(today),
        "stage": c.status,
        "comments": stats["shown"],
        "groups": stats["groups"],
        "adopted": stats["adopted"],
        "url": f"/consultations/{c.pk}/",
    }


def _published_url(document_id) -> str | None:
    """A linked document's page, once the public may read it."""
    found = Document.objects.published().filter(pk=document_id).first()
    return found.get_absolute_url() if found else None


def _found(pk):
    found = Consultation.objects.published().select_related("unit").filter(pk=pk).first()
    if found is None:
        raise HttpError(404, "没有这项意见征集。")
    return found


@router.get("/consultations", response=list[ConsultationOut], summary="正在征求意见的草案")
def open_consultations(request):
    today = local_today()
    found = Consultation.objects.published().select_related("unit")
    found = found.filter(status="open", starts_on__lte=today, ends_on__gte=today)
    return [_out(c, today) for c in found[:200]]


@router.get(
    "/consultations/{int:pk}", response=ConsultationDetail, summary="意见征集的草案和意见处理情况"
)
def consultation(request, pk: int):
    c = _found(pk)
    groups = []
    for g in c.groups.all():
        count = g.comments.filter(moderation=Moderation.SHOWN).count()
        if count:
            groups.append(
                {
                    "number": g.number,
                    "paragraph": g.paragraph,
                    "text": g.representative,
                    "count": count,
                    "disposition": g.disposition or None,
                    "reason": g.reason,
                }
            )
    return {
        **_out(c, local_today()),
        "explanation": c.explanation,
        "paragraphs": [{"number": n, "text": t} for n, t in enumerate(c.paragraphs(), 1)],
        "groups_shown": groups,
        "feedback_summary": c.feedback_summary if c.status == "closed" else "",
        "feedback_report_url": _published_url(c.feedback_report_id),
        "final_document_url": _published_url(c.final_document_id),
        "closed_on": c.closed_on,
    }


@router.post(
    "/consultations/{int:pk}/comments",
    response={200: Received, 400: Error, 429: Error},
    summary="对草案提出意见",
)
def submit_comment(request, pk: int, payload: CommentIn):
    """No account. The comment is shown once moderated; the contact is never published."""
    c = _found(pk)
    if not throttle.take(THROTTLE, throttle.client_address(request)):
        return Status(429, {"detail": THROTTLED})
    try:
        workflow.submit_comment(consultation=c, **payload.dict())
    except ValidationError as error:
        errors = error.message_dict if hasattr(error, "error_dict") else {}
        return Status(400, {"detail": "意见未提交：" + "；".join(error.messages), "errors": errors})
    return Status(200, {"detail": "意见已提交，审核后公开。"})
