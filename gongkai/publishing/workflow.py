"""The life of a published item: draft → submitted → reviewed → published (now or at a set
time) → revised (a new version through the same steps) → withdrawn.

This module is the only place that assigns `Revision.status` and `Document.state`. Every
function takes keyword arguments including `actor`, runs in one transaction, locks the
document row, writes an audit event and queues the search index in the same transaction.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Q

from gongkai.accounts import scoping
from gongkai.accounts.permissions import has_role, require, require_any_role
from gongkai.accounts.roles import Role
from gongkai.audit.models import AuditEvent
from gongkai.audit.services import changes, record
from gongkai.core import files
from gongkai.core.clock import CHINA, local_date, local_now, local_today
from gongkai.core.workflow import locked, move

from . import checks, docnumber, importing, inspection
from . import vocabularies as v
from .models import (
    OPEN_REVISION_STATUSES,
    Alert,
    AlertKind,
    Attachment,
    Column,
    Content,
    Document,
    DocumentLink,
    DocumentState,
    FindingOverride,
    ForbiddenExpression,
    Guide,
    IndexCounter,
    LinkKind,
    Revision,
    RevisionStatus,
    UrgentReview,
    Validity,
)
from .sanitize import clean_html, html_to_paragraphs, unsafe_parts
from .signals import document_changed

EDITING_ROLES = (Role.EDITOR, Role.UNIT_ADMIN)
REVIEWING_ROLES = (Role.REVIEWER,)
DEFAULT_INDEX_PATTERN = "{unit_code}/{year}-{sequence:05d}"
logger = logging.getLogger(__name__)

R = RevisionStatus
# A revision's steps, each to one status. Publication and supersession are in _publish_revision.
TRANSITIONS = {
    "submit": {(R.DRAFT, R.SUBMITTED)},
    "return": {(R.SUBMITTED, R.DRAFT), (R.REVIEWED, R.DRAFT), (R.SCHEDULED, R.DRAFT)},
    "review": {(R.SUBMITTED, R.REVIEWED)},
    "schedule": {(R.REVIEWED, R.SCHEDULED)},
    "publish": {(R.REVIEWED, R.PUBLISHED), (R.SCHEDULED, R.PUBLISHED)},
}


class WorkflowError(ValueError):
    """A step that cannot be taken now; the message is for the user."""


def _move(revision: Revision, action: str) -> tuple[str, str]:
    (target,) = {target for _source, target in TRANSITIONS[action]}
    try:
        before = move(revision, TRANSITIONS, action, target)
    except ValidationError as refused:
        raise WorkflowError(refused.messages[0]) from None
    return before, target


def _locked(document: Document) -> Document:
    return locked(Document, document.pk)


def open_revision(document: Document) -> Revision | None:
    return document.revisions.filter(status__in=OPEN_REVISION_STATUSES).first()


def _open_revision_locked(document: Document) -> Revision:
    revision = (
        Revision.objects.select_for_update()
        .filter(document=document, status__in=OPEN_REVISION_STATUSES)
        .first()
    )
    if revision is None:
        raise WorkflowError("该文件没有正在处理的版本。")
    return revision


def _announce(document_id: int, op: str, *, sitewide: bool = False) -> None:
    """Tell the copies of public content (search index, static pages) in this transaction."""
    document_changed.send(sender=Document, document_id=document_id, op=op, sitewide=sitewide)


# ---------------------------------------------------------------- content


def _clean_content(content: dict) -> dict:
    """Normalise an editor's content; raise WorkflowError for what must be refused."""
    data = dict(content)
    body = data.get("body_html") or ""
    problems = unsafe_parts(body)
    if problems:
        raise WorkflowError("正文含有不允许的内容：" + "、".join(problems) + "。请删除后再保存。")
    data["body_html"] = clean_html(body)
    data["body_text"] = "\n".join(p for p in html_to_paragraphs(data["body_html"]) if p)
    if data.get("doc_number"):
        try:
            data["doc_number"] = docnumber.normalise(
                data["doc_number"], date_written=data.get("date_written")
            ).value
        except docnumber.DocNumberError as exc:
            raise WorkflowError(str(exc)) from None
    effective, expiry = data.get("effective_date"), data.get("expiry_date")
    if effective and expiry and expiry < effective:
        raise WorkflowError("失效日期不能早于施行日期。")
    return {k: val for k, val in data.items() if k in Content.CONTENT_FIELDS}


def _content_of(obj) -> dict:
    return {name: getattr(obj, name) for name in Content.CONTENT_FIELDS}


def _require_linkable(unit, data: dict, links) -> None:
    """Links change their targets' validity: only where the law means them (see
    `scoping.linkable_documents`), never another unit's record."""
    targets = {link["target"] for link in links}
    if data.get("interprets_id"):
        targets.add(data["interprets_id"])
    allowed = set(
        scoping.linkable_documents(unit).filter(pk__in=targets).values_list("pk", flat=True)
    )
    if targets - allowed:
        raise WorkflowError(
            "不能关联其他单位的文件：只能修改、废止、替代或解读本单位的文件和本单位联合发布的"
            "文件；人民政府还可以是其所属部门的文件。"
        )


def create_draft(*, actor, unit, content: dict, co_issuer_ids=(), links=(), import_info=None):
    """A new document with its first revision as a draft."""
    require(actor, unit, *EDITING_ROLES)
    data = _clean_content(content)
    _require_linkable(unit, data, links)
    with transaction.atomic():
        document = Document.objects.create(unit=unit, created_by=actor, **data)
        revision = Revision.objects.create(
            document=document,
            number=1,
            author=actor,
            co_issuer_ids=list(co_issuer_ids),
            links=list(links),
            import_name=(import_info or {}).get("name", ""),
            import_hidden=(import_info or {}).get("hidden", []),
            **data,
        )
        record(actor=actor, action="publishing.create", target=document, to_state="draft")
        checks.run_checks(revision, today=local_today())
    return document


def update_draft(*, actor, document, content: dict, co_issuer_ids=(), links=()):
    require(actor, document.unit, *EDITING_ROLES)
    data = _clean_content(content)
    _require_linkable(document.unit, data, links)
    with transaction.atomic():
        document = _locked(document)
        revision = _open_revision_locked(document)
        if revision.status != RevisionStatus.DRAFT:
            raise WorkflowError("只能修改草稿；已提交的版本请先退回。")
        before = _content_of(revision)
        for name, value in data.items():
            setattr(revision, name, value)
        revision.co_issuer_ids = list(co_issuer_ids)
        revision.links = list(links)
        revision.save()
        if document.state == DocumentState.UNPUBLISHED:
            # The document's face mirrors the first draft so console listings show its title.
            Document.objects.filter(pk=document.pk).update(**data)
        record(
            actor=actor,
            action="publishing.edit",
            target=document,
            data={"revision": revision.number, "changes": changes(before, _content_of(revision))},
        )
        checks.run_checks(revision, today=local_today())
    return revision


def import_docx(*, actor, unit, data: bytes, filename: str):
    """Create a draft from a Word file; metadata proposals fill the draft for confirmation."""
    require(actor, unit, *EDITING_ROLES)
    try:
        imported = importing.import_docx(data, filename, max_bytes=settings.UPLOAD_MAX_BYTES)
    except (inspection.FileRejected, importing.ImportRejected) as exc:
        raise WorkflowError(str(exc)) from None
    content = {
        "title": imported.title[:300],
        "doc_number": imported.doc_number,
        "date_written": imported.date_written,
        "body_html": imported.body_html,
        "summary": "",
    }
    hidden = [
        {"kind": h.kind, "label": h.label, "location": h.location, "detail": h.detail}
        for h in imported.hidden
    ]
    document = create_draft(
        actor=actor,
        unit=unit,
        content=content,
        import_info={"name": filename[:200], "hidden": hidden},
    )
    return document, imported


# ---------------------------------------------------------------- attachments


def add_attachment(*, actor, document, data: bytes, filename: str) -> Attachment:
    require(actor, document.unit, *EDITING_ROLES)
    try:
        found = inspection.inspect(data, filename, max_bytes=settings.UPLOAD_MAX_BYTES)
    except inspection.FileRejected as exc:
        raise WorkflowError(str(exc)) from None
    with transaction.atomic():
        document = _locked(document)
        revision = _open_revision_locked(document)
        if revision.status != RevisionStatus.DRAFT:
            raise WorkflowError("只能在草稿中添加附件。")
        attachment = store_attachment(revision, data, filename, found)
        record(
            actor=actor,
            action="publishing.attach",
            target=document,
            data={"file": filename, "kind": found.kind, "size": len(data)},
        )
        checks.run_checks(revision, today=local_today())
    return attachment


def store_attachment(revision, data: bytes, filename: str, found, order=None) -> Attachment:
    # The file is written (once per digest) before the row: a rollback leaves only a file that
    # nothing refers to, which collect_orphan_files removes later.
    digest = files.store(data)
    return Attachment.objects.create(
        revision=revision,
        original_name=filename[:200],
        kind=found.kind,
        size=len(data),
        sha256=digest,
        text=found.text,
        segments=[[s.location, s.text] for s in found.segments],
        hidden=[
            {"kind": h.kind, "label": h.label, "location": h.location, "detail": h.detail}
            for h in found.hidden
        ],
        order=order if order is not None else revision.attachments.count(),
    )


def remove_attachment(*, actor, document, attachment_id: int) -> None:
    require(actor, document.unit, *EDITING_ROLES)
    with transaction.atomic():
        document = _locked(document)
        revision = _open_revision_locked(document)
        if revision.status != RevisionStatus.DRAFT:
            raise WorkflowError("只能在草稿中删除附件。")
        attachment = revision.attachments.filter(pk=attachment_id).first()
        if attachment is None:
            raise WorkflowError("附件不存在。")
        name = attachment.original_name
        attachment.delete()  # the file stays: earlier published versions may still use it
        record(actor=actor, action="publishing.detach", target=document, data={"file": name})
        checks.run_checks(revision, today=local_today())


# ---------------------------------------------------------------- review


def submit(*, actor, document) -> Revision:
    require(actor, document.unit, *EDITING_ROLES)
    with transaction.atomic():
        document = _locked(document)
        revision = _open_revision_locked(document)
        checks.run_checks(revision, today=local_today())
        blocking = checks.open_findings(revision)
        if blocking:
            listed = "；".join(f"{f.location}：{f.message}" for f in blocking[:5])
            more = f"等 {len(blocking)} 项" if len(blocking) > 5 else ""
            raise WorkflowError(
                f"检查发现问题尚未处理（{listed}{more}），请修改或由审核人说明理由后放行。"
            )
        before, after = _move(revision, "submit")
        revision.submitted_at = local_now()
        revision.save()
        record(
            actor=actor,
            action="publishing.submit",
            target=document,
            from_state=before,
            to_state=after,
            data={"revision": revision.number},
        )
    return revision


def return_to_draft(*, actor, document, reason: str) -> Revision:
    if not reason.strip():
        raise WorkflowError("退回须说明理由。")
    require(actor, document.unit, *REVIEWING_ROLES, *EDITING_ROLES)
    with transaction.atomic():
        document = _locked(document)
        revision = _open_revision_locked(document)
        before, after = _move(revision, "return")
        revision.reviewer, revision.reviewed_at, revision.scheduled_for = None, None, None
        revision.save()
        record(
            actor=actor,
            action="publishing.return",
            target=document,
            from_state=before,
            to_state=after,
            reason=reason,
        )
    return revision


# The steps whose authors may not review the version they shaped.
SHAPING_ACTIONS = (
    "publishing.create",
    "publishing.edit",
    "publishing.attach",
    "publishing.detach",
    "publishing.submit",
    "publishing.start_revision",
)


def _require_reviewer_not_author(actor, document, revision) -> None:
    require(actor, document.unit, *REVIEWING_ROLES)
    shaped = scoping.participants(document, SHAPING_ACTIONS, since=revision.created_at)
    if not scoping.is_independent(actor, {revision.author_id, *shaped}):
        raise PermissionDenied(
            "审核人不能审核自己起草、修改或提交的内容（包括通过本人的其他账号）。"
        )


def review(*, actor, document, confidentiality_result: str, disclosure_confirmed: bool) -> Revision:
    """The confidentiality review and disclosure-attribute check (Regulation Art. 17)."""
    if not disclosure_confirmed:
        raise WorkflowError("请确认公开属性。")
    if not confidentiality_result.strip():
        raise WorkflowError("请填写保密审查意见。")
    with transaction.atomic():
        document = _locked(document)
        revision = _open_revision_locked(document)
        _require_reviewer_not_author(actor, document, revision)
        before, after = _move(revision, "review")
        revision.reviewer, revision.reviewed_at = actor, local_now()
        revision.confidentiality_result = confidentiality_result.strip()[:300]
        revision.save()
        record(
            actor=actor,
            action="publishing.review",
            target=document,
            from_state=before,
            to_state=after,
            reason=revision.confidentiality_result,
            data={"revision": revision.number, "disclosure": revision.disclosure},
        )
    return revision


def override_finding(*, actor, document, fingerprint: str, reason: str) -> FindingOverride:
    if not reason.strip():
        raise WorkflowError("放行须说明理由。")
    with transaction.atomic():
        document = _locked(document)
        revision = _open_revision_locked(document)
        _require_reviewer_not_author(actor, document, revision)
        finding = revision.findings.filter(fingerprint=fingerprint).first()
        if finding is None:
            raise WorkflowError("该问题已不存在，请刷新页面。")
        override, _ = FindingOverride.objects.update_or_create(
            revision=revision,
            fingerprint=fingerprint,
            defaults={"reason": reason.strip(), "by": actor, "description": str(finding)[:520]},
        )
        record(
            actor=actor,
            action="publishing.override",
            target=document,
            reason=reason.strip(),
            data={"finding": str(finding), "kind": finding.kind},
        )
    return override


def publish(*, actor, document, at: datetime | None = None) -> Revision:
    """Publish the reviewed revision now, or schedule it for `at`."""
    with transaction.atomic():
        document = _locked(document)
        revision = _open_revision_locked(document)
        require(actor, document.unit, *REVIEWING_ROLES)
        now = local_now()
        if at is not None and at > now:
            # Refused now: once scheduled, nobody is there to read the message.
            _require_not_before_written(revision, local_date(at), "定时发布日期")
            before, after = _move(revision, "schedule")
            revision.scheduled_for = at
            revision.save()
            record(
                actor=actor,
                action="publishing.schedule",
                target=document,
                from_state=before,
                to_state=after,
                data={"at": at.isoformat(), "revision": revision.number},
            )
            return revision
        _publish_revision(document, revision, actor=actor, now=now)
    return revision


def _require_not_before_written(revision, day, what: str) -> None:
    if revision.date_written and revision.date_written > day:
        raise WorkflowError(
            f"{what}不能早于成文日期（成文日期为 {revision.date_written:%Y-%m-%d}，"
            f"{what}为 {day:%Y-%m-%d}）。"
        )


@dataclass
class DueResult:
    """What a run of the scheduler did: how many went out, and which could not (with why)."""

    published: int = 0
    failed: list[tuple[Document, str]] = field(default_factory=list)


def publish_due(*, now: datetime | None = None) -> DueResult:
    """Publish scheduled revisions whose time has come (run by the scheduler). One that
    cannot be published stays scheduled and is reported; the others still go out."""
    now = now or local_now()
    due = list(
        Revision.objects.filter(
            status=RevisionStatus.SCHEDULED, scheduled_for__lte=now
        ).values_list("document_id", flat=True)
    )
    result = DueResult()
    for document_id in due:
        try:
            with transaction.atomic():
                if _publish_scheduled(document_id, now):
                    result.published += 1
        except WorkflowError as exc:
            result.failed.append((_for_report(document_id), str(exc)))
        except Exception:
            # The scheduler must keep going for every other unit; the trace goes to the log.
            logger.exception("scheduled publication of document %s failed", document_id)
            result.failed.append((_for_report(document_id), "发布时发生系统错误。"))
    return result


def _for_report(document_id: int) -> Document:
    return Document.objects.select_related("unit").get(pk=document_id)


def _publish_scheduled(document_id: int, now: datetime) -> bool:
    document = Document.objects.select_for_update().get(pk=document_id)
    revision = _open_revision_locked(document)
    if revision.status != RevisionStatus.SCHEDULED:
        return False  # returned to draft since the list was read
    _publish_revision(
        document, revision, actor=_scheduler(document), now=now, scheduled=revision.scheduled_for
    )
    return True


def _scheduler(document):
    """The reviewer who set the time: a scheduled publication goes out on their authority.
    A return to draft clears the time, so the latest schedule event is the one in force."""
    event = (
        AuditEvent.objects.for_target(document)
        .filter(action="publishing.schedule")
        .select_related("actor")
        .order_by("-id")
        .first()
    )
    return event.actor if event else None


def allocate_index_number(unit, day) -> str:
    """The next index number of `unit` for the year of `day`; never handed out twice."""
    guide = Guide.objects.filter(unit=unit).only("index_pattern").first()
    pattern = guide.index_pattern if guide else DEFAULT_INDEX_PATTERN
    IndexCounter.objects.get_or_create(unit=unit, year=day.year)
    while True:
        counter = IndexCounter.objects.select_for_update().get(unit=unit, year=day.year)
        IndexCounter.objects.filter(pk=counter.pk).update(last=F("last") + 1)
        sequence = counter.last + 1
        number = pattern.format(
            unit_code=unit.index_code, year=day.year, month=f"{day.month:02d}", sequence=sequence
        )
        # A changed pattern could collide with an older number: skip, never reuse.
        if not Document.objects.filter(index_number=number).exists():
            return number


def _publish_revision(document, revision, *, actor, now, scheduled=None) -> None:
    """`scheduled` is the time a reviewer set, when the scheduler publishes on their behalf."""
    today = local_date(now)
    _require_not_before_written(revision, today, "发布日期")
    before, after = _move(revision, "publish")
    first = document.state == DocumentState.UNPUBLISHED
    if not document.index_number:
        document.index_number = allocate_index_number(document.unit, today)
    Revision.objects.filter(document=document, status=RevisionStatus.PUBLISHED).update(
        status=RevisionStatus.SUPERSEDED
    )
    for name, value in _content_of(revision).items():
        setattr(document, name, value)
    document.state = DocumentState.PUBLISHED
    document.version = revision.number
    document.published_at = now
    document.first_published_at = document.first_published_at or now
    document.validity = document.validity_on(today)
    document.save()
    document.co_issuers.set(revision.co_issuer_ids)
    revision.published_at, revision.published_by = now, actor
    revision.save()
    touched = _apply_links(document, revision.links, today)
    _resolve_interpretation_alert(document, today)
    data = {"revision": revision.number, "index_number": document.index_number}
    if scheduled:
        data.update(automatic=True, scheduled_for=scheduled.astimezone(CHINA).isoformat())
    record(
        actor=actor,
        action="publishing.publish" if first else "publishing.revise",
        target=document,
        from_state=before,
        to_state=after,
        reason="按预定时间自动发布" if scheduled else "",
        data=data,
    )
    for document_id in [document.pk, *touched]:
        _announce(document_id, "upsert")


def _apply_links(document, links: list, today) -> list[int]:
    """Record amends/repeals/replaces and update the targets' validity."""
    touched = []
    when = document.effective_date or today
    linkable = scoping.linkable_documents(document.unit).values("pk")
    for link in links:
        target = (
            Document.objects.select_for_update().filter(pk=link["target"], pk__in=linkable).first()
        )
        if target is None or target.pk == document.pk:
            continue
        DocumentLink.objects.update_or_create(
            source=document, target=target, defaults={"kind": link["kind"]}
        )
        if link["kind"] == LinkKind.AMENDS:
            target.amended_on = target.amended_on or when
        else:
            target.repealed_on = when
        target.validity = target.validity_on(today)
        target.save(update_fields=["amended_on", "repealed_on", "validity", "updated_at"])
        record(
            actor=None,
            action="publishing.validity",
            target=target,
            to_state=target.validity,
            data={"by": document.pk, "kind": link["kind"]},
        )
        touched.append(target.pk)
    return touched


def _resolve_interpretation_alert(document, today) -> None:
    if document.doc_type == v.INTERPRETATION and document.interprets_id:
        Alert.objects.filter(
            document_id=document.interprets_id,
            kind=AlertKind.NO_INTERPRETATION,
            resolved_on__isnull=True,
        ).update(resolved_on=today)


# ---------------------------------------------------------------- after publication


def start_revision(*, actor, document, change_note: str) -> Revision:
    """A new draft version of a published document, starting from its current content."""
    require(actor, document.unit, *EDITING_ROLES)
    if not change_note.strip():
        raise WorkflowError("请说明修订原因。")
    with transaction.atomic():
        document = _locked(document)
        if document.state != DocumentState.PUBLISHED:
            raise WorkflowError("只有已发布的文件可以修订。")
        if open_revision(document) is not None:
            raise WorkflowError("该文件已有正在处理的修订版本。")
        current = document.revisions.get(status=RevisionStatus.PUBLISHED)
        revision = Revision.objects.create(
            document=document,
            number=current.number + 1,
            author=actor,
            change_note=change_note.strip()[:300],
            co_issuer_ids=current.co_issuer_ids,
            **_content_of(current),
        )
        for att in current.attachments.all():
            Attachment.objects.create(
                revision=revision,
                original_name=att.original_name,
                kind=att.kind,
                size=att.size,
                sha256=att.sha256,
                text=att.text,
                segments=att.segments,
                hidden=att.hidden,
                order=att.order,
            )
        record(
            actor=actor,
            action="publishing.start_revision",
            target=document,
            reason=change_note.strip(),
            data={"revision": revision.number},
        )
        checks.run_checks(revision, today=local_today())
    return revision


def withdraw(*, actor, document, reason: str) -> Document:
    """Take a published item off the portal; its URL then says it was withdrawn."""
    if not reason.strip():
        raise WorkflowError("撤回须说明理由。")
    require(actor, document.unit, *REVIEWING_ROLES)
    with transaction.atomic():
        document = _locked(document)
        if document.state != DocumentState.PUBLISHED:
            raise WorkflowError("只有已发布的文件可以撤回。")
        Revision.objects.filter(document=document, status__in=OPEN_REVISION_STATUSES).update(
            status=RevisionStatus.SUPERSEDED
        )
        document.state = DocumentState.WITHDRAWN
        document.withdrawn_at = local_now()
        document.withdrawal_reason = reason.strip()
        document.save(update_fields=["state", "withdrawn_at", "withdrawal_reason", "updated_at"])
        record(
            actor=actor,
            action="publishing.withdraw",
            target=document,
            from_state="published",
            to_state="withdrawn",
            reason=reason.strip(),
        )
        _announce(document.pk, "delete")
    return document


# ---------------------------------------------------------------- urgent release

# The designated approvers of an urgent release: the unit's head of openness work, or the
# government's openness office.
URGENT_APPROVER_ROLES = (Role.BODY_HEAD, Role.OFFICE)


def publish_urgent(*, actor, document, reason: str) -> UrgentReview:
    """应急信息发布: a designated approver publishes a submitted revision at once, without the
    reviewer's step. The approval is audited; a reviewer of the unit owes a review after
    publication within `URGENT_REVIEW_HOURS`; until the mark is lifted the document is in a
    banner on every public page and first in the listings."""
    reason = reason.strip()
    if not reason:
        raise WorkflowError("应急发布须说明理由（如突发事件名称）。")
    with transaction.atomic():
        document = _locked(document)
        revision = _open_revision_locked(document)
        require(actor, document.unit, *URGENT_APPROVER_ROLES)
        shaped = scoping.participants(document, SHAPING_ACTIONS, since=revision.created_at)
        if not scoping.is_independent(actor, {revision.author_id, *shaped}):
            raise PermissionDenied(
                "批准人不能批准自己起草、修改或提交的内容（包括通过本人的其他账号）。"
            )
        if revision.status != RevisionStatus.SUBMITTED:
            raise WorkflowError("应急发布须先由录入人员提交（检查发现的问题须已处理）。")
        now = local_now()
        before, _ = _move(revision, "review")
        revision.reviewer, revision.reviewed_at = actor, now
        revision.confidentiality_result = f"应急发布，待事后复核：{reason}"[:300]
        revision.save()
        record(
            actor=actor,
            action="publishing.urgent_approve",
            target=document,
            from_state=before,
            to_state=RevisionStatus.PUBLISHED,
            reason=reason,
            data={"revision": revision.number},
        )
        document.urgent_since, document.urgent_lifted_at = now, None
        _publish_revision(document, revision, actor=actor, now=now)
        due = now + timedelta(hours=settings.URGENT_REVIEW_HOURS)
        review = UrgentReview.objects.create(
            document=document, approved_by=actor, approved_at=now, reason=reason, due_at=due
        )
        _announce(document.pk, "upsert", sitewide=True)
    return review


def lift_urgent(*, actor, document) -> Document:
    """Take the urgent mark off: the banner goes from every page, listings order normally."""
    with transaction.atomic():
        document = _locked(document)
        require(actor, document.unit, *URGENT_APPROVER_ROLES)
        if not document.is_urgent:
            raise WorkflowError("该信息没有应急标识。")
        document.urgent_lifted_at = local_now()
        document.save(update_fields=["urgent_lifted_at", "updated_at"])
        record(actor=actor, action="publishing.urgent_lift", target=document)
        _announce(document.pk, "upsert", sitewide=True)
    return document


def close_urgent_review(*, actor, review: UrgentReview, conclusion: str) -> UrgentReview:
    """The review after an urgent release, by a reviewer of the unit other than the approver.
    If the review finds the document must not stay public, the reviewer withdraws it."""
    conclusion = conclusion.strip()
    if not conclusion:
        raise WorkflowError("请填写复核意见。")
    with transaction.atomic():
        review = locked(UrgentReview, review.pk, "document")
        require(actor, review.document.unit, *REVIEWING_ROLES)
        if review.closed_at:
            raise WorkflowError("该复核已完成。")
        # Neither the approver nor whoever shaped the released version, by any account.
        revision = review.document.revisions.filter(reviewed_at=review.approved_at).first()
        since = revision.created_at if revision else review.approved_at
        shaped = scoping.participants(review.document, SHAPING_ACTIONS, since=since)
        authors = {review.approved_by_id, *shaped, revision.author_id if revision else None}
        if not scoping.is_independent(actor, authors):
            raise WorkflowError(
                "事后复核须由批准人和起草人以外的审核人员完成（包括本人的其他账号）。"
            )
        review.closed_at, review.closed_by, review.conclusion = local_now(), actor, conclusion
        review.save()
        record(
            actor=actor,
            action="publishing.urgent_review",
            target=review.document,
            reason=conclusion,
            data={"due_at": review.due_at.isoformat(), "late": review.closed_at > review.due_at},
        )
    return review


def open_urgent_reviews(units):
    return UrgentReview.objects.filter(closed_at__isnull=True, document__unit__in=units)


def can_edit(user, document) -> bool:
    return has_role(user, document.unit, *EDITING_ROLES)


def can_review(user, document) -> bool:
    return has_role(user, document.unit, *REVIEWING_ROLES)


def save_guide(*, actor, unit, data: dict) -> Guide:
    """The unit's guide (指南); kept by its unit administrator."""
    require(actor, unit, Role.UNIT_ADMIN)
    with transaction.atomic():
        guide = Guide.objects.select_for_update().filter(unit=unit).first()
        before = {k: getattr(guide, k) for k in data} if guide else {}
        guide = guide or Guide(unit=unit)
        for name, value in data.items():
            setattr(guide, name, value)
        guide.save()
        record(
            actor=actor,
            action="publishing.guide",
            target=unit,
            data={"changes": changes(before, data)},
        )
    return guide


# ---------------------------------------------------------------- daily housekeeping

EXPIRY_NOTICE_DAYS = 30
INTERPRETATION_GRACE_WORKING_DAYS = 3


def _calendar():
    try:
        from gongkai.workdays.services import current_calendar
    except ImportError:  # pragma: no cover - workdays is always installed with publishing
        from gongkai.workdays.calendar import Calendar

        return Calendar()
    return current_calendar()


def _interpretation_deadline(published_on, calendar=None):
    """The last day an interpretation may follow its policy (3 working days)."""
    from gongkai.workdays.calendar import add_working_days

    calendar = calendar or _calendar()
    return add_working_days(calendar, published_on, INTERPRETATION_GRACE_WORKING_DAYS)


def update_validity(*, today) -> int:
    """Move 规章, normative documents and contingency plans to the validity their dates give
    today (a date passed)."""
    changed = 0
    binding = Q(is_normative=True) | Q(is_rule=True) | Q(is_contingency_plan=True)
    for document in Document.objects.filter(binding, state=DocumentState.PUBLISHED):
        validity = document.validity_on(today)
        if validity == document.validity:
            continue
        with transaction.atomic():
            locked = _locked(document)
            before, locked.validity = locked.validity, validity
            locked.save(update_fields=["validity", "updated_at"])
            record(
                actor=None,
                action="publishing.validity",
                target=locked,
                from_state=before,
                to_state=validity,
                data={"on": today.isoformat()},
            )
            _announce(locked.pk, "upsert")
        changed += 1
    return changed


def raise_alerts(*, today) -> list[Alert]:
    """Remind units of normative documents about to expire, and flag policies that still
    have no interpretation after the grace period. A fixed number of queries whatever the
    number of documents, plus two rows (the alert and its audit event) per new alert."""
    from datetime import timedelta

    raised = []
    already = set(Alert.objects.values_list("document_id", "kind"))
    expiring = (
        Document.objects.published()
        .filter(
            Q(is_normative=True) | Q(is_rule=True) | Q(is_contingency_plan=True),
            expiry_date__gte=today,
            expiry_date__lte=today + timedelta(days=EXPIRY_NOTICE_DAYS),
        )
        .select_related("unit")
    )
    for d in expiring:
        if (d.pk, AlertKind.EXPIRY_SOON) in already:
            continue
        message = f"《{d.title}》将于 {d.expiry_date:%Y-%m-%d} 失效，请评估是否延续、修改或废止。"
        raised += _raise(d, AlertKind.EXPIRY_SOON, message, today)
    waiting = (
        Document.objects.published()
        .filter(needs_interpretation=True)
        .exclude(validity__in=(Validity.REPEALED, Validity.EXPIRED))
        .exclude(
            pk__in=Document.objects.published()
            .filter(interprets__isnull=False)
            .values("interprets_id")
        )
        .select_related("unit")
    )
    calendar = None  # read once, and only if some policy waits
    for d in waiting:
        if (d.pk, AlertKind.NO_INTERPRETATION) in already:
            continue
        calendar = calendar or _calendar()
        due = _interpretation_deadline(local_date(d.first_published_at), calendar)
        if today > due:
            days = INTERPRETATION_GRACE_WORKING_DAYS
            message = f"《{d.title}》发布已超过 {days} 个工作日，尚未发布政策解读。"
            raised += _raise(d, AlertKind.NO_INTERPRETATION, message, today)
    return raised


def _raise(document, kind, message, today) -> list[Alert]:
    alert, created = Alert.objects.get_or_create(
        document=document,
        kind=kind,
        defaults={"unit": document.unit, "message": message[:300], "raised_on": today},
    )
    if created:
        record(actor=None, action=f"publishing.alert.{kind}", target=document, reason=message)
    return [alert] if created else []


def add_column(*, actor, unit, name: str, slug: str, statutory_category: str = "") -> Column:
    """A column of the unit's own under 法定主动公开内容; kept by its unit administrator."""
    require(actor, unit, Role.UNIT_ADMIN)
    with transaction.atomic():
        if Column.objects.filter(unit=unit, slug=slug).exists():
            raise WorkflowError(f"栏目代码“{slug}”已被使用。")
        order = Column.objects.filter(unit=unit).count()
        column = Column.objects.create(
            unit=unit, name=name, slug=slug, order=order, statutory_category=statutory_category
        )
        record(actor=actor, action="publishing.column.add", target=unit, data={"column": name})
    return column


def save_expression(
    *, actor, phrase: str, suggestion: str = "", note: str = "", is_active: bool = True
) -> ForbiddenExpression:
    """Add or change an entry of the forbidden and commonly mistaken expressions (the
    openness office keeps the list for its whole government)."""
    require_any_role(actor, Role.OFFICE)
    phrase = phrase.strip()
    if not phrase:
        raise WorkflowError("请填写用语。")
    with transaction.atomic():
        expression, created = ForbiddenExpression.objects.select_for_update().update_or_create(
            phrase=phrase,
            defaults={
                "suggestion": suggestion.strip(),
                "note": note.strip(),
                "is_active": is_active,
            },
        )
        record(
            actor=actor,
            action="publishing.expression",
            target=expression,
            data={"created": created, "active": is_active, "suggestion": expression.suggestion},
        )
    return expression
