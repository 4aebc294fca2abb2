"""Rectification (整改), one named function per state change.

Each function takes keyword arguments including ``actor``, checks the actor's role on the
unit, checks the transition against ``TRANSITIONS`` (the only place that says which status may
follow which), changes the row in one transaction with it locked, and writes the audit event.
Invalid input raises ``ValidationError`` with a Chinese message and changes nothing; a wrong
role raises ``PermissionDenied``."""

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.accounts.permissions import require
from gongkai.accounts.roles import Role
from gongkai.audit.services import record
from gongkai.core.clock import local_today
from gongkai.core.workflow import check, locked

from .models import Finding, Rectification, RectificationStatus

S = RectificationStatus
TRANSITIONS = {
    "assign_rectification": {(None, S.OPEN)},
    "submit_rectification": {(S.OPEN, S.SUBMITTED)},
    "return_rectification": {(S.SUBMITTED, S.OPEN)},
    "close_rectification": {(S.SUBMITTED, S.CLOSED)},
}
# The unit answers for its rectification: those who run its openness work report on it.
UNIT_ROLES = (Role.UNIT_ADMIN, Role.BODY_HEAD, Role.EDITOR)


def _check(action, before, after):
    check(TRANSITIONS, action, before, after, S(before).label if before else None)


def _locked(task):
    return locked(Rectification, task.pk)


@transaction.atomic
def assign_rectification(*, actor, finding: Finding, deadline, requirement=""):
    """The office turns a finding into a task for its unit. A problem rectified before that
    came back is flagged as a repeat (举一反三)."""
    require(actor, finding.unit, Role.OFFICE)
    _check("assign_rectification", None, S.OPEN)
    today = local_today()
    if deadline is None or deadline < today:
        raise ValidationError({"deadline": "整改期限不能早于今天。"})
    if (
        Rectification.objects.filter(
            unit=finding.unit, indicator=finding.indicator, key=finding.key
        )
        .exclude(status=S.CLOSED)
        .exists()
    ):
        raise ValidationError("该问题已有未销号的整改任务。")
    repeat = Rectification.objects.filter(
        unit=finding.unit, indicator=finding.indicator, key=finding.key, status=S.CLOSED
    ).exists()
    task = Rectification.objects.create(
        unit=finding.unit,
        indicator=finding.indicator,
        key=finding.key,
        subject=finding.subject,
        requirement=requirement.strip(),
        deadline=deadline,
        repeat=repeat or finding.repeat,
        created_by=actor,
        created_on=today,
    )
    record(
        actor=actor,
        action="assign_rectification",
        target=task,
        to_state=task.status,
        data={"deadline": deadline.isoformat(), "repeat": task.repeat, "finding": finding.pk},
    )
    return task


@transaction.atomic
def submit_rectification(*, actor, task: Rectification, evidence, evidence_url=""):
    """The unit reports what it did, with evidence (a description and, if any, a link)."""
    task = _locked(task)
    require(actor, task.unit, *UNIT_ROLES)
    _check("submit_rectification", task.status, S.SUBMITTED)
    if not (evidence or "").strip():
        raise ValidationError({"evidence": "请填写整改情况和佐证材料说明。"})
    if evidence_url and not evidence_url.startswith(("https://", "http://", "/")):
        raise ValidationError({"evidence_url": "佐证链接应以 http://、https:// 或 / 开头。"})
    before = task.status
    task.status = S.SUBMITTED
    task.evidence = evidence.strip()
    task.evidence_url = evidence_url.strip()
    task.submitted_on = local_today()
    task.save()
    record(
        actor=actor,
        action="submit_rectification",
        target=task,
        from_state=before,
        to_state=task.status,
        data={"evidence_url": task.evidence_url},
    )
    return task


@transaction.atomic
def return_rectification(*, actor, task: Rectification, reason):
    """The office finds the rectification not done and sends it back, saying why."""
    task = _locked(task)
    require(actor, task.unit, Role.OFFICE)
    _check("return_rectification", task.status, S.OPEN)
    if not (reason or "").strip():
        raise ValidationError({"reason": "退回整改须说明理由。"})
    before = task.status
    task.status = S.OPEN
    task.review_note = reason.strip()
    task.save()
    record(
        actor=actor,
        action="return_rectification",
        target=task,
        from_state=before,
        to_state=task.status,
        reason=task.review_note,
    )
    return task


@transaction.atomic
def close_rectification(*, actor, task: Rectification, note=""):
    """The office accepts the evidence and closes the task (销号)."""
    task = _locked(task)
    require(actor, task.unit, Role.OFFICE)
    _check("close_rectification", task.status, S.CLOSED)
    before = task.status
    task.status = S.CLOSED
    task.review_note = (note or "").strip()
    task.closed_on = local_today()
    task.save()
    record(
        actor=actor,
        action="close_rectification",
        target=task,
        from_state=before,
        to_state=task.status,
        reason=task.review_note,
    )
    return task
