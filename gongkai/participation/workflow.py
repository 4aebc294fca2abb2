"""Consultations on drafts, one named function per state change.

Each function takes keyword arguments including ``actor`` (None for a member of the public),
checks the actor's role on the unit, checks the transition against the tables below (the only
place that says which status may follow which), changes the rows in one transaction with them
locked, and writes the audit event. Invalid input raises ``ValidationError`` with a Chinese
message and changes nothing; a wrong role raises ``PermissionDenied``.

The closing gate: a consultation is closed (办结) only when every comment has been moderated,
every comment group has a disposition with its reason, and the feedback report (意见采纳情况)
generated from those dispositions — a publishing document of its own kind, linked to the final
document — has passed publishing's review and been published."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from gongkai.accounts.permissions import require
from gongkai.accounts.roles import Role
from gongkai.accounts.scoping import is_independent
from gongkai.audit.services import record
from gongkai.core import files
from gongkai.core.clock import local_now, local_today
from gongkai.core.workflow import check, locked
from gongkai.pages import outbox
from gongkai.pages.models import RenderOperation
from gongkai.publishing import workflow as publishing
from gongkai.publishing.models import DocumentState, RevisionStatus

from . import report, rules
from .models import (
    MAJOR_DECISION_DAYS,
    Audience,
    Comment,
    CommentGroup,
    Consultation,
    ConsultationAttachment,
    ConsultationStatus,
    Disposition,
    HiddenReason,
    Invitation,
    Moderation,
    Stakeholder,
)

C = ConsultationStatus
M = Moderation
TRANSITIONS = {
    "create_consultation": {(None, C.DRAFT)},
    "open_consultation": {(C.DRAFT, C.OPEN)},
    "close_consultation": {(C.OPEN, C.CLOSED)},
}
COMMENT_TRANSITIONS = {
    "submit_comment": {(None, M.PENDING)},
    "record_stakeholder_comment": {(None, M.PENDING)},
    "show_comment": {(M.PENDING, M.SHOWN)},
    "hide_comment": {(M.PENDING, M.HIDDEN), (M.SHOWN, M.HIDDEN)},
}
# Who drafts and who answers: the unit's editors; who puts a draft out and closes it: its
# reviewers (never the person who drafted it).
DRAFTING_ROLES = (Role.EDITOR,)
HANDLING_ROLES = (Role.EDITOR, Role.REVIEWER)
APPROVING_ROLES = (Role.REVIEWER,)

TEXT_LIMIT = 3000
MODERATION_FIELDS = ["group", "moderation", "hidden_reason", "moderated_by", "moderated_at"]
ATTACHMENT_SUFFIXES = (".pdf", ".ofd", ".doc", ".docx", ".wps", ".xls", ".xlsx", ".txt")


def _check(table, action, before, after, labels):
    check(table, action, before, after, labels(before).label if before else None)


def _pages_changed(consultation):
    # The public list, the consultation's page and its major decision's page are static copies.
    outbox.enqueue(RenderOperation.Subject.CONSULTATION, consultation.pk)


def _locked(consultation) -> Consultation:
    return locked(Consultation, consultation.pk, "unit")


# ---------------------------------------------------------------- the draft


def _period_problems(values) -> dict:
    problems = {}
    starts_on, ends_on = values.get("starts_on"), values.get("ends_on")
    if starts_on is None:
        problems["starts_on"] = "请填写开始日期。"
    if ends_on is None:
        problems["ends_on"] = "请填写截止日期。"
    if problems:
        return problems
    if ends_on < starts_on:
        problems["ends_on"] = "截止日期不能早于开始日期。"
        return problems
    days = (ends_on - starts_on).days + 1
    if (
        values.get("is_major")
        and days < MAJOR_DECISION_DAYS
        and not values.get("short_period_reason")
    ):
        problems["short_period_reason"] = (
            f"重大行政决策草案征求意见的期限一般不少于{MAJOR_DECISION_DAYS}个自然日"
            f"（现为{days}个自然日），缩短期限须写明理由。"
        )
    return problems


@transaction.atomic
def create_consultation(
    *,
    actor,
    unit,
    title,
    draft_text,
    explanation,
    starts_on,
    ends_on,
    audiences,
    is_major=False,
    short_period_reason="",
    decision=None,
) -> Consultation:
    """An editor prepares a consultation; it reaches the public once a reviewer opens it."""
    require(actor, unit, *DRAFTING_ROLES)
    _check(TRANSITIONS, "create_consultation", None, C.DRAFT, C)
    values = {
        "title": (title or "").strip(),
        "draft_text": (draft_text or "").strip(),
        "explanation": (explanation or "").strip(),
        "starts_on": starts_on,
        "ends_on": ends_on,
        "is_major": bool(is_major),
        "short_period_reason": (short_period_reason or "").strip(),
        "audiences": [a for a in Audience.values if a in set(audiences or ())],
    }
    problems = {}
    for key, label in (
        ("title", "草案名称"),
        ("draft_text", "草案全文"),
        ("explanation", "起草说明"),
    ):
        if not values[key]:
            problems[key] = f"请填写{label}。"
    if len(values["title"]) > 200:
        problems["title"] = "草案名称不能超过200字。"
    if not values["audiences"]:
        problems["audiences"] = "请选择至少一类重点征求对象。"
    if decision is not None:
        if decision.unit_id != unit.pk:
            problems["decision"] = "只能关联本单位承办的重大行政决策事项。"
        values["is_major"] = True
    problems.update(_period_problems(values))
    if values["starts_on"] and values["starts_on"] < local_today():
        problems["starts_on"] = "开始日期不能早于今天。"
    if problems:
        raise ValidationError(problems)
    consultation = Consultation.objects.create(
        unit=unit, created_by=actor, decision=decision, **values
    )
    record(
        actor=actor,
        action="participation.create",
        target=consultation,
        to_state=consultation.status,
        reason=consultation.short_period_reason,
        data={
            "starts_on": consultation.starts_on.isoformat(),
            "ends_on": consultation.ends_on.isoformat(),
            "period_days": consultation.period_days,
            "is_major": consultation.is_major,
            "audiences": consultation.audiences,
            "decision": decision.pk if decision else None,
        },
    )
    return consultation


@transaction.atomic
def add_attachment(*, actor, consultation, filename, data: bytes) -> ConsultationAttachment:
    consultation = _locked(consultation)
    require(actor, consultation.unit, *DRAFTING_ROLES)
    if consultation.status != C.DRAFT:
        raise ValidationError("草案发布后不能再添加附件。")
    filename = (filename or "").strip().replace("/", "_").replace("\\", "_")[:200]
    if not filename.lower().endswith(ATTACHMENT_SUFFIXES):
        raise ValidationError({"file": "附件应为 PDF、OFD、Word、WPS、Excel 或文本文件。"})
    if not data:
        raise ValidationError({"file": "附件是空文件。"})
    attachment = ConsultationAttachment.objects.create(
        consultation=consultation, filename=filename, digest=files.store(data), size=len(data)
    )
    record(
        actor=actor,
        action="participation.attach",
        target=consultation,
        data={"filename": filename, "digest": attachment.digest},
    )
    return attachment


@transaction.atomic
def open_consultation(*, actor, consultation) -> Consultation:
    """A reviewer other than the drafter puts the draft out for comment."""
    consultation = _locked(consultation)
    require(actor, consultation.unit, *APPROVING_ROLES)
    _check(TRANSITIONS, "open_consultation", consultation.status, C.OPEN, C)
    if not is_independent(actor, [consultation.created_by_id]):
        raise PermissionDenied("不能发布自己起草的征求意见，请由其他审核人员发布。")
    if consultation.ends_on < local_today():
        raise ValidationError("截止日期已过，请重新起草征求意见。")
    consultation.status = C.OPEN
    consultation.opened_at = local_now()
    consultation.save(update_fields=["status", "opened_at"])
    record(
        actor=actor,
        action="participation.open",
        target=consultation,
        from_state=C.DRAFT,
        to_state=C.OPEN,
    )
    _pages_changed(consultation)
    return consultation


# ---------------------------------------------------------------- comments


def _comment_problems(consultation, text, paragraph) -> dict:
    problems = {}
    if not text:
        problems["text"] = "请填写意见内容。"
    elif len(text) > TEXT_LIMIT:
        problems["text"] = f"意见内容不能超过{TEXT_LIMIT}字。"
    if paragraph is not None and not 1 <= paragraph <= len(consultation.paragraphs()):
        problems["paragraph"] = "草案没有这一段，请重新选择。"
    return problems


@transaction.atomic
def submit_comment(*, consultation, text, paragraph=None, name="", contact="") -> Comment:
    """Anyone comments, without an account; the comment waits for moderation."""
    consultation = _locked(consultation)
    if not consultation.accepts_comments(local_today()):
        raise ValidationError("该草案不在征求意见期内，不能提交意见。")
    text, name, contact = (text or "").strip(), (name or "").strip(), (contact or "").strip()
    problems = _comment_problems(consultation, text, paragraph)
    if len(name) > 60:
        problems["name"] = "姓名或名称不能超过60字。"
    if len(contact) > 100:
        problems["contact"] = "联系方式不能超过100字。"
    if problems:
        raise ValidationError(problems)
    _check(COMMENT_TRANSITIONS, "submit_comment", None, M.PENDING, M)
    comment = Comment.objects.create(
        consultation=consultation,
        paragraph=paragraph,
        text=text,
        name=name,
        contact=contact,
        received_at=local_now(),
    )
    record(
        actor=None,
        action="participation.comment",
        target=comment,
        to_state=M.PENDING,
        data={"consultation": consultation.pk, "paragraph": paragraph},
    )
    return comment


def _group_for(comment) -> CommentGroup:
    groups = CommentGroup.objects.select_for_update().filter(consultation=comment.consultation_id)
    found = rules.closest(comment.text, ((g.pk, g.representative) for g in groups))
    if found is not None:
        return groups.get(pk=found[0])
    number = (groups.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    return CommentGroup.objects.create(
        consultation_id=comment.consultation_id,
        number=number,
        representative=comment.text,
        paragraph=comment.paragraph,
    )


def _locked_comment(comment) -> Comment:
    return locked(Comment, comment.pk, "consultation__unit")


@transaction.atomic
def show_comment(*, actor, comment) -> Comment:
    """The comment passes moderation: it is shown, in the group of comments that say the same
    thing (a new group when none does)."""
    comment = _locked_comment(comment)
    consultation = comment.consultation
    require(actor, consultation.unit, *HANDLING_ROLES)
    if consultation.status == C.CLOSED:
        raise ValidationError("征求意见已办结。")
    _check(COMMENT_TRANSITIONS, "show_comment", comment.moderation, M.SHOWN, M)
    comment.group = _group_for(comment)
    comment.moderation, comment.hidden_reason = M.SHOWN, ""
    comment.moderated_by, comment.moderated_at = actor, local_now()
    comment.save(
        update_fields=["group", "moderation", "hidden_reason", "moderated_by", "moderated_at"]
    )
    record(
        actor=actor,
        action="participation.show",
        target=comment,
        from_state=M.PENDING,
        to_state=M.SHOWN,
        data={"group": comment.group.number},
    )
    _pages_changed(consultation)
    return comment


@transaction.atomic
def hide_comment(*, actor, comment, reason) -> Comment:
    """The comment is not shown, for a stated reason. A shown comment taken down leaves its
    group; a group left empty is removed."""
    comment = _locked_comment(comment)
    consultation = comment.consultation
    require(actor, consultation.unit, *HANDLING_ROLES)
    if consultation.status == C.CLOSED:
        raise ValidationError("征求意见已办结。")
    if reason not in HiddenReason.values:
        raise ValidationError({"reason": "请选择不予公开的理由。"})
    before = comment.moderation
    _check(COMMENT_TRANSITIONS, "hide_comment", before, M.HIDDEN, M)
    group = comment.group
    comment.group = None
    comment.moderation, comment.hidden_reason = M.HIDDEN, reason
    comment.moderated_by, comment.moderated_at = actor, local_now()
    comment.save(
        update_fields=["group", "moderation", "hidden_reason", "moderated_by", "moderated_at"]
    )
    if group is not None:
        _after_leaving(group)
    record(
        actor=actor,
        action="participation.hide",
        target=comment,
        from_state=before,
        to_state=M.HIDDEN,
        reason=HiddenReason(reason).label,
    )
    if before == M.SHOWN:
        _pages_changed(consultation)
    return comment


def _after_leaving(group):
    rest = group.comments.order_by("received_at", "id").first()
    if rest is None:
        group.delete()
    elif rules.normalised(group.representative) != rules.normalised(rest.text):
        group.representative, group.paragraph = rest.text, rest.paragraph
        group.save(update_fields=["representative", "paragraph"])


@transaction.atomic
def move_comment(*, actor, comment, group) -> Comment:
    """Staff correct the grouping: a shown comment joins another group of its consultation."""
    comment = _locked_comment(comment)
    consultation = comment.consultation
    require(actor, consultation.unit, *HANDLING_ROLES)
    if consultation.status == C.CLOSED:
        raise ValidationError("征求意见已办结。")
    if comment.moderation != M.SHOWN or group.consultation_id != consultation.pk:
        raise ValidationError("只能把已公开的意见移到本草案的其他意见组。")
    before = comment.group
    if before is not None and before.pk == group.pk:
        return comment
    comment.group = group
    comment.save(update_fields=["group"])
    if before is not None:
        _after_leaving(before)
    record(
        actor=actor,
        action="participation.regroup",
        target=comment,
        data={"from": before.number if before else None, "to": group.number},
    )
    _pages_changed(consultation)
    return comment


@transaction.atomic
def dispose_group(*, actor, group, disposition, reason) -> CommentGroup:
    """The unit's answer to a group of comments: adopted, partly adopted or not adopted, with
    the reason. It may be revised until the consultation is closed."""
    group = (
        CommentGroup.objects.select_for_update()
        .select_related("consultation__unit")
        .get(pk=group.pk)
    )
    consultation = group.consultation
    require(actor, consultation.unit, *HANDLING_ROLES)
    if consultation.status != C.OPEN:
        raise ValidationError("只有已发布、未办结的征求意见可以处理意见。")
    reason = (reason or "").strip()
    problems = {}
    if disposition not in Disposition.values:
        problems["disposition"] = "请选择采纳、部分采纳或未采纳。"
    if not reason:
        problems["reason"] = "请写明采纳情况或未采纳的理由。"
    if problems:
        raise ValidationError(problems)
    before = group.disposition
    group.disposition, group.reason = disposition, reason
    group.disposed_by, group.disposed_at = actor, local_now()
    group.save(update_fields=["disposition", "reason", "disposed_by", "disposed_at"])
    record(
        actor=actor,
        action="participation.dispose",
        target=group,
        from_state=before,
        to_state=disposition,
        reason=reason,
    )
    _pages_changed(consultation)
    return group


def answering_problems(consultation, today) -> list[str]:
    """Why the consultation's comments are not all answered yet (nothing when they are)."""
    problems = []
    if consultation.status != C.OPEN:
        return ["只有已发布、未办结的征求意见可以办结。"]
    if today <= consultation.ends_on:
        problems.append("征求意见期尚未结束。")
    pending = consultation.comments.filter(moderation=M.PENDING).count()
    if pending:
        problems.append(f"还有{pending}条意见未审核。")
    undecided = consultation.groups.filter(disposition="").count()
    if undecided:
        problems.append(f"还有{undecided}组意见没有处理结果。")
    return problems


def _report_problems(consultation) -> list[str]:
    """Why the feedback report does not yet stand published for the dispositions as they are."""
    document = consultation.feedback_report
    if document is None or document.state == DocumentState.WITHDRAWN:
        return ["请先生成意见采纳情况，经审核发布后办结。"]
    if document.state != DocumentState.PUBLISHED:
        return ["意见采纳情况尚未通过审核发布。"]
    if publishing.open_revision(document) is not None:
        return ["意见采纳情况的新版本尚未通过审核发布。"]
    changed = consultation.groups.filter(disposed_at__gt=consultation.feedback_generated_at)
    if changed.exists():
        return ["意见采纳情况生成后又修改了处理结果，请重新生成并审核发布。"]
    return []


def closing_problems(consultation, today) -> list[str]:
    """Why `consultation` cannot be closed yet (nothing when it can)."""
    problems = answering_problems(consultation, today)
    if problems or consultation.status != C.OPEN:
        return problems
    return _report_problems(consultation)


def _report_revision(actor, consultation, content):
    """Write the report's content into a draft: a new document the first time (or after a
    withdrawal), the open draft again, or a new version of the published report."""
    document = consultation.feedback_report
    if document is None or document.state == DocumentState.WITHDRAWN:
        return publishing.create_draft(actor=actor, unit=consultation.unit, content=content)
    revision = publishing.open_revision(document)
    if revision is None:
        publishing.start_revision(
            actor=actor, document=document, change_note="处理结果调整，重新生成意见采纳情况"
        )
    elif revision.status != RevisionStatus.DRAFT:
        raise ValidationError("意见采纳情况已提交审核；如需重新生成，请先退回修改。")
    publishing.update_draft(actor=actor, document=document, content=content)
    return document


@transaction.atomic
def draft_feedback_report(*, actor, consultation, summary="", final_document=None):
    """Once every comment is answered, generate the feedback report (意见采纳情况) from the
    dispositions as a publishing document of its own kind, linked to the final document
    when there is one. It reaches the public through the ordinary review and publication,
    like any document; generating it again (after a disposition changed, or to name the
    final document) writes a new draft or a new version."""
    consultation = _locked(consultation)
    require(actor, consultation.unit, *DRAFTING_ROLES)
    problems = answering_problems(consultation, local_today())
    if problems:
        raise ValidationError("不能生成意见采纳情况：" + "".join(problems))
    if final_document is not None and (
        final_document.unit_id != consultation.unit_id
        or final_document.state == DocumentState.WITHDRAWN
    ):
        raise ValidationError({"final_document": "正式文件应为本单位未撤回的文件。"})
    summary = (summary or "").strip()
    content = report.content(consultation, summary=summary, final_document=final_document)
    try:
        document = _report_revision(actor, consultation, content)
    except publishing.WorkflowError as error:
        raise ValidationError(str(error)) from None
    consultation.feedback_report = document
    consultation.feedback_summary, consultation.final_document = summary, final_document
    consultation.feedback_generated_at = local_now()
    consultation.save(
        update_fields=[
            "feedback_report",
            "feedback_summary",
            "final_document",
            "feedback_generated_at",
        ]
    )
    stats = consultation.statistics()
    record(
        actor=actor,
        action="participation.feedback_report",
        target=consultation,
        data={
            "document": document.pk,
            "final_document": final_document.pk if final_document else None,
            "groups": stats["groups"],
            "adopted": stats["fully_adopted"],
            "partly_adopted": stats["partly_adopted"],
            "not_adopted": stats["not_adopted"],
        },
    )
    return document


@transaction.atomic
def close_consultation(*, actor, consultation) -> Consultation:
    """Closed only when every group has a disposition and the feedback report generated from
    them has been published through the publication gate."""
    consultation = _locked(consultation)
    require(actor, consultation.unit, *APPROVING_ROLES)
    _check(TRANSITIONS, "close_consultation", consultation.status, C.CLOSED, C)
    problems = closing_problems(consultation, local_today())
    if problems:
        raise ValidationError("不能办结：" + "".join(problems))
    consultation.status = C.CLOSED
    consultation.closed_at, consultation.closed_on = local_now(), local_today()
    consultation.save(update_fields=["status", "closed_at", "closed_on"])
    stats = consultation.statistics()
    record(
        actor=actor,
        action="participation.close",
        target=consultation,
        from_state=C.OPEN,
        to_state=C.CLOSED,
        data={
            "comments": stats["shown"],
            "groups": stats["groups"],
            "adopted": stats["adopted"],
            "feedback_report": consultation.feedback_report_id,
            "final_document": consultation.final_document_id,
        },
    )
    _pages_changed(consultation)
    return consultation


# ---------------------------------------------------------------- targeted consultation


@transaction.atomic
def add_stakeholder(*, actor, unit, field, name, kind, contact="") -> Stakeholder:
    """A representative enterprise, association or chamber joins the unit's list."""
    require(actor, unit, *DRAFTING_ROLES)
    field, name, contact = (field or "").strip(), (name or "").strip(), (contact or "").strip()
    problems = {}
    if not field:
        problems["field"] = "请填写领域。"
    if not name:
        problems["name"] = "请填写名称。"
    elif Stakeholder.objects.filter(unit=unit, name=name).exists():
        problems["name"] = "本单位的名单中已有这个名称。"
    if kind not in Stakeholder.Kind.values:
        problems["kind"] = "请选择类型。"
    if problems:
        raise ValidationError(problems)
    stakeholder = Stakeholder.objects.create(
        unit=unit, field=field[:60], name=name[:120], kind=kind, contact=contact
    )
    record(
        actor=actor,
        action="participation.stakeholder",
        target=stakeholder,
        data={"field": stakeholder.field, "kind": kind},
    )
    return stakeholder


@transaction.atomic
def invite_stakeholder(*, actor, consultation, stakeholder, method) -> Invitation:
    """Record that a representative was invited to comment on the draft, and how."""
    consultation = _locked(consultation)
    require(actor, consultation.unit, *DRAFTING_ROLES)
    if consultation.status == C.CLOSED:
        raise ValidationError("征求意见已办结。")
    if stakeholder.unit_id != consultation.unit_id or not stakeholder.is_active:
        raise ValidationError({"stakeholder": "请从本单位的企业和行业协会商会名单中选择。"})
    method = (method or "").strip()
    if not method:
        raise ValidationError({"method": "请填写邀请方式（如函件、座谈会、电话）。"})
    if Invitation.objects.filter(consultation=consultation, stakeholder=stakeholder).exists():
        raise ValidationError({"stakeholder": "已经邀请过。"})
    invitation = Invitation.objects.create(
        consultation=consultation,
        stakeholder=stakeholder,
        method=method[:60],
        invited_on=local_today(),
        invited_by=actor,
    )
    record(
        actor=actor,
        action="participation.invite",
        target=consultation,
        data={"stakeholder": stakeholder.name, "method": invitation.method},
    )
    return invitation


@transaction.atomic
def record_stakeholder_comment(*, actor, invitation, text, paragraph=None) -> Comment:
    """What an invited representative said, entered by staff; it is moderated and grouped
    like any comment."""
    invitation = Invitation.objects.select_related("consultation__unit", "stakeholder").get(
        pk=invitation.pk
    )
    consultation = _locked(invitation.consultation)
    require(actor, consultation.unit, *HANDLING_ROLES)
    if consultation.status != C.OPEN:
        raise ValidationError("只有已发布、未办结的征求意见可以登记意见。")
    text = (text or "").strip()
    problems = _comment_problems(consultation, text, paragraph)
    if problems:
        raise ValidationError(problems)
    _check(COMMENT_TRANSITIONS, "record_stakeholder_comment", None, M.PENDING, M)
    comment = Comment.objects.create(
        consultation=consultation,
        invitation=invitation,
        paragraph=paragraph,
        text=text,
        received_at=local_now(),
    )
    record(
        actor=actor,
        action="participation.stakeholder_comment",
        target=comment,
        to_state=M.PENDING,
        data={"stakeholder": invitation.stakeholder.name},
    )
    return comment
