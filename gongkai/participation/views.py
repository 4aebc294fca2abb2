"""The public pages of consultations (list, the draft with its comments and the feedback
report, the comment form) and the console's pages for drafting, moderating, answering and
closing them. Views validate a form, call one workflow function and render."""

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.accounts import scoping
from gongkai.accounts.permissions import has_role
from gongkai.accounts.roles import Role
from gongkai.console.actions import form_errors
from gongkai.console.decorators import staff_required
from gongkai.core import files, throttle
from gongkai.core.clock import local_today
from gongkai.core.forms import apply_errors
from gongkai.decisions.models import Decision as MajorDecision
from gongkai.publishing import workflow as publishing
from gongkai.publishing.models import Document

from . import workflow
from .forms import (
    AttachmentForm,
    CommentForm,
    ConsultationForm,
    DispositionForm,
    FeedbackReportForm,
    HideForm,
    InviteForm,
    StakeholderCommentForm,
    StakeholderForm,
)
from .models import Consultation, ConsultationStatus, Moderation, statistics

# A person writes a few comments an hour; more from one address is a script. No CAPTCHA.
THROTTLE = throttle.Limit("consultation-comment", 10, 60 * 60)
THROTTLED = "提交过于频繁，请一小时后再试。"


def _published():
    return Consultation.objects.published().select_related("unit")


# ---------------------------------------------------------------- public


def public_list(request):
    consultations = list(_published())
    today = local_today()
    found = statistics(consultations)
    for c in consultations:
        c.stats = found[c.pk]
    return render(
        request,
        "participation/list.html",
        {
            "open": [c for c in consultations if c.accepts_comments(today)],
            "processing": [
                c
                for c in consultations
                if c.status == ConsultationStatus.OPEN and not c.accepts_comments(today)
            ],
            "closed": [c for c in consultations if c.status == ConsultationStatus.CLOSED],
        },
    )


def public_detail(request, pk):
    consultation = get_object_or_404(_published(), pk=pk)
    groups = list(
        consultation.groups.filter(comments__moderation=Moderation.SHOWN)
        .distinct()
        .prefetch_related("comments")
    )
    for group in groups:
        group.shown = [c for c in group.comments.all() if c.moderation == Moderation.SHOWN]
    # The final document and the feedback report show once the public may read them.
    final = Document.objects.published().filter(pk=consultation.final_document_id).first()
    report = Document.objects.published().filter(pk=consultation.feedback_report_id).first()
    decision = MajorDecision.objects.published().filter(pk=consultation.decision_id).first()
    return render(
        request,
        "participation/detail.html",
        {
            "consultation": consultation,
            "paragraphs": list(enumerate(consultation.paragraphs(), 1)),
            "accepting": consultation.accepts_comments(local_today()),
            "groups": groups,
            "stats": consultation.statistics(),
            "final_document": final,
            "feedback_report": report,
            "decision": decision,
        },
    )


def comment(request, pk):
    consultation = get_object_or_404(_published(), pk=pk)
    if not consultation.accepts_comments(local_today()):
        return render(request, "participation/comment_closed.html", {"consultation": consultation})
    paragraphs = consultation.paragraphs()
    if request.method == "POST":
        form = CommentForm(paragraphs, request.POST)
        if not throttle.take(THROTTLE, throttle.client_address(request)):
            form.add_error(None, THROTTLED)
        elif form.is_valid():
            try:
                workflow.submit_comment(consultation=consultation, **form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                return redirect("participation:thanks", pk=consultation.pk)
    else:
        initial = {}
        if request.GET.get("paragraph", "").isdigit():
            initial["paragraph"] = request.GET["paragraph"]
        form = CommentForm(paragraphs, initial=initial)
    return render(
        request, "participation/comment.html", {"consultation": consultation, "form": form}
    )


def thanks(request, pk):
    consultation = get_object_or_404(_published(), pk=pk)
    return render(request, "participation/thanks.html", {"consultation": consultation})


def attachment(request, pk, attachment_pk):
    consultation = get_object_or_404(_published(), pk=pk)
    found = get_object_or_404(consultation.attachments, pk=attachment_pk)
    if not files.exists(found.digest):
        raise Http404("附件文件缺失。")
    return FileResponse(
        files.open_file(found.digest),
        as_attachment=True,
        filename=found.filename,
        content_type="application/octet-stream",
    )


# ---------------------------------------------------------------- console


@staff_required
def console_list(request):
    consultations = list(
        scoping.consultations(request.user)
        .select_related("unit")
        .order_by("-starts_on", "-id")[:200]
    )
    found = statistics(consultations)
    for c in consultations:
        c.stats = found[c.pk]
    return render(
        request,
        "participation/console_list.html",
        {
            "consultations": consultations,
            "editor_units": scoping.work_units(request.user, Role.EDITOR).filter(is_active=True),
        },
    )


@staff_required
def create(request, unit_pk):
    unit = get_object_or_404(scoping.work_units(request.user, Role.EDITOR), pk=unit_pk)
    decisions = scoping.major_decisions(request.user).filter(unit=unit)
    form = ConsultationForm(decisions, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            consultation = workflow.create_consultation(
                actor=request.user, unit=unit, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            flash.success(request, "已起草，添加附件后请审核人员发布。")
            return redirect("console-participation:detail", pk=consultation.pk)
    return render(request, "participation/create.html", {"form": form, "unit": unit})


def _consultation(user, pk):
    return get_object_or_404(scoping.consultations(user).select_related("unit"), pk=pk)


@staff_required
def console_detail(request, pk):
    consultation = _consultation(request.user, pk)
    comments = scoping.consultation_comments(request.user).filter(consultation=consultation)
    groups = list(
        scoping.comment_groups(request.user)
        .filter(consultation=consultation)
        .prefetch_related("comments__invitation__stakeholder")
    )
    for group in groups:
        group.form = DispositionForm(
            prefix=f"g{group.pk}",
            initial={"disposition": group.disposition, "reason": group.reason},
        )
    invitations = scoping.invitations(request.user).filter(consultation=consultation)
    invitable = scoping.stakeholders(request.user).filter(unit=consultation.unit, is_active=True)
    invitable = invitable.exclude(pk__in=invitations.values("stakeholder"))
    unit = consultation.unit
    documents = scoping.documents(request.user).filter(unit=unit).order_by("-id")[:50]
    return render(
        request,
        "participation/console_detail.html",
        {
            "consultation": consultation,
            "paragraphs": list(enumerate(consultation.paragraphs(), 1)),
            "stats": consultation.statistics(),
            "pending": comments.filter(moderation=Moderation.PENDING).select_related(
                "invitation__stakeholder"
            ),
            "hidden": comments.filter(moderation=Moderation.HIDDEN),
            "groups": groups,
            "invitations": invitations.select_related("stakeholder"),
            "hide_form": HideForm(),
            "attachment_form": AttachmentForm(),
            "invite_form": InviteForm(invitable),
            "stakeholder_comment_form": StakeholderCommentForm(),
            "report_form": FeedbackReportForm(
                scoping.documents(request.user).filter(pk__in=[d.pk for d in documents]),
                initial={
                    "final_document": consultation.final_document_id,
                    "summary": consultation.feedback_summary,
                },
            ),
            "report": consultation.feedback_report,
            "report_revision": (
                publishing.open_revision(consultation.feedback_report)
                if consultation.feedback_report_id
                else None
            ),
            "closing_problems": workflow.closing_problems(consultation, local_today()),
            "can_draft": has_role(request.user, unit, *workflow.DRAFTING_ROLES),
            "can_handle": has_role(request.user, unit, *workflow.HANDLING_ROLES),
            "can_approve": has_role(request.user, unit, *workflow.APPROVING_ROLES),
        },
    )


def _done(request, pk, action, success):
    try:
        action()
    except ValidationError as error:
        flash.error(request, "；".join(error.messages))
    else:
        flash.success(request, success)
    return redirect("console-participation:detail", pk=pk)


@staff_required
@require_POST
def open_consultation(request, pk):
    consultation = _consultation(request.user, pk)
    return _done(
        request,
        pk,
        lambda: workflow.open_consultation(actor=request.user, consultation=consultation),
        "已发布，公众可以在门户网站提出意见。",
    )


@staff_required
@require_POST
def attach(request, pk):
    consultation = _consultation(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        flash.error(request, form_errors(form))
        return redirect("console-participation:detail", pk=pk)
    upload = form.cleaned_data["file"]
    return _done(
        request,
        pk,
        lambda: workflow.add_attachment(
            actor=request.user, consultation=consultation, filename=upload.name, data=upload.read()
        ),
        "已添加附件。",
    )


def _comment(user, pk, comment_pk):
    return get_object_or_404(
        scoping.consultation_comments(user).filter(consultation_id=pk), pk=comment_pk
    )


@staff_required
@require_POST
def show(request, pk, comment_pk):
    found = _comment(request.user, pk, comment_pk)
    return _done(
        request,
        pk,
        lambda: workflow.show_comment(actor=request.user, comment=found),
        "已公开，并归入相应的意见组。",
    )


@staff_required
@require_POST
def hide(request, pk, comment_pk):
    found = _comment(request.user, pk, comment_pk)
    form = HideForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _done(
        request,
        pk,
        lambda: workflow.hide_comment(actor=request.user, comment=found, reason=reason),
        "已决定不予公开，理由已记录。",
    )


@staff_required
@require_POST
def move(request, pk, comment_pk):
    found = _comment(request.user, pk, comment_pk)
    group = get_object_or_404(
        scoping.comment_groups(request.user).filter(consultation_id=pk),
        number=request.POST.get("group") if request.POST.get("group", "").isdigit() else 0,
    )
    return _done(
        request,
        pk,
        lambda: workflow.move_comment(actor=request.user, comment=found, group=group),
        f"已移入第{group.number}组。",
    )


@staff_required
@require_POST
def dispose(request, pk, group_pk):
    group = get_object_or_404(
        scoping.comment_groups(request.user).filter(consultation_id=pk), pk=group_pk
    )
    form = DispositionForm(request.POST, prefix=f"g{group.pk}")
    data = form.cleaned_data if form.is_valid() else {"disposition": "", "reason": ""}
    return _done(
        request,
        pk,
        lambda: workflow.dispose_group(actor=request.user, group=group, **data),
        f"已答复第{group.number}组意见。",
    )


@staff_required
@require_POST
def feedback_report(request, pk):
    consultation = _consultation(request.user, pk)
    form = FeedbackReportForm(
        scoping.documents(request.user).filter(unit=consultation.unit), request.POST
    )
    if not form.is_valid():
        flash.error(request, "请从本单位的文件中选择正式文件。")
        return redirect("console-participation:detail", pk=pk)
    return _done(
        request,
        pk,
        lambda: workflow.draft_feedback_report(
            actor=request.user, consultation=consultation, **form.cleaned_data
        ),
        "已生成意见采纳情况，请在主动公开中提交审核并发布。",
    )


@staff_required
@require_POST
def close(request, pk):
    consultation = _consultation(request.user, pk)
    return _done(
        request,
        pk,
        lambda: workflow.close_consultation(actor=request.user, consultation=consultation),
        "已办结。",
    )


@staff_required
@require_POST
def invite(request, pk):
    consultation = _consultation(request.user, pk)
    stakeholders = scoping.stakeholders(request.user).filter(unit=consultation.unit)
    form = InviteForm(stakeholders, request.POST)
    if not form.is_valid():
        flash.error(request, "请选择邀请对象并填写邀请方式。")
        return redirect("console-participation:detail", pk=pk)
    return _done(
        request,
        pk,
        lambda: workflow.invite_stakeholder(
            actor=request.user, consultation=consultation, **form.cleaned_data
        ),
        "已记录邀请。",
    )


@staff_required
@require_POST
def stakeholder_comment(request, pk, invitation_pk):
    invitation = get_object_or_404(
        scoping.invitations(request.user).filter(consultation_id=pk), pk=invitation_pk
    )
    form = StakeholderCommentForm(request.POST)
    text = form.cleaned_data["text"] if form.is_valid() else ""
    return _done(
        request,
        pk,
        lambda: workflow.record_stakeholder_comment(
            actor=request.user, invitation=invitation, text=text
        ),
        "已登记反馈意见，待审核。",
    )


@staff_required
def stakeholders(request, unit_pk):
    unit = get_object_or_404(scoping.work_units(request.user, Role.EDITOR), pk=unit_pk)
    form = StakeholderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.add_stakeholder(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            flash.success(request, "已列入名单。")
            return redirect("console-participation:stakeholders", unit_pk=unit.pk)
    return render(
        request,
        "participation/stakeholders.html",
        {
            "unit": unit,
            "form": form,
            "stakeholders": scoping.stakeholders(request.user).filter(unit=unit),
        },
    )
