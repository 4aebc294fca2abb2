"""Every state change of an application, one named function each.

Each function takes keyword arguments including ``actor``, checks the actor's role, checks the
transition against ``TRANSITIONS`` (the only place that says which status may follow which),
changes the rows in one transaction with the application locked, writes the audit event and
the letter, and recomputes the cached due date. Invalid input raises ``ValidationError`` with a
Chinese message and changes nothing; a wrong role raises ``PermissionDenied``.
"""

import filetype
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from gongkai.accounts import scoping
from gongkai.accounts.permissions import has_role, require
from gongkai.accounts.roles import Role
from gongkai.audit.services import record
from gongkai.core import files as stored_files
from gongkai.core.clock import local_today
from gongkai.core.crypto import encrypt_bytes, lookup_hash
from gongkai.core.identity import is_valid_credit_code, is_valid_resident_id
from gongkai.core.workflow import check_startable, locked, move

from . import letters, reminders, services
from .deadlines import (
    DEFAULT_CORRECTION_PERIOD,
    MAX_EXTENSION,
    consultation_window_due,
    correction_due,
    correction_notice_due,
    fee_payment_due,
)
from .fees import FeeMethod, compute_fee
from .legal_basis import LEGAL_BASIS, cited_articles
from .models import (
    HANDLING_ROLES,
    Application,
    Consultation,
    ConsultationKind,
    ConsultationReply,
    Correction,
    Delivery,
    DeliveryMethod,
    ExcessiveDecision,
    ExcessiveRequest,
    Extension,
    ExtensionDecision,
    ExtensionRequest,
    FeeNotice,
    IdentityKind,
    IdentityProof,
    LetterKind,
    Note,
    Policy,
    ReleasedFile,
    Remedy,
    RemedyKind,
    RemedyResult,
    Reply,
    Status,
)
from .outcomes import REFUSALS, ApplicantKind, Outcome, group_of
from .received import Channel, ReceivedDateError, received_date
from .remedies import remedy_notice

S = Status
TRANSITIONS = {
    "register_application": {(None, S.IN_PROGRESS)},
    "confirm_receipt": {(S.IN_PROGRESS, S.IN_PROGRESS)},
    "request_correction": {(S.IN_PROGRESS, S.AWAITING_CORRECTION)},
    "receive_correction": {(S.AWAITING_CORRECTION, S.IN_PROGRESS)},
    "close_correction_lapsed": {(S.AWAITING_CORRECTION, S.CLOSED)},
    "start_consultation": {(S.IN_PROGRESS, S.CONSULTING), (S.CONSULTING, S.CONSULTING)},
    "record_consultation_receipt": {(S.CONSULTING, S.CONSULTING)},
    "record_consultation_reply": {(S.CONSULTING, S.CONSULTING), (S.CONSULTING, S.IN_PROGRESS)},
    "extend_deadline": {(S.IN_PROGRESS, S.IN_PROGRESS), (S.CONSULTING, S.CONSULTING)},
    # A handler asks the head for the extension; the head approves (extend_deadline) or not.
    "request_extension": {(S.IN_PROGRESS, S.IN_PROGRESS), (S.CONSULTING, S.CONSULTING)},
    "decline_extension": {(S.IN_PROGRESS, S.IN_PROGRESS), (S.CONSULTING, S.CONSULTING)},
    "ask_for_reasons": {(S.IN_PROGRESS, S.AWAITING_REASONS)},
    # Art. 35: the organ decides only after asking the applicant for reasons.
    "handle_excessive_request": {
        (S.AWAITING_REASONS, S.IN_PROGRESS),
        (S.AWAITING_REASONS, S.REPLIED),
    },
    "issue_fee_notice": {(S.IN_PROGRESS, S.AWAITING_FEE)},
    "record_fee_notice_receipt": {(S.AWAITING_FEE, S.AWAITING_FEE)},
    "record_payment": {(S.AWAITING_FEE, S.IN_PROGRESS)},
    "close_fee_unpaid": {(S.AWAITING_FEE, S.CLOSED)},
    "issue_reply": {(S.IN_PROGRESS, S.REPLIED)},
    "record_delivery": {
        (S.REPLIED, S.DELIVERED),
        (S.DELIVERED, S.DELIVERED),
        (S.CLOSED, S.CLOSED),
    },
    "archive": {(S.REPLIED, S.ARCHIVED), (S.DELIVERED, S.ARCHIVED), (S.CLOSED, S.ARCHIVED)},
}

IDENTITY_PROOF_TYPES = {"image/jpeg", "image/png", "application/pdf"}
IDENTITY_PROOF_MAX_BYTES = 5 * 1024 * 1024
ORGANISATION_KINDS = frozenset(set(ApplicantKind) - {ApplicantKind.NATURAL_PERSON})
# Outcomes reached only by their own transition, never by a free choice in issue_reply.
CLOSING_OUTCOMES = frozenset(
    {Outcome.OTHER_CORRECTION_LAPSED, Outcome.OTHER_FEE_UNPAID, Outcome.NOT_PROCESSED_EXCESSIVE}
)
DUPLICATE_SUBMISSION = "duplicate_submission"


def allowed_actions(application):
    """Names of the transitions possible from the application's current status."""
    names = {
        name
        for name, edges in TRANSITIONS.items()
        if any(source == application.status for source, _target in edges)
    }
    if not application.awaits_confirmation:
        names.discard("confirm_receipt")
    if names & {"extend_deadline", "request_extension"}:
        if Extension.objects.filter(application=application).exists():
            names -= {"extend_deadline", "request_extension", "decline_extension"}
        elif application.extension_requests.pending().exists():
            names.discard("request_extension")
        else:
            names.discard("decline_extension")
    return names


def _move(application, action, target):
    source = move(application, TRANSITIONS, action, target)
    application.save(update_fields=["status"])
    return source


def _lock(application, action=None):
    """Lock the row; with ``action``, refuse at once if the status allows no such transition."""
    application = locked(Application, application.pk, "unit")
    if action:
        check_startable(application, TRANSITIONS, action)
    return application


def _require_handler(actor, application):
    require(actor, application.unit, *HANDLING_ROLES)


def _date(value, label, *, not_before=None, not_before_label=""):
    if value is None:
        raise ValidationError(f"请填写{label}。")
    if value > local_today():
        raise ValidationError(f"{label}不能晚于今天。")
    if not_before is not None and value < not_before:
        raise ValidationError(f"{label}不能早于{not_before_label}（{not_before}）。")
    return value


def _finish(actor, application, action, source, *, reason="", data=None):
    services.refresh_due_date(application)
    record(
        actor=actor,
        action=f"application.{action}",
        target=application,
        from_state=source or "",
        to_state=application.status,
        reason=reason,
        data=data,
    )


# ---- intake ---------------------------------------------------------------------------------


def _check_identity(applicant_kind, identity_kind, identity_number):
    if applicant_kind not in ApplicantKind.values:
        raise ValidationError({"applicant_kind": "请选择申请人类型。"})
    expected = (
        IdentityKind.CREDIT_CODE
        if applicant_kind in ORGANISATION_KINDS
        else IdentityKind.RESIDENT_ID
    )
    if identity_kind != expected:
        raise ValidationError(
            {"identity_kind": f"{ApplicantKind(applicant_kind).label}应提供{expected.label}。"}
        )
    if identity_kind == IdentityKind.RESIDENT_ID and not is_valid_resident_id(identity_number):
        raise ValidationError({"identity_number": "居民身份证号码无效，请核对（含末位校验码）。"})
    if identity_kind == IdentityKind.CREDIT_CODE and not is_valid_credit_code(identity_number):
        raise ValidationError({"identity_number": "统一社会信用代码无效，请核对（含末位校验码）。"})


def check_identity_proof(content):
    """The proof must be a JPEG, PNG or PDF (judged by its bytes) of at most 5 MB."""
    if not content:
        raise ValidationError({"identity_proof": "请上传身份证明文件。"})
    if len(content) > IDENTITY_PROOF_MAX_BYTES:
        raise ValidationError({"identity_proof": "身份证明文件不能超过 5 MB。"})
    kind = filetype.guess(content)
    if kind is None or kind.mime not in IDENTITY_PROOF_TYPES:
        raise ValidationError({"identity_proof": "身份证明只能是 JPG、PNG 图片或 PDF 文件。"})
    return kind.mime


def _check_required(fields):
    labels = {
        "applicant_name": "申请人姓名或名称",
        "phone": "联系电话",
        "title": "所需信息名称",
        "description": "所需信息的内容描述",
        "format_wanted": "信息提供形式",
        "delivery_wanted": "获取信息方式",
    }
    missing = {
        name: f"请填写{label}。" for name, label in labels.items() if not str(fields[name]).strip()
    }
    if fields["delivery_wanted"] == "post" and not fields["address"].strip():
        missing["address"] = "选择邮寄的，请填写通信地址。"
    if fields["delivery_wanted"] == "email" and not fields["email"].strip():
        missing["email"] = "选择电子邮件的，请填写电子邮箱。"
    if missing:
        raise ValidationError(missing)


def check_intake(*, fields, applicant_kind, identity_kind, identity_number, identity_proof):
    """Every problem of an application at once, so the applicant fixes them in one round;
    returns the identity proof's MIME type."""
    problems = {}
    mime = None
    for check, args in (
        (_check_required, (fields,)),
        (_check_identity, (applicant_kind, identity_kind, identity_number)),
        (check_identity_proof, (identity_proof,)),
    ):
        try:
            mime = check(*args) or mime
        except ValidationError as error:
            problems.update(error.message_dict)
    if problems:
        raise ValidationError(problems)
    return mime


@transaction.atomic
def register_application(
    *,
    actor,
    unit,
    applicant_kind,
    applicant_name,
    identity_kind,
    identity_number,
    phone,
    title,
    description,
    format_wanted,
    delivery_wanted,
    channel,
    identity_proof,
    event_date=None,
    email="",
    address="",
    postcode="",
    document_number="",
    submission_key=None,
    submitter=None,
    api_token=None,
):
    """Register an application; returns (application, access_code).

    ``actor`` is None for the public form and the API; staff registering another channel
    must handle applications in ``unit``, and so may another platform holding an active
    ``api_token`` of ``unit``. A ``submission_key`` counts only within the scope of whoever
    submits it: the staff ``actor``, the ``api_token``, or the ``submitter`` the public form
    gives its session. Submitting a key again in the same scope returns the first application
    and no code; without a scope (the open API) a repeated key is refused and reveals nothing.
    """
    if channel not in {c.value for c in Channel}:
        raise ValidationError({"channel": "没有这个申请渠道。"})
    channel = Channel(channel)
    _check_registrar(actor, api_token, unit, channel)
    scope = _submission_scope(actor, api_token, submitter)
    if submission_key:
        existing = Application.objects.filter(
            submission_scope=scope, submission_key=submission_key
        ).first()
        if existing is not None:
            return _replayed(existing, scope), None
    if not unit.receives_applications:
        raise ValidationError({"unit": "该单位不受理政府信息公开申请，请选择其他单位。"})
    fields = {
        "applicant_name": applicant_name,
        "phone": phone,
        "title": title,
        "description": description,
        "format_wanted": format_wanted,
        "delivery_wanted": delivery_wanted,
        "address": address,
        "email": email,
    }
    identity_number = identity_number.strip().upper()
    mime = check_intake(
        fields=fields,
        applicant_kind=applicant_kind,
        identity_kind=identity_kind,
        identity_number=identity_number,
        identity_proof=identity_proof,
    )
    today = local_today()
    if channel == Channel.ONLINE:
        # The public form and API never pass a date; the demo passes the submission day.
        event_date = event_date or today
    calendar = services.current_calendar()
    policy = Policy.current()
    try:
        received = received_date(
            calendar,
            channel=channel,
            event_date=event_date,
            today=today,
            online_rule=policy.online_nonworking_rule,
        )
    except ReceivedDateError as exc:
        raise ValidationError({"event_date": str(exc)}) from exc
    code = services.new_access_code()
    application = Application(
        tracking_number=services.new_tracking_number(received.year),
        access_code_hash=services.hash_access_code(code),
        submission_scope=scope,
        submission_key=submission_key or None,
        unit=unit,
        applicant_kind=applicant_kind,
        identity_kind=identity_kind,
        identity_number=identity_number,
        identity_hash=lookup_hash(identity_number),
        postcode=postcode,
        document_number=document_number,
        channel=channel,
        event_date=event_date,
        received_on=received,
        # Art. 31(三): where the unit's policy makes the platform's receipt the confirmation,
        # both sides have confirmed on the received date; otherwise the unit confirms later.
        confirmed_on=received
        if channel == Channel.ONLINE and policy.online_receipt_confirms
        else None,
        created_by=actor,
        **{name: str(value).strip() for name, value in fields.items()},
    )
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        if not submission_key:
            raise
        # The same form arrived twice at once; the first one won.
        existing = Application.objects.get(submission_scope=scope, submission_key=submission_key)
        return _replayed(existing, scope), None
    IdentityProof.objects.create(
        application=application,
        content_type=mime,
        size=len(identity_proof),
        encrypted_content=encrypt_bytes(identity_proof),
    )
    services.refresh_due_date(application)
    if not application.awaits_confirmation:
        letters.issue(application, LetterKind.RECEIPT, issued_on=today, actor=actor)
    via = f"经 API 令牌“{api_token.name}”（{unit.code}）登记" if api_token else ""
    _finish(actor, application, "register_application", None, reason=via, data={"channel": channel})
    return application, code


@transaction.atomic
def confirm_receipt(*, actor, application, confirmed_on):
    """Art. 31(三): the unit confirms an online application with the applicant; that day is the
    received date and the reply clock starts from it. The receipt letter goes out then."""
    application = _lock(application, "confirm_receipt")
    _require_handler(actor, application)
    if not application.awaits_confirmation:
        raise ValidationError("该申请不是待确认的网上申请，无需确认。")
    _date(
        confirmed_on, "双方确认之日", not_before=application.event_date, not_before_label="提交日期"
    )
    source = _move(application, "confirm_receipt", application.status)
    before = application.received_on
    application.received_on = application.confirmed_on = confirmed_on
    application.save(update_fields=["received_on", "confirmed_on"])
    services.refresh_due_date(application)
    letters.issue(application, LetterKind.RECEIPT, issued_on=confirmed_on, actor=actor)
    _finish(
        actor,
        application,
        "confirm_receipt",
        source,
        data={
            "submitted_on": str(application.event_date),
            "from": str(before),
            "to": str(confirmed_on),
        },
    )
    return application


ANONYMOUS_SCOPE = "anonymous"


def _submission_scope(actor, api_token, submitter):
    if api_token is not None:
        return f"token:{api_token.pk}"
    if actor is not None:
        return f"staff:{actor.pk}"
    if submitter:
        return f"public:{submitter}"
    return ANONYMOUS_SCOPE


def _replayed(existing, scope):
    if scope == ANONYMOUS_SCOPE:
        # Nobody can prove the first submission was theirs, so nothing about it is returned.
        raise ValidationError(
            "该申请已经提交过（提交标识重复），不会重复登记。请凭首次提交时得到的申请编号和"
            "查询码查询办理进度。",
            code=DUPLICATE_SUBMISSION,
        )
    return existing


def _check_registrar(actor, api_token, unit, channel):
    if api_token is not None:
        if api_token.revoked_at is not None or api_token.unit_id != unit.pk:
            raise PermissionDenied("该令牌只能为其所属单位登记申请。")
    elif actor is not None:
        require(actor, unit, *HANDLING_ROLES)
    elif channel != Channel.ONLINE:
        raise PermissionDenied("只有工作人员可以登记其他渠道的申请。")


# ---- correction (Art. 30) --------------------------------------------------------------------


@transaction.atomic
def request_correction(
    *, actor, application, items, sent_on, period_days=DEFAULT_CORRECTION_PERIOD
):
    application = _lock(application, "request_correction")
    _require_handler(actor, application)
    if Correction.objects.filter(application=application).exists():
        raise ValidationError("每件申请只能告知补正一次，已告知过补正。")
    if not items.strip():
        raise ValidationError({"items": "请一次性列明需要补正的全部事项。"})
    if not 1 <= period_days <= 60:
        raise ValidationError({"period_days": "补正期限应为 1 至 60 个工作日。"})
    _date(sent_on, "告知日期", not_before=application.received_on, not_before_label="收到申请之日")
    calendar = services.current_calendar()
    last_day = correction_notice_due(calendar, application.received_on)
    if sent_on > last_day:
        raise ValidationError(
            f"补正告知应在收到申请之日起7个工作日内（{last_day}前）发出，已超过期限。"
        )
    source = _move(application, "request_correction", S.AWAITING_CORRECTION)
    correction = Correction.objects.create(
        application=application,
        items=items.strip(),
        sent_on=sent_on,
        period_days=period_days,
        due_on=correction_due(calendar, sent_on, period_days),
    )
    letters.issue(application, LetterKind.CORRECTION, issued_on=sent_on, actor=actor)
    _finish(
        actor, application, "request_correction", source, data={"due_on": str(correction.due_on)}
    )
    return correction


@transaction.atomic
def receive_correction(*, actor, application, received_on, corrected_text):
    application = _lock(application, "receive_correction")
    _require_handler(actor, application)
    correction = application.correction
    if not corrected_text.strip():
        raise ValidationError({"corrected_text": "请录入补正后的申请内容。"})
    _date(received_on, "收到补正之日", not_before=correction.sent_on, not_before_label="告知日期")
    source = _move(application, "receive_correction", S.IN_PROGRESS)
    correction.received_on = received_on
    correction.corrected_text = corrected_text.strip()
    correction.save()
    application.corrected_received_on = received_on
    application.save(update_fields=["corrected_received_on"])
    _finish(actor, application, "receive_correction", source)
    return application


@transaction.atomic
def close_correction_lapsed(*, actor, application, closed_on):
    """Staff confirm the correction period passed without an answer: the application is
    deemed withdrawn (其他处理 1)."""
    application = _lock(application, "close_correction_lapsed")
    _require_handler(actor, application)
    correction = application.correction
    _date(closed_on, "终止日期")
    if closed_on <= correction.due_on:
        raise ValidationError(f"补正期限到{correction.due_on}为止，期满后才能按逾期未补正处理。")
    source = _move(application, "close_correction_lapsed", S.CLOSED)
    correction.lapsed_on = closed_on
    correction.save(update_fields=["lapsed_on"])
    reply = _create_reply(
        actor,
        application,
        outcome=Outcome.OTHER_CORRECTION_LAPSED,
        replied_on=closed_on,
        reasons=f"申请人未在补正期限（{correction.due_on}）内补正，视为放弃申请。",
    )
    _finish(actor, application, "close_correction_lapsed", source)
    return reply


# ---- consultation (Arts. 32, 34) -------------------------------------------------------------


@transaction.atomic
def start_consultation(
    *,
    actor,
    application,
    kind,
    party_name,
    matter,
    sent_on,
    party_address="",
    party_received_on=None,
):
    """Send the written notice. ``party_received_on`` is the day the party received it, when
    already known (handed over in person); otherwise record it later."""
    application = _lock(application, "start_consultation")
    _require_handler(actor, application)
    if kind not in ConsultationKind.values:
        raise ValidationError({"kind": "请选择征求意见的类型：征求第三方意见或征求其他机关意见。"})
    if not party_name.strip():
        raise ValidationError({"party_name": "请填写被征求意见方。"})
    if not matter.strip():
        raise ValidationError({"matter": "请写明征求意见的事项。"})
    _date(sent_on, "发出日期", not_before=application.clock_start, not_before_label="收到申请之日")
    if party_received_on is not None:
        _party_receipt_date(party_received_on, sent_on)
    source = _move(application, "start_consultation", S.CONSULTING)
    consultation = Consultation.objects.create(
        application=application,
        kind=kind,
        party_name=party_name.strip(),
        party_address=party_address.strip(),
        matter=matter.strip(),
        sent_on=sent_on,
        received_on=party_received_on,
        window_due=consultation_window_due(
            services.current_calendar(), party_received_on or sent_on
        ),
    )
    letters.issue(
        application,
        LetterKind.CONSULTATION,
        issued_on=sent_on,
        consultation=consultation,
        actor=actor,
    )
    _finish(actor, application, "start_consultation", source, data={"kind": kind})
    return consultation


def _party_receipt_date(received_on, sent_on):
    return _date(
        received_on, "对方收到征求意见书之日", not_before=sent_on, not_before_label="发出日期"
    )


@transaction.atomic
def record_consultation_receipt(*, actor, consultation, received_on):
    """Art. 32: the party's 15 working days run from its receipt of the notice, so the window
    (and the pause of the reply clock) is fixed only once staff record that day."""
    application = _lock(consultation.application, "record_consultation_receipt")
    _require_handler(actor, application)
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if not consultation.is_open:
        raise ValidationError("该征求意见已记录答复，不能再更改收到日期。")
    _party_receipt_date(received_on, consultation.sent_on)
    before = consultation.received_on
    consultation.received_on = received_on
    consultation.window_due = consultation_window_due(services.current_calendar(), received_on)
    consultation.save(update_fields=["received_on", "window_due"])
    source = _move(application, "record_consultation_receipt", application.status)
    _finish(
        actor,
        application,
        "record_consultation_receipt",
        source,
        data={
            "party": consultation.party_name,
            "from": str(before or ""),
            "to": str(received_on),
            "window_due": str(consultation.window_due),
        },
    )
    return consultation


@transaction.atomic
def record_consultation_reply(*, actor, consultation, reply, replied_on=None, reasons=""):
    """Record the other side's answer. No answer can be recorded only after the 15-working-day
    window, which runs from the party's recorded receipt; for a co-maker silence then counts
    as consent (Art. 34)."""
    application = _lock(consultation.application, "record_consultation_reply")
    _require_handler(actor, application)
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if not consultation.is_open:
        raise ValidationError("该征求意见已记录答复。")
    if reply not in ConsultationReply.values:
        raise ValidationError({"reply": "请选择答复意见。"})
    if reply == ConsultationReply.NONE:
        if consultation.received_on is None:
            raise ValidationError(
                "尚未登记对方收到征求意见书的日期，无法确定15个工作日的答复期限是否已满。"
                "请先登记收到日期。"
            )
        if local_today() <= consultation.window_due:
            raise ValidationError(
                f"答复期限到{consultation.window_due}为止，期满后才能记录逾期未答复。"
            )
        replied_on = consultation.window_due
    else:
        _date(
            replied_on, "收到答复日期", not_before=consultation.sent_on, not_before_label="发出日期"
        )
    if reply == ConsultationReply.OBJECTION and not reasons.strip():
        raise ValidationError({"reasons": "第三方不同意公开的，请记录其理由。"})
    still_open = application.consultations.exclude(pk=consultation.pk).filter(replied_on=None)
    target = S.CONSULTING if still_open.exists() else S.IN_PROGRESS
    source = _move(application, "record_consultation_reply", target)
    consultation.reply = reply
    consultation.replied_on = replied_on
    consultation.reasons = reasons.strip()
    consultation.save()
    _finish(actor, application, "record_consultation_reply", source, data={"reply": reply})
    return consultation


# ---- extension (Art. 33) and excessive requests (Art. 35) ------------------------------------


def _check_extension(application, working_days, reason):
    """What any extension must satisfy, asked for or approved (Art. 33)."""
    if Extension.objects.filter(application=application).exists():
        raise ValidationError("该申请已延期答复，延长的期限合计不得超过20个工作日。")
    if application.custom_due is not None:
        # The Art. 35 deadline replaces the Art. 33 one; an extension letter on top of it would
        # announce days that change nothing.
        raise ValidationError(
            f"已依第三十五条确定延迟答复期限（{application.custom_due}），"
            "不再适用第三十三条的延期；如需更多时间，应在确定延迟答复期限时一并考虑。"
        )
    if not 1 <= working_days <= MAX_EXTENSION:
        raise ValidationError({"working_days": f"延长期限最长不得超过{MAX_EXTENSION}个工作日。"})
    if not reason.strip():
        raise ValidationError({"reason": "请写明延期理由。"})


@transaction.atomic
def request_extension(*, actor, application, working_days, reason):
    """A handler asks the head of the openness body to approve an extension; the heads are
    told on their dashboard and by e-mail, and the page's next step names them."""
    application = _lock(application, "request_extension")
    _require_handler(actor, application)
    _check_extension(application, working_days, reason)
    if application.due_date and local_today() > application.due_date:
        raise ValidationError(f"答复期限已于{application.due_date}届满，不能再延期。")
    if application.extension_requests.pending().exists():
        raise ValidationError("已请负责人批准延期，正在等待审批。")
    heads = list(scoping.unit_staff(application.unit, [Role.BODY_HEAD]))
    if not heads:
        raise ValidationError(
            "本单位尚未设置政府信息公开工作机构负责人账号，无人可以批准延期。"
            "请单位管理员先为负责人开通账号。"
        )
    request = ExtensionRequest.objects.create(
        application=application,
        working_days=working_days,
        reason=reason.strip(),
        requested_by=actor,
        requested_on=local_today(),
    )
    reminders.alert_heads(request, heads)
    _finish(
        actor,
        application,
        "request_extension",
        application.status,
        reason=reason,
        data={"days": working_days},
    )
    return request


@transaction.atomic
def decline_extension(*, actor, application, note):
    """The head does not approve the requested extension: the handler answers within the
    deadline as it stands, and is told why."""
    application = _lock(application, "decline_extension")
    if not has_role(actor, application.unit, Role.BODY_HEAD):
        raise PermissionDenied("延期请求由政府信息公开工作机构负责人审批。")
    request = application.extension_requests.pending().select_for_update().first()
    if request is None:
        raise ValidationError("没有等待审批的延期请求。")
    if not note.strip():
        raise ValidationError({"note": "请写明不同意延期的意见，承办人将据此办理。"})
    request.decision = ExtensionDecision.DECLINED
    request.decided_by = actor
    request.decided_on = local_today()
    request.decision_note = note.strip()
    request.save(update_fields=["decision", "decided_by", "decided_on", "decision_note"])
    reminders.tell_requester(request)
    _finish(actor, application, "decline_extension", application.status, reason=note)
    return request


@transaction.atomic
def extend_deadline(*, actor, application, working_days, reason, approved_on):
    application = _lock(application, "extend_deadline")
    if not has_role(actor, application.unit, Role.BODY_HEAD):
        raise PermissionDenied("延期答复须经政府信息公开工作机构负责人同意。")
    if application.assigned_to_id and not scoping.is_independent(
        actor, {application.assigned_to_id}
    ):
        # The head's consent checks the handler's need for more time: it cannot be the handler
        # (by any of their accounts) agreeing with themselves.
        raise PermissionDenied(
            "延期答复须由承办人以外的负责人同意：您（或您的其他账号）是本申请的承办人。"
        )
    _check_extension(application, working_days, reason)
    _date(
        approved_on, "批准日期", not_before=application.clock_start, not_before_label="收到申请之日"
    )
    if application.due_date and approved_on > application.due_date:
        raise ValidationError(f"答复期限已于{application.due_date}届满，不能再延期。")
    source = _move(application, "extend_deadline", application.status)
    Extension.objects.create(
        application=application,
        working_days=working_days,
        reason=reason.strip(),
        approved_by=actor,
        approved_on=approved_on,
    )
    application.extension_requests.pending().update(
        decision=ExtensionDecision.APPROVED, decided_by=actor, decided_on=approved_on
    )
    services.refresh_due_date(application)
    letters.issue(application, LetterKind.EXTENSION, issued_on=approved_on, actor=actor)
    _finish(
        actor, application, "extend_deadline", source, reason=reason, data={"days": working_days}
    )
    return application


@transaction.atomic
def ask_for_reasons(*, actor, application, requested_on):
    application = _lock(application, "ask_for_reasons")
    _require_handler(actor, application)
    _date(
        requested_on,
        "告知日期",
        not_before=application.clock_start,
        not_before_label="收到申请之日",
    )
    source = _move(application, "ask_for_reasons", S.AWAITING_REASONS)
    ExcessiveRequest.objects.update_or_create(
        application=application, defaults={"reasons_requested_on": requested_on}
    )
    letters.issue(application, LetterKind.EXCESSIVE, issued_on=requested_on, actor=actor)
    _finish(actor, application, "ask_for_reasons", source)
    return application


@transaction.atomic
def handle_excessive_request(
    *,
    actor,
    application,
    decision,
    decided_on,
    applicant_reasons="",
    applicant_silent=False,
    reasons="",
    custom_due=None,
):
    """Art. 35: after asking for reasons, decline (不予处理 4) or set a longer reasonable
    deadline. The applicant's answer, or that none came, must be recorded first."""
    application = _lock(application, "handle_excessive_request")
    _require_handler(actor, application)
    asked = application.excessive.reasons_requested_on
    _date(decided_on, "决定日期", not_before=asked, not_before_label="要求说明理由的日期")
    if bool(applicant_reasons.strip()) == bool(applicant_silent):
        raise ValidationError(
            {
                "applicant_reasons": "请记录申请人说明的理由；申请人没有说明理由的，"
                "请勾选“申请人未说明理由”（二者只能选其一）。"
            }
        )
    if decision == ExcessiveDecision.DECLINE:
        if not reasons.strip():
            raise ValidationError({"reasons": "不予处理的，请说明理由。"})
        target = S.REPLIED
    elif decision == ExcessiveDecision.LONGER_DEADLINE:
        if custom_due is None or (application.due_date and custom_due <= application.due_date):
            raise ValidationError({"custom_due": "延迟答复的期限应晚于现在的答复期限。"})
        target = S.IN_PROGRESS
    else:
        raise ValidationError({"decision": "请选择处理决定。"})
    source = _move(application, "handle_excessive_request", target)
    ExcessiveRequest.objects.update_or_create(
        application=application,
        defaults={
            "applicant_reasons": applicant_reasons.strip(),
            "applicant_silent": bool(applicant_silent),
            "decision": decision,
            "decided_on": decided_on,
        },
    )
    if decision == ExcessiveDecision.DECLINE:
        _create_reply(
            actor,
            application,
            outcome=Outcome.NOT_PROCESSED_EXCESSIVE,
            replied_on=decided_on,
            reasons=reasons.strip(),
        )
    else:
        application.custom_due = custom_due
        application.save(update_fields=["custom_due"])
        services.refresh_due_date(application)
        letters.issue(application, LetterKind.LONGER_DEADLINE, issued_on=decided_on, actor=actor)
    _finish(actor, application, "handle_excessive_request", source, data={"decision": decision})
    return application


# ---- fees (Art. 42; 国办函〔2020〕109号) ------------------------------------------------------


@transaction.atomic
def issue_fee_notice(*, actor, application, method, issued_on, pages=None, notice_received_on=None):
    """Per item, the applicant's place in the month is counted by the system (rule 20), never
    typed in; per volume, staff give the pages. ``notice_received_on`` is the day the
    applicant received the notice, when already known; otherwise record it later."""
    application = _lock(application, "issue_fee_notice")
    _require_handler(actor, application)
    if FeeNotice.objects.filter(application=application).exists():
        raise ValidationError("该申请已发出收费通知。")
    monthly_rank = services.monthly_rank(application) if method == FeeMethod.PER_ITEM else None
    try:
        amount = compute_fee(method=method, monthly_rank=monthly_rank, pages=pages)
    except ValueError as exc:
        raise ValidationError(
            {"method": "按件或按量只能选择一种计收方式；按量计收的，请填写页数。"}
        ) from exc
    if amount == 0:
        raise ValidationError(_free_message(monthly_rank, pages))
    _date(
        issued_on, "通知日期", not_before=application.clock_start, not_before_label="收到申请之日"
    )
    if notice_received_on is not None:
        _notice_receipt_date(notice_received_on, issued_on)
    source = _move(application, "issue_fee_notice", S.AWAITING_FEE)
    notice = FeeNotice.objects.create(
        application=application,
        method=FeeMethod(method),
        monthly_rank=monthly_rank,
        pages=pages,
        amount=amount,
        issued_on=issued_on,
        received_on=notice_received_on,
        payment_due=fee_payment_due(services.current_calendar(), notice_received_on or issued_on),
    )
    letters.issue(application, LetterKind.FEE, issued_on=issued_on, actor=actor)
    _finish(actor, application, "issue_fee_notice", source, data={"amount": amount})
    return notice


def _free_message(monthly_rank, pages):
    if monthly_rank is not None:
        return (
            f"该申请是申请人本月向本机关提出的第{monthly_rank}件申请，"
            "每月前10件按件计收不收取信息处理费。"
        )
    return f"共{pages}页，按量计收前30页不收取信息处理费。"


def _notice_receipt_date(received_on, issued_on):
    return _date(
        received_on, "申请人收到收费通知之日", not_before=issued_on, not_before_label="通知日期"
    )


@transaction.atomic
def record_fee_notice_receipt(*, actor, application, received_on):
    """Rule 22: the 20 working days to pay run from the applicant's receipt of the notice, so
    the payment window is fixed only once staff record that day."""
    application = _lock(application, "record_fee_notice_receipt")
    _require_handler(actor, application)
    notice = FeeNotice.objects.select_for_update().get(application=application)
    _notice_receipt_date(received_on, notice.issued_on)
    before = notice.received_on
    notice.received_on = received_on
    notice.payment_due = fee_payment_due(services.current_calendar(), received_on)
    notice.save(update_fields=["received_on", "payment_due"])
    source = _move(application, "record_fee_notice_receipt", application.status)
    _finish(
        actor,
        application,
        "record_fee_notice_receipt",
        source,
        data={
            "from": str(before or ""),
            "to": str(received_on),
            "payment_due": str(notice.payment_due),
        },
    )
    return notice


@transaction.atomic
def record_payment(*, actor, application, paid_on):
    application = _lock(application, "record_payment")
    _require_handler(actor, application)
    notice = application.fee_notice
    _date(paid_on, "缴费日期", not_before=notice.issued_on, not_before_label="通知日期")
    if paid_on > notice.payment_due:
        if notice.received_on is None:
            raise ValidationError(
                f"缴费日期晚于按通知日期暂算的缴费期限（{notice.payment_due}）。"
                "请先登记申请人收到收费通知的日期，再记录缴费。"
            )
        raise ValidationError(f"缴费期限到{notice.payment_due}为止，已逾期。")
    source = _move(application, "record_payment", S.IN_PROGRESS)
    notice.paid_on = paid_on
    notice.save(update_fields=["paid_on"])
    _finish(actor, application, "record_payment", source)
    return notice


@transaction.atomic
def close_fee_unpaid(*, actor, application, closed_on):
    application = _lock(application, "close_fee_unpaid")
    _require_handler(actor, application)
    notice = application.fee_notice
    _date(closed_on, "终止日期")
    if notice.received_on is None:
        raise ValidationError(
            "尚未登记申请人收到收费通知的日期，无法确定20个工作日的缴费期限是否已满。"
            "请先登记收到日期。"
        )
    if closed_on <= notice.payment_due:
        raise ValidationError(f"缴费期限到{notice.payment_due}为止，期满后才能按逾期未缴费处理。")
    source = _move(application, "close_fee_unpaid", S.CLOSED)
    notice.unpaid_closed_on = closed_on
    notice.save(update_fields=["unpaid_closed_on"])
    reply = _create_reply(
        actor,
        application,
        outcome=Outcome.OTHER_FEE_UNPAID,
        replied_on=closed_on,
        reasons=f"申请人未在缴费期限（{notice.payment_due}）内缴纳信息处理费，视为放弃申请。",
    )
    _finish(actor, application, "close_fee_unpaid", source)
    return reply


# ---- reply (Arts. 36–38) ---------------------------------------------------------------------


def third_party_objections(application):
    """Third parties that objected to disclosure (Art. 32)."""
    return application.consultations.filter(
        kind=ConsultationKind.THIRD_PARTY, reply=ConsultationReply.OBJECTION
    )


def _check_public_interest(application, outcome, reason):
    """Art. 32: over a third party's objection the organ may disclose only if withholding would
    seriously harm the public interest, and must say so in writing to the third party."""
    objected = third_party_objections(application).exists()
    disclosing = outcome in (Outcome.DISCLOSED, Outcome.PARTLY_DISCLOSED)
    if objected and outcome == Outcome.DISCLOSED and not reason:
        return (
            "第三方不同意公开。决定予以公开的，须写明不公开可能对公共利益造成重大影响的理由"
            "（第三十二条），本机关将据此书面告知第三方。"
        )
    if reason and not (objected and disclosing):
        return "只有第三方不同意公开而仍决定公开的，才填写公共利益理由。"
    return ""


def _check_reply_fields(application, outcome, fields, files):
    errors = {}
    group = group_of(outcome)
    public_interest = _check_public_interest(
        application, outcome, fields["public_interest_reason"].strip()
    )
    if public_interest:
        errors["public_interest_reason"] = public_interest
    if outcome in REFUSALS and not fields["reasons"].strip():
        errors["reasons"] = "不予公开或部分公开的，必须说明理由。"
    elif group in ("unavailable", "not_processed", "other") and not fields["reasons"].strip():
        errors["reasons"] = "请说明理由。"
    basis = LEGAL_BASIS[outcome]
    if basis.unit_writes and not fields["legal_basis"].strip():
        errors["legal_basis"] = basis.note
    if fields["responsible_organ"].strip() and not fields["responsible_contact"].strip():
        errors["responsible_contact"] = "告知负责公开该信息的机关的，请同时写明其联系方式。"
    provides = files or fields["how_to_obtain"].strip() or fields["where_published"].strip()
    if outcome in (Outcome.DISCLOSED, Outcome.PARTLY_DISCLOSED) and not provides:
        errors["how_to_obtain"] = "请上传公开的文件，或写明获取信息的方式、途径和时间。"
    if outcome == Outcome.UNAVAILABLE_STILL_UNCLEAR and application.corrected_received_on is None:
        errors["outcome"] = "只有补正后申请内容仍不明确的，才能选择此项。"
    if errors:
        raise ValidationError(errors)


def checked_released_files(files):
    """Released files pass the same checks as any other upload (size, real type matching the
    name, zip-bomb limits, a sandboxed parse); the stored type is the one found in the bytes."""
    from django.conf import settings

    from gongkai.publishing import inspection

    checked = []
    for name, _claimed_type, content in files:
        try:
            found = inspection.inspect(content, name, max_bytes=settings.UPLOAD_MAX_BYTES)
        except inspection.FileRejected as exc:
            raise ValidationError({"released_file": str(exc)}) from None
        checked.append((name, found.content_type, content))
    return checked


def _create_reply(actor, application, *, outcome, replied_on, files=(), articles=(), **fields):
    reply = Reply.objects.create(
        application=application,
        outcome=outcome,
        replied_on=replied_on,
        articles=cited_articles(outcome, articles),
        remedy_notice=remedy_notice(outcome, replied_on, application.unit),
        replied_by=actor,
        **fields,
    )
    for name, content_type, content in files:
        # Written before the row; a rollback leaves only an unreferenced file (core.files).
        ReleasedFile.objects.create(
            reply=reply,
            name=name,
            content_type=content_type,
            size=len(content),
            sha256=stored_files.store(content),
        )
    letters.issue(application, LetterKind.REPLY, issued_on=replied_on, reply=reply, actor=actor)
    return reply


@transaction.atomic
def issue_reply(
    *,
    actor,
    application,
    outcome,
    replied_on,
    reasons="",
    legal_basis="",
    responsible_organ="",
    responsible_contact="",
    where_published="",
    how_to_obtain="",
    public_interest_reason="",
    articles=(),
    files=(),
):
    """Reply with exactly one statutory outcome. ``files`` are (name, content_type, bytes);
    ``articles`` are provisions staff add to those the outcome always cites (see
    ``legal_basis``), and ``legal_basis`` any other law in their own words.
    Disclosing over a third party's objection needs ``public_interest_reason`` and sends each
    objecting third party a letter with what is disclosed and why (Art. 32)."""
    application = _lock(application, "issue_reply")
    _require_handler(actor, application)
    if outcome not in Outcome.values or outcome in CLOSING_OUTCOMES:
        raise ValidationError({"outcome": "请选择一项办理结果。"})
    fields = {
        "reasons": reasons,
        "legal_basis": legal_basis,
        "responsible_organ": responsible_organ,
        "responsible_contact": responsible_contact,
        "where_published": where_published,
        "how_to_obtain": how_to_obtain,
        "public_interest_reason": public_interest_reason,
    }
    _check_reply_fields(application, outcome, fields, files)
    try:
        articles = cited_articles(outcome, articles)
    except ValueError as exc:
        raise ValidationError({"articles": str(exc)}) from exc
    files = checked_released_files(files)
    _date(
        replied_on, "答复日期", not_before=application.clock_start, not_before_label="收到申请之日"
    )
    source = _move(application, "issue_reply", S.REPLIED)
    reply = _create_reply(
        actor,
        application,
        outcome=outcome,
        replied_on=replied_on,
        files=files,
        articles=articles,
        **{name: value.strip() for name, value in fields.items()},
    )
    if reply.public_interest_reason:
        for consultation in third_party_objections(application):
            letters.issue(
                application,
                LetterKind.PUBLIC_INTEREST,
                issued_on=replied_on,
                consultation=consultation,
                reply=reply,
                actor=actor,
            )
    _finish(actor, application, "issue_reply", source, data={"outcome": outcome})
    return reply


# ---- after the reply -------------------------------------------------------------------------


@transaction.atomic
def record_delivery(*, actor, application, method, delivered_on, postal_tracking_number=""):
    application = _lock(application, "record_delivery")
    _require_handler(actor, application)
    if method not in DeliveryMethod.values:
        raise ValidationError({"method": "请选择送达方式。"})
    if method == DeliveryMethod.POST and not postal_tracking_number.strip():
        raise ValidationError({"postal_tracking_number": "邮寄送达的，请填写邮件单号。"})
    reply = getattr(application, "reply", None)
    replied_on = reply.replied_on if reply else application.received_on
    _date(delivered_on, "送达日期", not_before=replied_on, not_before_label="答复日期")
    target = S.CLOSED if application.status == S.CLOSED else S.DELIVERED
    source = _move(application, "record_delivery", target)
    delivery = Delivery.objects.create(
        application=application,
        method=method,
        delivered_on=delivered_on,
        postal_tracking_number=postal_tracking_number.strip(),
    )
    _finish(actor, application, "record_delivery", source, data={"method": method})
    return delivery


@transaction.atomic
def archive(*, actor, application):
    application = _lock(application, "archive")
    _require_handler(actor, application)
    source = _move(application, "archive", S.ARCHIVED)
    _finish(actor, application, "archive", source)
    return application


@transaction.atomic
def record_review(
    *,
    actor,
    application,
    kind,
    filed_on,
    body="",
    result=RemedyResult.PENDING,
    decided_on=None,
    note="",
):
    """Record an administrative review or lawsuit about the reply (table 四)."""
    application = _lock(application)
    _require_handler(actor, application)
    reply = getattr(application, "reply", None)
    if reply is None:
        raise ValidationError("尚未答复的申请不能登记行政复议或行政诉讼。")
    if kind not in RemedyKind.values:
        raise ValidationError({"kind": "请选择类型。"})
    _date(filed_on, "申请或起诉日期", not_before=reply.replied_on, not_before_label="答复日期")
    remedy = Remedy(
        application=application, kind=kind, filed_on=filed_on, body=body.strip(), note=note
    )
    _set_remedy_result(remedy, result, decided_on)
    remedy.save()
    record(
        actor=actor,
        action="application.record_review",
        target=application,
        data={"kind": kind, "result": result},
    )
    return remedy


@transaction.atomic
def update_review(*, actor, remedy, result, decided_on=None):
    application = _lock(remedy.application)
    _require_handler(actor, application)
    remedy = Remedy.objects.select_for_update().get(pk=remedy.pk)
    before = remedy.result
    _set_remedy_result(remedy, result, decided_on)
    remedy.save()
    record(
        actor=actor,
        action="application.update_review",
        target=application,
        from_state=before,
        to_state=result,
    )
    return remedy


def _set_remedy_result(remedy, result, decided_on):
    if result not in RemedyResult.values:
        raise ValidationError({"result": "请选择结果。"})
    if result == RemedyResult.PENDING:
        remedy.result, remedy.decided_on = result, None
        return
    _date(decided_on, "审结日期", not_before=remedy.filed_on, not_before_label="申请或起诉日期")
    remedy.result, remedy.decided_on = result, decided_on


# ---- handling aids (no status change) --------------------------------------------------------


@transaction.atomic
def assign(*, actor, application, handler):
    application = _lock(application)
    _require_handler(actor, application)
    if handler is not None and not has_role(handler, application.unit, *HANDLING_ROLES):
        raise ValidationError({"handler": "承办人须为本单位的工作人员。"})
    before = application.assigned_to
    application.assigned_to = handler
    application.save(update_fields=["assigned_to"])
    record(
        actor=actor,
        action="application.assign",
        target=application,
        data={"from": str(before or ""), "to": str(handler or "")},
    )
    return application


@transaction.atomic
def add_note(*, actor, application, text):
    application = _lock(application)
    _require_handler(actor, application)
    if not text.strip():
        raise ValidationError({"text": "备注不能为空。"})
    note = Note.objects.create(application=application, author=actor, text=text.strip())
    record(actor=actor, action="application.add_note", target=application)
    return note


@transaction.atomic
def reveal_personal_data(*, actor, application, reason=""):
    """The unmasked personal data, for the handling roles only; every reveal is logged."""
    _require_handler(actor, application)
    record(actor=actor, action="application.unmask", target=application, reason=reason)
    return {
        "identity_number": application.identity_number,
        "phone": application.phone,
        "email": application.email,
        "address": application.address,
    }


def publish_proactively(*, actor, application):
    """Art. 44: open a publishing draft with the released files of a disclosure reply, for
    information several applicants asked for. The draft then goes through publishing's own
    review; this only prepares it."""
    from gongkai.publishing import workflow as publishing

    reply = getattr(application, "reply", None)
    if reply is None or reply.outcome not in (Outcome.DISCLOSED, Outcome.PARTLY_DISCLOSED):
        raise ValidationError("只有予以公开或部分公开的答复才能转为主动公开。")
    files = list(reply.files.all())
    if not files:
        raise ValidationError("该答复没有上传公开的文件，无法转为主动公开。")
    content = {
        "title": application.title,
        "doc_number": application.document_number,
        "summary": "依申请公开后转为主动公开（《中华人民共和国政府信息公开条例》第四十四条）。",
    }
    try:
        with transaction.atomic():
            document = publishing.create_draft(actor=actor, unit=application.unit, content=content)
            for released in files:
                publishing.add_attachment(
                    actor=actor,
                    document=document,
                    data=released.content(),
                    filename=released.name,
                )
            record(
                actor=actor,
                action="application.publish_proactively",
                target=application,
                data={"document": document.pk},
            )
    except publishing.WorkflowError as exc:
        raise ValidationError(str(exc)) from exc
    return document
