"""Staff console for proactive disclosure. Each view validates a form, calls one workflow
function and renders or redirects; permissions are enforced in the workflow."""

import functools

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from gongkai.accounts import scoping
from gongkai.accounts.permissions import (
    has_any_role,
    has_role,
    require,
    require_any_role,
)
from gongkai.accounts.roles import Role
from gongkai.audit.models import AuditEvent
from gongkai.console.decorators import staff_required
from gongkai.units.models import Unit

from . import checks, workflow
from .forms import (
    AttachmentForm,
    ColumnForm,
    ExpressionForm,
    GuideForm,
    ImportForm,
    OverrideForm,
    PublishForm,
    ReasonForm,
    ReviewForm,
    RevisionForm,
    UnitChoiceForm,
)
from .inspection import CONTENT_TYPES
from .models import (
    Column,
    Document,
    ForbiddenExpression,
    Guide,
    RevisionStatus,
    UrgentReview,
)
from .workflow import EDITING_ROLES, WorkflowError

STATUS_FILTERS = (
    [("", "全部")]
    + list(RevisionStatus.choices[:4])
    + [("published", "已发布"), ("withdrawn", "已撤回")]
)


def _document(request, pk) -> Document:
    """A document of one of the user's units; any other is simply not found."""
    document = scoping.documents(request.user).filter(pk=pk).select_related("unit").first()
    if document is None:
        raise Http404("没有这条信息，或您无权查看。")
    return document


def _back(pk):
    return redirect("console-publishing:detail", pk=pk)


def workflow_action(view):
    """POST-only action: WorkflowError becomes a message, PermissionDenied a 403."""

    @staff_required
    @require_POST
    @functools.wraps(view)
    def wrapper(request, pk, *args, **kwargs):
        document = _document(request, pk)
        try:
            view(request, document, *args, **kwargs)
        except WorkflowError as exc:
            messages.error(request, str(exc))
        return _back(document.pk)

    return wrapper


@staff_required
def document_list(request):
    open_status = (
        scoping.revisions(request.user)
        .filter(document=OuterRef("pk"), status__in=workflow.OPEN_REVISION_STATUSES)
        .values("status")[:1]
    )
    query = (
        scoping.documents(request.user)
        .select_related("unit")
        .annotate(open_status=Subquery(open_status))
        .order_by("-updated_at", "-id")
    )
    status = request.GET.get("status", "")
    if status in ("published", "withdrawn"):
        query = query.filter(state=status)
    elif status:
        query = query.filter(open_status=status)
    page = Paginator(query, 30).get_page(request.GET.get("page"))
    labels = dict(RevisionStatus.choices)
    for document in page:
        document.open_status_label = labels.get(document.open_status, "")
    alerts = (
        scoping.alerts(request.user).filter(resolved_on__isnull=True).select_related("document")
    )[:20]
    return render(
        request,
        "publishing/console/list.html",
        {
            "page": page,
            "status": status,
            "statuses": STATUS_FILTERS,
            "alerts": alerts,
            "guide_units": scoping.work_units(request.user, Role.UNIT_ADMIN),
            "keeps_expressions": has_any_role(request.user, Role.OFFICE),
        },
    )


def _editable_units(user):
    units = scoping.work_units(user, *EDITING_ROLES)
    if not units.exists():
        raise PermissionDenied("只有录入人员可以新建信息。")
    return units


@staff_required
def document_new(request):
    units = _editable_units(request.user)
    chooser = UnitChoiceForm(request.POST or request.GET or None, units=units)
    unit = chooser.cleaned_data["unit"] if chooser.is_valid() else units.first()
    form = RevisionForm(request.POST or None, unit=unit)
    if request.method == "POST" and chooser.is_valid() and form.is_valid():
        try:
            document = workflow.create_draft(
                actor=request.user,
                unit=unit,
                content=form.content(),
                co_issuer_ids=form.co_issuer_ids(),
                links=form.links(),
            )
        except WorkflowError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "草稿已保存。")
            _report_doc_number_corrections(request, form)
            return _back(document.pk)
    return render(
        request, "publishing/console/edit.html", {"form": form, "chooser": chooser, "unit": unit}
    )


def _report_doc_number_corrections(request, form) -> None:
    for warning in form.doc_number_warnings():
        messages.warning(request, warning)


@staff_required
def document_import(request):
    units = _editable_units(request.user)
    form = ImportForm(request.POST or None, request.FILES or None, units=units)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            document, imported = workflow.import_docx(
                actor=request.user,
                unit=form.cleaned_data["unit"],
                data=upload.read(),
                filename=upload.name,
            )
        except WorkflowError as exc:
            form.add_error("file", str(exc))
        else:
            for warning in imported.doc_number_warnings:
                messages.warning(request, warning)
            if imported.issuing_unit and imported.issuing_unit != document.unit.full_name:
                messages.warning(
                    request, f"文中的发文机关为“{imported.issuing_unit}”，请核对发布单位。"
                )
            messages.success(
                request, "已从 Word 文档导入草稿，请核对自动识别的文号、标题和成文日期。"
            )
            return redirect("console-publishing:edit", pk=document.pk)
    return render(request, "publishing/console/import.html", {"form": form})


@staff_required
def document_detail(request, pk):
    document = _document(request, pk)
    revision = (
        workflow.open_revision(document)
        or document.revisions.filter(status=RevisionStatus.PUBLISHED).first()
    )
    findings, overridden = [], {}
    if revision is not None:
        findings = list(revision.findings.all())
        overridden = {o.fingerprint: o for o in revision.overrides.select_related("by")}
    for finding in findings:
        finding.override = overridden.get(finding.fingerprint)
    events = AuditEvent.objects.for_target(document).select_related("actor")[:50]
    return render(
        request,
        "publishing/console/detail.html",
        {
            "document": document,
            "revision": revision,
            "findings": findings,
            "blocking": revision is not None and bool(checks.open_findings(revision)),
            "attachments": revision.attachments.all() if revision else [],
            "events": events,
            "can_edit": workflow.can_edit(request.user, document),
            "can_review": workflow.can_review(request.user, document),
            "can_approve_urgent": has_role(
                request.user, document.unit, *workflow.URGENT_APPROVER_ROLES
            ),
            "urgent_reviews": document.urgent_reviews.select_related("approved_by", "closed_by"),
            "urgent_review_hours": settings.URGENT_REVIEW_HOURS,
            "is_author": revision is not None and revision.author_id == request.user.pk,
            "review_form": ReviewForm(),
            "publish_form": PublishForm(),
            "reason_form": ReasonForm(),
            "attachment_form": AttachmentForm(),
        },
    )


@staff_required
def document_edit(request, pk):
    document = _document(request, pk)
    revision = workflow.open_revision(document)
    if revision is None or revision.status != RevisionStatus.DRAFT:
        messages.error(request, "只能修改草稿。")
        return _back(pk)
    require(request.user, document.unit, *EDITING_ROLES)
    form = RevisionForm(
        request.POST or None, unit=document.unit, initial=RevisionForm.initial_from(revision)
    )
    if request.method == "POST" and form.is_valid():
        try:
            workflow.update_draft(
                actor=request.user,
                document=document,
                content=form.content(),
                co_issuer_ids=form.co_issuer_ids(),
                links=form.links(),
            )
        except WorkflowError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "草稿已保存，检查结果已更新。")
            _report_doc_number_corrections(request, form)
            return _back(pk)
    return render(
        request,
        "publishing/console/edit.html",
        {
            "form": form,
            "document": document,
            "revision": revision,
            "unit": document.unit,
        },
    )


@workflow_action
def attachment_add(request, document):
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        raise WorkflowError("；".join(e for errors in form.errors.values() for e in errors))
    upload = form.cleaned_data["file"]
    workflow.add_attachment(
        actor=request.user, document=document, data=upload.read(), filename=upload.name
    )
    messages.success(request, f"已添加附件“{upload.name}”。")


@staff_required
@require_GET
def attachment_view(request, pk, attachment_id):
    """An attachment of any revision of a document the user's units hold, so the reviewer
    opens exactly the files being approved."""
    document = _document(request, pk)
    revision = document.revisions.filter(attachments__pk=attachment_id).first()
    if revision is None:
        raise Http404("没有这个附件")
    attachment = revision.attachments.only("sha256", "original_name", "kind").get(pk=attachment_id)
    try:
        handle = attachment.open()
    except FileNotFoundError:
        raise Http404("附件文件缺失") from None
    response = FileResponse(handle, as_attachment=True, filename=attachment.original_name)
    response["Content-Type"] = CONTENT_TYPES.get(attachment.kind, "application/octet-stream")
    response["Cache-Control"] = "private, no-store"
    return response


@workflow_action
def attachment_remove(request, document, attachment_id):
    workflow.remove_attachment(actor=request.user, document=document, attachment_id=attachment_id)
    messages.success(request, "附件已删除。")


@workflow_action
def submit(request, document):
    workflow.submit(actor=request.user, document=document)
    messages.success(request, "已提交审核。")


def _reason(request) -> str:
    form = ReasonForm(request.POST)
    return form.cleaned_data["reason"] if form.is_valid() else ""


@workflow_action
def return_to_draft(request, document):
    workflow.return_to_draft(actor=request.user, document=document, reason=_reason(request))
    messages.success(request, "已退回修改。")


@workflow_action
def review(request, document):
    form = ReviewForm(request.POST)
    if not form.is_valid():
        raise WorkflowError("请填写保密审查意见并确认公开属性。")
    workflow.review(actor=request.user, document=document, **form.cleaned_data)
    messages.success(request, "审核通过。")


@workflow_action
def override(request, document):
    form = OverrideForm(request.POST)
    if not form.is_valid():
        raise WorkflowError("放行须说明理由。")
    workflow.override_finding(actor=request.user, document=document, **form.cleaned_data)
    messages.success(request, "已记录放行理由。")


@workflow_action
def publish(request, document):
    form = PublishForm(request.POST)
    if not form.is_valid():
        raise WorkflowError("定时发布时间格式不正确。")
    at = form.cleaned_data.get("scheduled_for")
    revision = workflow.publish(actor=request.user, document=document, at=at)
    if revision.status == RevisionStatus.SCHEDULED:
        messages.success(request, f"已设定于 {at:%Y-%m-%d %H:%M} 发布。")
    else:
        messages.success(request, "已发布。")


@workflow_action
def start_revision(request, document):
    workflow.start_revision(actor=request.user, document=document, change_note=_reason(request))
    messages.success(request, "已创建修订草稿。")


@workflow_action
def withdraw(request, document):
    workflow.withdraw(actor=request.user, document=document, reason=_reason(request))
    messages.success(request, "已撤回。")


@workflow_action
def publish_urgent(request, document):
    workflow.publish_urgent(actor=request.user, document=document, reason=_reason(request))
    messages.success(request, "已应急发布：全站页面显示应急信息横幅，请审核人按时完成事后复核。")


@workflow_action
def lift_urgent(request, document):
    workflow.lift_urgent(actor=request.user, document=document)
    messages.success(request, "已解除应急标识。")


@workflow_action
def close_urgent_review(request, document, review_id):
    review = get_object_or_404(UrgentReview, pk=review_id, document=document)
    conclusion = request.POST.get("conclusion", "")[:500]
    workflow.close_urgent_review(actor=request.user, review=review, conclusion=conclusion)
    messages.success(request, "已完成事后复核。")


@staff_required
def guide_edit(request, code):
    unit = get_object_or_404(Unit, code=code)
    require(request.user, unit, Role.UNIT_ADMIN)
    guide = Guide.objects.filter(unit=unit).first()
    form = GuideForm(request.POST or None, instance=guide)
    if request.method == "POST" and form.is_valid():
        workflow.save_guide(actor=request.user, unit=unit, data=form.cleaned_data)
        messages.success(request, "公开指南已更新。")
        return redirect("console-publishing:guide", code=unit.code)
    return render(request, "publishing/console/guide.html", {"form": form, "unit": unit})


@staff_required
def columns(request, code):
    unit = get_object_or_404(Unit, code=code)
    require(request.user, unit, Role.UNIT_ADMIN)
    form = ColumnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.add_column(actor=request.user, unit=unit, **form.cleaned_data)
        except WorkflowError as exc:
            form.add_error("slug", str(exc))
        else:
            messages.success(request, "栏目已添加。")
            return redirect("console-publishing:columns", code=unit.code)
    return render(
        request,
        "publishing/console/columns.html",
        {
            "unit": unit,
            "form": form,
            "columns": Column.objects.filter(unit=unit),
        },
    )


@staff_required
def expressions(request):
    require_any_role(request.user, Role.OFFICE)
    form = ExpressionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        workflow.save_expression(actor=request.user, **form.cleaned_data)
        messages.success(request, "用语表已更新。")
        return redirect("console-publishing:expressions")
    return render(
        request,
        "publishing/console/expressions.html",
        {
            "form": form,
            "expressions": ForbiddenExpression.objects.all(),
        },
    )
