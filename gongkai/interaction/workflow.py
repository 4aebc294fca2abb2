"""Every state change of a question and of a unit's FAQ, one named function each.

Each takes keyword arguments including ``actor``, checks the actor's role (``accounts.
permissions.require``), checks the transition against ``TRANSITIONS`` (the only place that
says which status may follow which), changes the rows in one transaction with the question
locked, and writes the audit event. Invalid input raises ``ValidationError`` with a Chinese
message and changes nothing; a wrong role raises ``PermissionDenied``.

The answer's due date is fixed when the question is received (``services.refresh_due_date``):
assigning and forwarding never move it, so a question passed from unit to unit keeps its clock.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from gongkai.accounts.permissions import require
from gongkai.accounts.roles import Role
from gongkai.audit.services import record
from gongkai.core.clock import local_now, local_today
from gongkai.core.workflow import check_startable, locked, move
from gongkai.pages import outbox
from gongkai.pages.models import RenderOperation
from gongkai.publishing import pii
from gongkai.units.models import UnitKind

from . import services
from .models import (
    ANSWERING_ROLES,
    PUBLISHING_ROLES,
    SUBJECT_LIMIT,
    TEXT_LIMIT,
    FaqEntry,
    Forward,
    Kind,
    Question,
    Status,
)

S = Status
TRANSITIONS = {
    "submit_question": {(None, S.RECEIVED)},
    "assign_question": {(S.RECEIVED, S.ASSIGNED)},
    "forward_question": {(S.ASSIGNED, S.ASSIGNED)},
    "answer_question": {(S.ASSIGNED, S.ANSWERED)},
    "publish_answer": {(S.ANSWERED, S.PUBLISHED)},
    "withdraw_publication": {(S.PUBLISHED, S.ANSWERED)},
    # Building the unit's FAQ from an answer leaves the question as it is.
    "promote_to_faq": {(S.ANSWERED, S.ANSWERED), (S.PUBLISHED, S.PUBLISHED)},
}
# An FAQ entry is public from its creation until it is retired.
FAQ_TRANSITIONS = {"promote_to_faq": {(None, True)}, "retire_faq_entry": {(True, False)}}

NAME_LIMIT = 50
FORWARD_REASON_LIMIT = 300
_PHONE = re.compile(r"^[0-9+\- ]{7,20}$")


def allowed_actions(question):
    """Names of the transitions possible from the question's current status."""
    return {
        name
        for name, edges in TRANSITIONS.items()
        if any(source == question.status for source, _target in edges)
    }


def _lock(question, action):
    # An unassigned question has no unit: only the question's row is locked.
    question = locked(Question, question.pk, "unit", "government")
    check_startable(question, TRANSITIONS, action)
    return question


def _required_text(problems, field, value, label, limit):
    value = (value or "").strip()
    if not value:
        problems[field] = f"请填写{label}。"
    elif len(value) > limit:
        problems[field] = f"{label}不能超过 {limit} 字。"
    return value


def _pages_changed(question_id=None):
    # The public list, the question's page and the FAQ pages are static copies
    # (pages.registry.interaction_pages); the id names the question whose page changed.
    outbox.enqueue(RenderOperation.Subject.INTERACTION, question_id)


# ---- the public ------------------------------------------------------------------------------


@transaction.atomic
def submit_question(
    *,
    actor,
    kind,
    government,
    subject,
    text,
    requested_unit=None,
    asker_name="",
    phone="",
    email="",
    consent_to_publish=False,
):
    """A question or a letter to the leaders' mailbox from the public (``actor`` None: no
    account is needed). Returns (question, access_code); the code is shown once and kept
    only as a hash. The answer is due ``QUESTION_REPLY_WORKING_DAYS`` working days after the
    day it is received."""
    problems = {}
    if kind not in Kind.values:
        problems["kind"] = "请选择留言类别。"
    if government is None or government.kind != UnitKind.GOVERNMENT or not government.is_active:
        problems["government"] = "请选择政府。"
    if requested_unit is not None and (
        government is None
        or requested_unit.government_id != government.pk
        or not requested_unit.is_active
    ):
        problems["requested_unit"] = "所选单位不属于该政府，请重新选择。"
    subject = _required_text(problems, "subject", subject, "标题", SUBJECT_LIMIT)
    text = _required_text(problems, "text", text, "内容", TEXT_LIMIT)
    asker_name = (asker_name or "").strip()
    if len(asker_name) > NAME_LIMIT:
        problems["asker_name"] = f"姓名不能超过 {NAME_LIMIT} 字。"
    phone = (phone or "").strip()
    if phone and not _PHONE.match(phone):
        problems["phone"] = "联系电话只能包含数字、空格、加号和连字符（7 至 20 位）。"
    email = (email or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            problems["email"] = "电子邮箱格式不正确。"
    if problems:
        raise ValidationError(problems)
    today = local_today()
    code = services.new_access_code()
    question = Question(
        tracking_number=services.new_tracking_number(kind, today.year),
        access_code_hash=services.hash_access_code(code),
        kind=kind,
        government=government,
        requested_unit=requested_unit,
        subject=subject,
        text=text,
        asker_name=asker_name,
        phone=phone,
        email=email,
        consent_to_publish=bool(consent_to_publish),
        received_on=today,
        status=None,
    )
    move(question, TRANSITIONS, "submit_question", S.RECEIVED)
    question.save()
    services.refresh_due_date(question)
    record(
        actor=actor,
        action="interaction.submit",
        target=question,
        to_state=question.status,
        data={"kind": kind, "government": government.code, "due_date": str(question.due_date)},
    )
    return question, code


# ---- the office and the units --------------------------------------------------------------


@transaction.atomic
def assign_question(*, actor, question, unit):
    """The openness office sends a received question to the unit that will answer it."""
    question = _lock(question, "assign_question")
    require(actor, question.government, Role.OFFICE)
    _check_target_unit(question, unit, "unit")
    source = move(question, TRANSITIONS, "assign_question", S.ASSIGNED)
    question.unit = unit
    question.assigned_on = local_today()
    question.save(update_fields=["status", "unit", "assigned_on"])
    record(
        actor=actor,
        action="interaction.assign",
        target=question,
        from_state=source,
        to_state=question.status,
        data={"unit": unit.code, "due_date": str(question.due_date)},
    )
    return question


def _check_target_unit(question, unit, field):
    if unit is None or unit.government_id != question.government_id or not unit.is_active:
        raise ValidationError({field: "请选择本级政府的一个在用单位。"})


@transaction.atomic
def forward_question(*, actor, question, to_unit, reason):
    """The unit handling a question (or the office) sends it on to another unit of the same
    government. The due date does not restart: the asker waits no longer for the move."""
    question = _lock(question, "forward_question")
    require(actor, question.unit, *ANSWERING_ROLES, Role.OFFICE)
    _check_target_unit(question, to_unit, "to_unit")
    if to_unit.pk == question.unit_id:
        raise ValidationError({"to_unit": "该留言已由这个单位办理，请选择其他单位。"})
    problems = {}
    reason = _required_text(problems, "reason", reason, "转办理由", FORWARD_REASON_LIMIT)
    if problems:
        raise ValidationError(problems)
    from_unit = question.unit
    source = move(question, TRANSITIONS, "forward_question", S.ASSIGNED)
    Forward.objects.create(
        question=question,
        from_unit=from_unit,
        to_unit=to_unit,
        reason=reason,
        forwarded_on=local_today(),
        forwarded_by=actor,
    )
    question.unit = to_unit
    question.save(update_fields=["status", "unit"])
    record(
        actor=actor,
        action="interaction.forward",
        target=question,
        from_state=source,
        to_state=question.status,
        reason=reason,
        data={
            "from_unit": from_unit.code,
            "to_unit": to_unit.code,
            "due_date": str(question.due_date),
        },
    )
    return question


@transaction.atomic
def answer_question(*, actor, question, answer):
    """The unit's answer, which the asker reads with the tracking number and access code."""
    question = _lock(question, "answer_question")
    require(actor, question.unit, *ANSWERING_ROLES)
    problems = {}
    answer = _required_text(problems, "answer", answer, "答复内容", TEXT_LIMIT)
    if problems:
        raise ValidationError(problems)
    source = move(question, TRANSITIONS, "answer_question", S.ANSWERED)
    question.answer = answer
    question.answered_on = local_today()
    question.answered_by = actor
    question.save(update_fields=["status", "answer", "answered_on", "answered_by"])
    record(
        actor=actor,
        action="interaction.answer",
        target=question,
        from_state=source,
        to_state=question.status,
        data={
            "unit": question.unit.code,
            "due_date": str(question.due_date),
            "late": bool(question.answered_late),
        },
    )
    return question


def _personal_data_problems(question, texts):
    """Unmasked personal data in the public copies: numbers the publishing scan finds, and the
    asker's own name, phone and e-mail."""
    problems = {}
    own = [v for v in (question.asker_name, question.phone, question.email) if len(v or "") > 1]
    for field, label, text in texts:
        found = [f.describe() for f in pii.scan_text(text, label)]
        found += [f"{label}：含有提问人的个人信息" for value in own if value in text]
        if found:
            problems[field] = "；".join(found) + "。请遮盖后再公开。"
    return problems


@transaction.atomic
def publish_answer(*, actor, question, public_subject, public_text, public_answer):
    """Publish the question and its answer, as staff masked them, on the public pages. Only
    with the asker's consent, and never with personal data in the text."""
    question = _lock(question, "publish_answer")
    require(actor, question.unit, *PUBLISHING_ROLES)
    if not question.consent_to_publish:
        raise ValidationError("提问人不同意公开，不能公开这条留言。")
    problems = {}
    public_subject = _required_text(
        problems, "public_subject", public_subject, "公开标题", SUBJECT_LIMIT
    )
    public_text = _required_text(problems, "public_text", public_text, "公开的问题", TEXT_LIMIT)
    public_answer = _required_text(
        problems, "public_answer", public_answer, "公开的答复", TEXT_LIMIT
    )
    if problems:
        raise ValidationError(problems)
    problems = _personal_data_problems(
        question,
        [
            ("public_subject", "公开标题", public_subject),
            ("public_text", "公开的问题", public_text),
            ("public_answer", "公开的答复", public_answer),
        ],
    )
    if problems:
        raise ValidationError(problems)
    source = move(question, TRANSITIONS, "publish_answer", S.PUBLISHED)
    question.public_subject = public_subject
    question.public_text = public_text
    question.public_answer = public_answer
    question.published_at = local_now()
    question.published_by = actor
    question.save(
        update_fields=[
            "status",
            "public_subject",
            "public_text",
            "public_answer",
            "published_at",
            "published_by",
        ]
    )
    record(
        actor=actor,
        action="interaction.publish",
        target=question,
        from_state=source,
        to_state=question.status,
        data={"unit": question.unit.code},
    )
    _pages_changed(question.pk)
    return question


@transaction.atomic
def withdraw_publication(*, actor, question, reason):
    """Take a published question off the public pages (the asker withdrew consent, or
    something in it should not be public); the answer itself stands."""
    question = _lock(question, "withdraw_publication")
    require(actor, question.unit, *PUBLISHING_ROLES)
    problems = {}
    reason = _required_text(problems, "reason", reason, "撤下理由", FORWARD_REASON_LIMIT)
    if problems:
        raise ValidationError(problems)
    source = move(question, TRANSITIONS, "withdraw_publication", S.ANSWERED)
    question.published_at = None
    question.save(update_fields=["status", "published_at"])
    record(
        actor=actor,
        action="interaction.withdraw",
        target=question,
        from_state=source,
        to_state=question.status,
        reason=reason,
    )
    _pages_changed(question.pk)
    return question


def reveal_contact(*, actor, question, reason):
    """The asker's name, phone and e-mail unmasked, for the unit answering the question (or
    the office while it is unassigned) — to call the asker back; every reveal is audited."""
    unit = question.unit or question.government
    require(actor, unit, *ANSWERING_ROLES, Role.OFFICE)
    problems = {}
    reason = _required_text(problems, "reason", reason, "查看理由", FORWARD_REASON_LIMIT)
    if problems:
        raise ValidationError(problems)
    record(actor=actor, action="interaction.unmask", target=question, reason=reason)
    return {"asker_name": question.asker_name, "phone": question.phone, "email": question.email}


# ---- frequently asked questions --------------------------------------------------------------


@transaction.atomic
def promote_to_faq(*, actor, question, question_text, answer_text):
    """Make an answered question one of its unit's frequently asked questions, in the words
    staff give it (general, with nothing of the asker)."""
    question = _lock(question, "promote_to_faq")
    require(actor, question.unit, *PUBLISHING_ROLES)
    problems = {}
    question_text = _required_text(problems, "question_text", question_text, "问题", 300)
    answer_text = _required_text(problems, "answer_text", answer_text, "解答", TEXT_LIMIT)
    if problems:
        raise ValidationError(problems)
    problems = _personal_data_problems(
        question,
        [("question_text", "问题", question_text), ("answer_text", "解答", answer_text)],
    )
    if problems:
        raise ValidationError(problems)
    entry = FaqEntry.objects.create(
        unit=question.unit,
        question_text=question_text,
        answer_text=answer_text,
        source=question,
        created_by=actor,
    )
    record(
        actor=actor,
        action="interaction.faq.promote",
        target=entry,
        to_state="public",
        data={"unit": question.unit.code, "question": question.tracking_number},
    )
    _pages_changed()
    return entry


@transaction.atomic
def retire_faq_entry(*, actor, entry, reason):
    entry = locked(FaqEntry, entry.pk, "unit")
    require(actor, entry.unit, *PUBLISHING_ROLES)
    if (entry.is_active, False) not in FAQ_TRANSITIONS["retire_faq_entry"]:
        raise ValidationError("该常见问题已经撤下。")
    problems = {}
    reason = _required_text(problems, "reason", reason, "撤下理由", FORWARD_REASON_LIMIT)
    if problems:
        raise ValidationError(problems)
    entry.is_active = False
    entry.save(update_fields=["is_active", "updated_at"])
    record(
        actor=actor,
        action="interaction.faq.retire",
        target=entry,
        from_state="public",
        to_state="retired",
        reason=reason,
    )
    _pages_changed()
    return entry
