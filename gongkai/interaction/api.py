"""JSON API of 政民互动: the published questions and answers (the masked public copies, exactly
as on the pages), submitting a question or a letter (the same rules and the same per-address
limit as the public form), and looking one up with its number and access code (in the request
body, never in a URL)."""

from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from gongkai.api.choices import choice
from gongkai.applications.views import find_for_applicant
from gongkai.core import throttle
from gongkai.units.models import Unit

from . import services, workflow
from .models import Kind, Question
from .models import Status as QuestionStatus

router = Router(tags=["政民互动"])
MAX_WORDS = 5


class PublishedQuestionOut(Schema):
    id: int
    tracking_number: str
    kind: choice(Kind.choices, "类别")
    unit: str
    unit_name: str
    title: str = Field(description="公开标题（已遮盖个人信息）")
    question: str
    answer: str
    asker: str = Field(description="留言人（姓名已遮盖）")
    received_on: date
    answered_on: date
    published_at: datetime
    url: str


class QuestionFilters(Schema):
    q: str = Field(
        "",
        max_length=50,
        description="关键词，多个词以空格分隔（至多5个），均须出现在标题、问题或答复中",
    )
    kind: choice(Kind.choices, "类别", blank="全部") = ""
    unit: str = Field("", description="答复单位代码")
    limit: int = Field(50, ge=1, le=100)
    offset: int = Field(0, ge=0, le=100000)


class QuestionIn(Schema):
    kind: choice(Kind.choices, "类别")
    government: str = Field(description="政府的单位代码（见 /api/v1/units）")
    unit: str = Field("", description="希望答复的单位代码；不清楚可留空，由政务公开办分办")
    title: str = Field(description="标题")
    text: str
    asker_name: str = ""
    phone: str = ""
    email: str = ""
    consent_to_publish: bool = False


class QuestionSubmitted(Schema):
    tracking_number: str
    access_code: str = Field(description="查询码：只返回这一次，请保存")
    received_on: date
    due_date: date
    due_provisional: bool


class QuestionAccessIn(Schema):
    tracking_number: str
    access_code: str


class QuestionStatusOut(Schema):
    tracking_number: str
    state: choice(QuestionStatus.choices, "办理状态")
    state_label: str
    received_on: date
    due_date: date | None
    unit_name: str | None
    answered_on: date | None
    answer: str | None
    published_id: int | None


class QuestionError(Schema):
    detail: str
    errors: dict[str, list[str]] = {}


def _out(q):
    return {
        "id": q.pk,
        "tracking_number": q.tracking_number,
        "kind": q.kind,
        "unit": q.unit.code,
        "unit_name": q.unit.full_name,
        "title": q.public_subject,
        "question": q.public_text,
        "answer": q.public_answer,
        "asker": q.masked_name(),
        "received_on": q.received_on,
        "answered_on": q.answered_on,
        "published_at": q.published_at,
        "url": f"/interaction/{q.pk}/",
    }


@router.get("/questions", response=list[PublishedQuestionOut], summary="已公开的留言和答复")
def published(request, filters: Query[QuestionFilters]):
    found = Question.objects.published().select_related("unit")
    if filters.kind:
        found = found.filter(kind=filters.kind)
    if filters.unit:
        found = found.filter(unit__code=filters.unit)
    found = found.matching(filters.q.split()[:MAX_WORDS]).order_by("-published_at", "-id")
    return [_out(q) for q in found[filters.offset : filters.offset + filters.limit]]


@router.get("/questions/{int:pk}", response=PublishedQuestionOut, summary="一条已公开的留言和答复")
def published_one(request, pk: int):
    found = Question.objects.published().select_related("unit").filter(pk=pk).first()
    if found is None:
        raise HttpError(404, "没有这条公开的留言。")
    return _out(found)


@router.post(
    "/questions",
    response={200: QuestionSubmitted, 400: QuestionError},
    summary="提交咨询或领导信箱来信",
)
def submit(request, payload: QuestionIn):
    limit = throttle.Limit("interaction", settings.SUBMISSION_LIMIT, 60 * 60)
    if not throttle.take(limit, throttle.client_address(request)):
        raise HttpError(429, "提交过于频繁：同一网络一小时内提交的留言已达上限，请稍后再试。")
    data = payload.dict()
    data["subject"] = data.pop("title")
    government = Unit.objects.filter(code=data.pop("government")).first()
    code = data.pop("unit")
    requested = Unit.objects.filter(code=code).first() if code else None
    if code and requested is None:
        return Status(400, {"detail": "没有这个单位。", "errors": {"unit": ["没有这个单位。"]}})
    try:
        question, access_code = workflow.submit_question(
            actor=None, government=government, requested_unit=requested, **data
        )
    except ValidationError as error:
        errors = dict(error.message_dict) if hasattr(error, "error_dict") else {}
        if "subject" in errors:
            errors["title"] = errors.pop("subject")
        return Status(400, {"detail": "留言未提交：" + "；".join(error.messages), "errors": errors})
    return {
        "tracking_number": question.tracking_number,
        "access_code": access_code,
        "received_on": question.received_on,
        "due_date": question.due_date,
        "due_provisional": question.due_provisional,
    }


@router.post("/questions/status", response=QuestionStatusOut, summary="查询留言办理情况和答复")
def status(request, payload: QuestionAccessIn):
    question, error = find_for_applicant(
        request,
        payload.tracking_number,
        payload.access_code,
        queryset=services.lookup_scope(),
        noun="留言编号",
    )
    if question is None:
        raise HttpError(429 if "过多" in error else 404, error)
    answered = question.answered_on is not None
    return {
        "tracking_number": question.tracking_number,
        "state": question.status,
        "state_label": question.get_status_display(),
        "received_on": question.received_on,
        "due_date": question.due_date,
        "unit_name": question.unit.full_name if question.unit else None,
        "answered_on": question.answered_on,
        "answer": question.answer if answered else None,
        "published_id": question.pk if question.status == QuestionStatus.PUBLISHED else None,
    }
