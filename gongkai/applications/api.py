"""JSON API of disclosure on application: submitting (the same rules as the public form),
looking up with tracking number and access code, and registration by other platforms with an
API token. Codes travel only in request bodies, never in URLs."""

import base64
import binascii
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import HttpBearer

from gongkai.api.choices import choice
from gongkai.units.models import Unit

from . import tokens, views, workflow
from .models import DeliveryWanted, FormatWanted, IdentityKind, LetterKind
from .models import Status as ApplicationStatus
from .outcomes import ApplicantKind, Outcome
from .received import CHANNEL_LABELS

router = Router(tags=["依申请公开"])


class ApplicationIn(Schema):
    unit: str = Field(description="受理单位代码（见 /api/v1/units 的 code）")
    applicant_kind: choice(ApplicantKind.choices, "申请人类型")
    applicant_name: str
    identity_kind: choice(IdentityKind.choices, "证件类型")
    identity_number: str
    identity_proof_base64: str
    phone: str
    email: str = ""
    address: str = ""
    postcode: str = ""
    title: str
    document_number: str = ""
    description: str
    format_wanted: choice(FormatWanted.choices, "信息提供形式")
    delivery_wanted: choice(DeliveryWanted.choices, "获取信息方式")
    submission_key: str | None = None


class StaffApplicationIn(ApplicationIn):
    channel: choice(CHANNEL_LABELS.items(), "申请渠道")
    event_date: date | None = None


RECEIVED_ON = Field(
    description="收到申请之日（条例第三十一条）；网上申请为双方确认之日，未确认时为暂按的日期"
)
RECEIPT_CONFIRMED = Field(
    description="网上申请是否已经双方确认；为 false 时收到申请之日和答复期限都是暂定的"
)


class Submitted(Schema):
    tracking_number: str
    access_code: str | None
    submitted_on: date = Field(description="提交日期（其他渠道为签收或确认等登记的日期）")
    received_on: date = RECEIVED_ON
    receipt_confirmed: bool = RECEIPT_CONFIRMED
    due_date: date | None
    due_provisional: bool


class AccessIn(Schema):
    tracking_number: str
    access_code: str


class LetterIn(AccessIn):
    letter_id: int


class LetterOut(Schema):
    id: int
    kind: choice(LetterKind.choices, "文书种类")
    kind_label: str
    issued_on: date


class StatusOut(Schema):
    tracking_number: str
    unit: str
    status: choice(ApplicationStatus.choices, "办理状态")
    status_label: str
    submitted_on: date = Field(description="提交日期（其他渠道为签收或确认等登记的日期）")
    received_on: date = RECEIVED_ON
    receipt_confirmed: bool = RECEIPT_CONFIRMED
    corrected_received_on: date | None
    due_date: date | None
    due_provisional: bool
    replied_on: date | None
    outcome: choice(Outcome.choices, "办理结果（年度报告表三的一行）") | None
    outcome_label: str | None
    letters: list[LetterOut]


class Error(Schema):
    detail: str
    errors: dict[str, list[str]] = {}


class TokenAuth(HttpBearer):
    """An active (not revoked) API token; anything else is 401."""

    def authenticate(self, request, token):
        return tokens.find_active(token)


def _register(payload, **extra):
    data = payload.dict()
    try:
        data["identity_proof"] = base64.b64decode(data.pop("identity_proof_base64"), validate=True)
    except (binascii.Error, ValueError):
        raise HttpError(400, "身份证明文件应为 base64 编码。") from None
    unit = Unit.objects.filter(code=data.pop("unit")).first()
    if unit is None:
        raise HttpError(400, "没有这个受理单位。")
    try:
        application, code = workflow.register_application(unit=unit, **data, **extra)
    except ValidationError as error:
        if getattr(error, "code", None) == workflow.DUPLICATE_SUBMISSION:
            return Status(409, {"detail": error.messages[0]})
        return Status(
            400, {"detail": "申请未提交：" + "；".join(error.messages), "errors": _errors(error)}
        )
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from None
    return Status(
        200,
        {
            "tracking_number": application.tracking_number,
            "access_code": code,
            "submitted_on": application.event_date,
            "received_on": application.received_on,
            "receipt_confirmed": not application.awaits_confirmation,
            "due_date": application.due_date,
            "due_provisional": application.due_provisional,
        },
    )


def _errors(error):
    return error.message_dict if hasattr(error, "error_dict") else {}


@router.post(
    "/applications",
    response={200: Submitted, 400: Error, 409: Error},
    summary="提交政府信息公开申请",
)
def submit(request, payload: ApplicationIn):
    """The same rules as the public form. Nothing identifies an open-API client, so resubmitting
    a ``submission_key`` already used here is refused with 409 and returns nothing about the
    first application: keep the tracking number and access code of the first response."""
    return _register(payload, actor=None, channel="online")


@router.post(
    "/applications/register",
    auth=TokenAuth(),
    response={200: Submitted, 400: Error},
    summary="其他平台登记申请（需 API 令牌）",
)
def register(request, payload: StaffApplicationIn):
    """``submission_key`` is scoped to the token: resubmitting a key this token used returns
    the first application with ``access_code`` null; another token's key is just a new key."""
    token = request.auth
    if payload.unit != token.unit.code:
        raise HttpError(403, "该令牌只能为其所属单位登记申请。")
    return _register(payload, actor=None, api_token=token)


def _found(request, payload):
    application, error = views.find_for_applicant(
        request, payload.tracking_number, payload.access_code
    )
    if application is None:
        raise HttpError(429 if "过多" in error else 404, error)
    return application


@router.post("/applications/status", response=StatusOut, summary="查询申请办理情况")
def status(request, payload: AccessIn):
    application = _found(request, payload)
    reply = getattr(application, "reply", None)
    return {
        "tracking_number": application.tracking_number,
        "unit": application.unit.full_name,
        "status": application.status,
        "status_label": application.get_status_display(),
        "submitted_on": application.event_date,
        "received_on": application.received_on,
        "receipt_confirmed": not application.awaits_confirmation,
        "corrected_received_on": application.corrected_received_on,
        "due_date": application.due_date,
        "due_provisional": application.due_provisional,
        "replied_on": reply.replied_on if reply else None,
        "outcome": reply.outcome if reply else None,
        "outcome_label": reply.get_outcome_display() if reply else None,
        "letters": [
            {
                "id": letter.pk,
                "kind": letter.kind,
                "kind_label": letter.get_kind_display(),
                "issued_on": letter.issued_on,
            }
            for letter in application.letters.all()
            if letter.for_applicant
        ],
    }


@router.post("/applications/letter", summary="下载答复文书（DOCX）")
def letter(request, payload: LetterIn):
    application = _found(request, payload)
    found = application.letters.filter(pk=payload.letter_id).first()
    if found is None or not found.for_applicant:
        raise HttpError(404, "没有这份文书。")
    response = HttpResponse(found.docx(), content_type=views.DOCX)
    response["Content-Disposition"] = "attachment; filename=letter.docx"
    return response
