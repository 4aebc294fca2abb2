"""Public pages (apply, receipt, status) and console pages (queue, registration, detail, one
URL per transition). Each view validates a form, calls one workflow function and renders."""

import secrets

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.accounts import scoping
from gongkai.accounts.permissions import has_any_role, has_role, require_any_role
from gongkai.accounts.roles import Role
from gongkai.audit.models import AuditEvent
from gongkai.console.decorators import staff_required
from gongkai.core import throttle
from gongkai.core.clock import local_today
from gongkai.core.forms import apply_errors
from gongkai.units.models import Unit

from . import (
    deadlines,
    fees,
    flowchart,
    forms,
    paperform,
    policy,
    remedies,
    services,
    tokens,
    workflow,
)
from .letters import DEFAULTS, VARIABLES, current_template, save_template
from .models import (
    HANDLING_ROLES,
    OPEN_STATUSES,
    ApiToken,
    DeliveryWanted,
    LetterTemplate,
    Policy,
    ReleasedFile,
)
from .next_step import next_step

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LOOKUP_WINDOW = 15 * 60
SESSION_ACCESS = "applications_access"
SESSION_RECEIPT = "applications_receipt"
SESSION_SUBMITTER = "applications_submitter"
SESSION_KEYS = "applications_submission_keys"
# Enough for a few tabs open at once; older keys are forgotten and their forms must be resent.
ISSUED_KEYS_KEPT = 10


# ---- public portal ---------------------------------------------------------------------------


def _grant_access(request, application):
    allowed = set(request.session.get(SESSION_ACCESS, []))
    allowed.add(application.pk)
    request.session[SESSION_ACCESS] = sorted(allowed)


def _issue_submission_key(request):
    """A fresh double-submit key, remembered server-side as issued to this session."""
    key = secrets.token_urlsafe(24)
    issued = request.session.get(SESSION_KEYS, [])
    request.session[SESSION_KEYS] = [*issued, key][-ISSUED_KEYS_KEPT:]
    request.session.setdefault(SESSION_SUBMITTER, secrets.token_urlsafe(16))
    return key


def _was_issued_here(request, key):
    return key in request.session.get(SESSION_KEYS, [])


def apply(request):
    if request.method != "POST":
        form = forms.ApplicationForm(
            initial={
                "submission_key": _issue_submission_key(request),
                "unit": _unit_asked_for(request),
            }
        )
    elif not _was_issued_here(request, request.POST.get("submission_key", "")):
        form = _form_with_a_new_key(request)
    else:
        form = forms.ApplicationForm(request.POST, request.FILES)
        if form.is_valid() and _submit(request, form):
            return redirect("applications:receipt")
    if form.is_bound:
        form.ask_for_files_again()
    return render(request, "applications/apply.html", {"form": form, **journey_context()})


def _unit_asked_for(request):
    """A unit's guide links here with ``?unit=CODE``, so the form starts on that unit."""
    code = request.GET.get("unit", "")
    return Unit.objects.receiving_applications().filter(code=code).first() if code else None


def _form_with_a_new_key(request):
    """The posted key was never given to this session (expired, or someone else's): nothing
    is looked up, and the form comes back with a key of this session's own."""
    data = request.POST.copy()
    data["submission_key"] = _issue_submission_key(request)
    form = forms.ApplicationForm(data, request.FILES)
    form.add_error(None, "页面已过期，请核对填写的内容、重新上传身份证明后再次提交。")
    return form


def _submit(request, form):
    limit = throttle.Limit("submission", settings.SUBMISSION_LIMIT, 60 * 60)
    if not throttle.take(limit, throttle.client_address(request)):
        form.add_error(None, "提交过于频繁：同一网络一小时内提交的申请已达上限，请稍后再试。")
        return False
    try:
        application, code = workflow.register_application(
            actor=None,
            channel="online",
            submitter=request.session[SESSION_SUBMITTER],
            **form.workflow_kwargs(),
        )
    except ValidationError as error:
        apply_errors(form, error)
        return False
    if code:
        request.session[SESSION_RECEIPT] = {"pk": application.pk, "code": code}
    elif request.session.get(SESSION_RECEIPT, {}).get("pk") != application.pk:
        request.session[SESSION_RECEIPT] = {"pk": application.pk, "code": None}
    _grant_access(request, application)
    return True


def receipt(request):
    data = request.session.get(SESSION_RECEIPT)
    if not data:
        return redirect("applications:apply")
    application = get_object_or_404(scoping.applicant_applications([data["pk"]]))
    code = data.get("code")
    if code:
        # Shown once: the code is stored only as a hash, and the session forgets it now.
        request.session[SESSION_RECEIPT] = {"pk": application.pk, "code": None}
    return render(
        request,
        "applications/receipt.html",
        {
            "application": application,
            "access_code": code,
            "letters": _applicant_letters(application),
            **journey_context(),
        },
    )


def _lookup_limit():
    return throttle.Limit("lookup", settings.LOOKUP_FAILURE_LIMIT, LOOKUP_WINDOW)


def find_for_applicant(request, tracking_number, access_code, queryset=None, noun="申请编号"):
    """The application (or the record of ``queryset``: the 政民互动 questions use this lookup
    too, sharing its allowance) for a lookup, or a Chinese error message. Every attempt is
    counted per client address before the lookup (so parallel guesses cannot slip past the
    limit) and a correct one is given back: only failures use up the allowance."""
    who = throttle.client_address(request)
    if not throttle.take(_lookup_limit(), who):
        return None, "查询失败次数过多，请15分钟后再试。"
    application = services.find_by_access(tracking_number, access_code, queryset)
    if application is None:
        return None, f"{noun}或查询码不正确。"
    throttle.give_back(_lookup_limit(), who)
    return application, ""


def _applicant_letters(application):
    return [letter for letter in application.letters.all() if letter.for_applicant]


def status(request):
    form = forms.StatusLookupForm(request.POST or None)
    context = {"form": form}
    application = _looked_up_before(request)
    if request.method == "POST" and form.is_valid():
        application, error = find_for_applicant(
            request, form.cleaned_data["tracking_number"], form.cleaned_data["access_code"]
        )
        if application is None:
            form.add_error(None, error)
        else:
            _grant_access(request, application)
    if application is not None:
        reply = getattr(application, "reply", None)
        context.update(
            application=application,
            deadline=services.reply_deadline_for(application),
            windows=services.windows_of(application),
            letters=_applicant_letters(application),
            deliveries=application.deliveries.all(),
            reply=reply,
            released_files=_released_files(application, reply),
        )
    return render(request, "applications/status.html", context)


def _looked_up_before(request):
    """The application named in ``?number=``, if this session submitted or looked it up."""
    number = request.GET.get("number", "")
    allowed = request.session.get(SESSION_ACCESS, [])
    if not number or not allowed:
        return None
    return scoping.applicant_applications(allowed).filter(tracking_number=number).first()


def _released_files(application, reply):
    if reply is None or application.delivery_wanted != DeliveryWanted.ONLINE:
        return []
    return list(reply.files.only("pk", "name", "reply_id"))


def applicant_letter(request, pk):
    letter = get_object_or_404(
        scoping.applicant_letters(request.session.get(SESSION_ACCESS, [])), pk=pk
    )
    if not letter.for_applicant:
        raise Http404
    return _docx_response(letter)


def released_file(request, pk):
    """A file released with the reply, for an applicant who chose to view and download online
    and whose session has looked the application up."""
    released = get_object_or_404(ReleasedFile.objects.select_related("reply__application"), pk=pk)
    application = released.reply.application
    if (
        application.pk not in request.session.get(SESSION_ACCESS, [])
        or application.delivery_wanted != DeliveryWanted.ONLINE
    ):
        raise Http404
    response = HttpResponse(released.content(), content_type=released.content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(released.name)}"
    response["Cache-Control"] = "private, no-store"
    return response


def journey_context():
    """The limits and local rules the applicant's pages explain."""
    return {
        "policy": Policy.current(),
        "limits": {
            "reply": deadlines.REPLY_LIMIT,
            "extension": deadlines.MAX_EXTENSION,
            "correction_notice": deadlines.CORRECTION_NOTICE_LIMIT,
            "free_items": fees.PER_ITEM_FREE,
            "free_pages": fees.PER_VOLUME_BANDS[0][0],
        },
    }


def notice(request):
    return render(
        request, "applications/notice.html", {**journey_context(), "chart": flowchart.chart()}
    )


PAPER_FORMATS = {
    "docx": (paperform.docx_bytes, DOCX),
    "pdf": (paperform.pdf_bytes, "application/pdf"),
}


def paper_form(request, fmt):
    if fmt not in PAPER_FORMATS:
        raise Http404
    render_form, content_type = PAPER_FORMATS[fmt]
    response = HttpResponse(render_form(), content_type=content_type)
    name = _quote(f"{paperform.TITLE}.{fmt}")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{name}"
    return response


def _docx_response(letter):
    response = HttpResponse(letter.docx(), content_type=DOCX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(letter.filename())}"
    return response


def _quote(name):
    from urllib.parse import quote

    return quote(name)


# ---- console ---------------------------------------------------------------------------------


def _visible(request, pk):
    return get_object_or_404(
        scoping.applications(request.user).select_related("unit", "assigned_to"), pk=pk
    )


@staff_required
def queue(request):
    today = local_today()
    applications = scoping.applications(request.user).select_related("unit", "assigned_to")
    show = request.GET.get("show", "open")
    if show == "open":
        applications = applications.filter(status__in=OPEN_STATUSES)
    elif show == "mine":
        applications = applications.filter(assigned_to=request.user, status__in=OPEN_STATUSES)
    query = request.GET.get("q", "").strip()
    if query:
        applications = applications.filter(
            Q(tracking_number__icontains=query)
            | Q(title__icontains=query)
            | Q(applicant_name__icontains=query)
        )
    unit = request.GET.get("unit")
    if unit and unit.isdigit():
        applications = applications.filter(unit_id=int(unit))
    calendar = services.current_calendar()
    # "Due soon" starts where the first reminder goes out.
    due_soon = max(Policy.current().reminder_thresholds(), default=0)
    rows = []
    for application in applications.order_by("due_date", "id")[:500]:
        left = (
            services.working_days_left(application, calendar, today)
            if application.is_open
            else None
        )
        rows.append((application, left, _urgency(left, due_soon)))
    return render(
        request,
        "applications/console/queue.html",
        {
            "rows": rows,
            "show": show,
            "q": query,
            "units": scoping.work_units(request.user, *HANDLING_ROLES, Role.OFFICE),
            "may_edit_policy": has_any_role(request.user, Role.OFFICE),
            "may_manage_tokens": has_any_role(request.user, *tokens.MANAGING_ROLES),
        },
    )


def _urgency(left, due_soon):
    if left is None:
        return ""
    if left < 0:
        return "overdue"
    return "due-soon" if left <= due_soon else ""


@staff_required
def register(request):
    units = scoping.work_units(request.user, *HANDLING_ROLES).filter(
        pk__in=forms.Unit.objects.receiving_applications()
    )
    form = forms.StaffApplicationForm(request.POST or None, request.FILES or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            application, code = workflow.register_application(
                actor=request.user, **form.workflow_kwargs()
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if code:
                messages.success(
                    request,
                    f"已登记。申请编号 {application.tracking_number}"
                    f"，查询码 {code}（仅显示一次，请告知申请人）。",
                )
            return redirect("console-applications:detail", pk=application.pk)
    return render(request, "applications/console/register.html", {"form": form})


ACTION_FORMS = {
    "confirm_receipt": (forms.ConfirmReceiptForm, "确认收到网上申请（双方确认）"),
    "request_correction": (forms.CorrectionForm, "告知补正"),
    "receive_correction": (forms.ReceiveCorrectionForm, "收到补正"),
    "close_correction_lapsed": (forms.ClosingDateForm, "逾期未补正，终止办理"),
    "start_consultation": (forms.ConsultationForm, "征求意见"),
    "record_consultation_receipt": (forms.ConsultationReceiptForm, "登记对方收到征求意见书之日"),
    "record_consultation_reply": (forms.ConsultationReplyForm, "记录征求意见答复"),
    "extend_deadline": (forms.ExtensionForm, "批准延期答复"),
    "request_extension": (forms.ExtensionRequestForm, "请负责人批准延期"),
    "decline_extension": (forms.DeclineExtensionForm, "不同意延期，退回承办人"),
    "ask_for_reasons": (forms.AskReasonsForm, "要求说明理由（第三十五条）"),
    "handle_excessive_request": (forms.ExcessiveForm, "处理明显超出合理范围的申请"),
    "issue_fee_notice": (forms.FeeNoticeForm, "发出收费通知"),
    "record_fee_notice_receipt": (forms.FeeNoticeReceiptForm, "登记申请人收到收费通知之日"),
    "record_payment": (forms.PaymentForm, "记录缴费"),
    "close_fee_unpaid": (forms.ClosingDateForm, "逾期未缴费，终止办理"),
    "issue_reply": (forms.ReplyForm, "答复"),
    "record_delivery": (forms.DeliveryForm, "记录送达"),
    "archive": (forms.EmptyForm, "归档"),
}
SIDE_FORMS = {
    "record_review": (forms.ReviewForm, "登记行政复议或诉讼"),
    "add_note": (forms.NoteForm, "添加内部备注"),
    "assign": (forms.AssignForm, "指定承办人"),
}


CONSULTATION_ACTIONS = ("record_consultation_receipt", "record_consultation_reply")


def _form_for(name, application, data=None, files=None):
    form_class = (ACTION_FORMS.get(name) or SIDE_FORMS[name])[0]
    # Many forms share one page: ids carry the action so every label points at its own field.
    auto_id = f"{name}-%s"
    if issubclass(form_class, forms.OpenConsultationForm):
        return form_class(data, application=application, auto_id=auto_id)
    if form_class is forms.AssignForm:
        return form_class(data, handlers=_handlers(application), auto_id=auto_id)
    if name == "extend_deadline" and data is None:
        pending = application.extension_requests.pending().first()
        if pending:  # the head approves what was asked, and may change it
            initial = {"working_days": pending.working_days, "reason": pending.reason}
            return form_class(initial=initial, auto_id=auto_id)
    return form_class(data, files, auto_id=auto_id)


def _handlers(application):
    return scoping.unit_staff(application.unit, HANDLING_ROLES)


def _call(name, request, application, form):
    data = form.workflow_kwargs() if hasattr(form, "workflow_kwargs") else dict(form.cleaned_data)
    actor = request.user
    if name in CONSULTATION_ACTIONS:
        consultation = application.consultations.get(pk=data.pop("consultation"))
        return getattr(workflow, name)(actor=actor, consultation=consultation, **data)
    if name == "assign":
        return workflow.assign(actor=actor, application=application, handler=data["handler"])
    if name == "issue_fee_notice" or name == "extend_deadline":
        data = {key: value for key, value in data.items() if value is not None}
    return getattr(workflow, name)(actor=actor, application=application, **data)


def detail_context(request, application, **extra):
    may_handle = has_role(request.user, application.unit, *HANDLING_ROLES)
    allowed = workflow.allowed_actions(application) if may_handle else set()
    # Only the head extends; other handlers ask the head (Art. 33).
    if has_role(request.user, application.unit, Role.BODY_HEAD):
        allowed.discard("request_extension")
    else:
        allowed -= {"extend_deadline", "decline_extension"}
    action_forms = [
        (name, label, extra.get("bound", {}).get(name) or _form_for(name, application))
        for name, (_cls, label) in ACTION_FORMS.items()
        if name in allowed
        and not (
            name in CONSULTATION_ACTIONS
            and not application.consultations.filter(replied_on=None).exists()
        )
    ]
    step = next_step(application)
    step_action = step.action if step else ""
    side_forms = []
    if may_handle:
        side_forms = [
            (name, label, extra.get("bound", {}).get(name) or _form_for(name, application))
            for name, (_cls, label) in SIDE_FORMS.items()
            if name != "record_review" or hasattr(application, "reply")
        ]
    return {
        "application": application,
        "deadline": services.reply_deadline_for(application),
        "windows": services.windows_of(application),
        "days_left": services.working_days_left(application) if application.is_open else None,
        "events": AuditEvent.objects.for_target(application).order_by("created_at", "id"),
        "letters": application.letters.all(),
        "next_step": step,
        "next_form": next(((n, lbl, f) for n, lbl, f in action_forms if n == step_action), None),
        # Approving an extension or not are the head's two answers: both in the step's box.
        "next_alternative": next(
            (entry for entry in action_forms if entry[0] == "decline_extension"), None
        )
        if step_action == "extend_deadline"
        else None,
        "action_forms": [
            entry
            for entry in action_forms
            if entry[0] != step_action
            and not (step_action == "extend_deadline" and entry[0] == "decline_extension")
        ],
        "side_forms": side_forms,
        "may_handle": may_handle,
        "duplicates": services.duplicate_candidates(application) if application.is_open else [],
        # Its own ids, like the action forms': the page has other "reason" fields.
        "unmask_form": forms.UnmaskForm(auto_id="unmask-%s"),
        "revealed": extra.get("revealed"),
        "reply": getattr(application, "reply", None),
    }


@staff_required
def detail(request, pk):
    application = _visible(request, pk)
    return render(request, "applications/console/detail.html", detail_context(request, application))


@staff_required
@require_POST
def act(request, pk, action):
    application = _visible(request, pk)
    if action not in ACTION_FORMS and action not in SIDE_FORMS:
        raise Http404
    form = _form_for(action, application, request.POST, request.FILES)
    if form.is_valid():
        try:
            _call(action, request, application, form)
        except ValidationError as error:
            apply_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error) or "您没有执行此操作的权限。")
        else:
            messages.success(request, "已保存。")
            return redirect("console-applications:detail", pk=application.pk)
    messages.error(request, "未能保存，请查看表单中的提示。")
    context = detail_context(request, application, bound={action: form})
    return render(request, "applications/console/detail.html", context, status=400)


@staff_required
@require_POST
def unmask(request, pk):
    application = _visible(request, pk)
    form = forms.UnmaskForm(request.POST)
    revealed = None
    if form.is_valid():
        revealed = workflow.reveal_personal_data(
            actor=request.user, application=application, reason=form.cleaned_data["reason"]
        )
    else:
        messages.error(request, "请填写查看理由。")
    context = detail_context(request, application, revealed=revealed)
    response = render(request, "applications/console/detail.html", context)
    response["Cache-Control"] = "no-store"
    return response


@staff_required
@require_POST
def publish_proactively(request, pk):
    application = _visible(request, pk)
    try:
        document = workflow.publish_proactively(actor=request.user, application=application)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect("console-applications:detail", pk=application.pk)
    messages.success(request, "已在主动公开中创建草稿，请补充元数据后提交审核。")
    return redirect("console-publishing:edit", pk=document.pk)


@staff_required
def letter(request, pk, letter_pk):
    application = _visible(request, pk)
    return _docx_response(get_object_or_404(application.letters, pk=letter_pk))


@staff_required
@require_POST
def identity_proof(request, pk):
    application = _visible(request, pk)
    workflow.reveal_personal_data(
        actor=request.user, application=application, reason="查看身份证明"
    )
    proof = application.identity_proof
    response = HttpResponse(proof.content(), content_type=proof.content_type)
    response["Content-Disposition"] = "attachment; filename=identity-proof"
    response["Cache-Control"] = "no-store"
    return response


@staff_required
def templates(request):
    rows = [(key, current_template(key)) for key in DEFAULTS]
    return render(request, "applications/console/templates.html", {"rows": rows})


@staff_required
def template_edit(request, key):
    if key not in DEFAULTS:
        raise Http404
    current = current_template(key)
    history = LetterTemplate.objects.filter(key=key).order_by("-id")
    error = ""
    if request.method == "POST":
        try:
            save_template(
                actor=request.user,
                key=key,
                title=request.POST.get("title", ""),
                body=request.POST.get("body", ""),
            )
        except ValidationError as exc:
            error = "；".join(exc.messages)
        else:
            messages.success(request, "已保存为新版本。")
            return redirect("console-applications:template", key=key)
    return render(
        request,
        "applications/console/template_edit.html",
        {
            "key": key,
            "current": current,
            "history": history,
            "variables": VARIABLES,
            "error": error,
        },
    )


# ---- settings: the local policy and API tokens -------------------------------------------

RECOMPUTED_LINES_SHOWN = 20


def _policy_initial(current):
    return {
        "online_nonworking_rule": str(current.online_nonworking_rule),
        "online_receipt_confirms": "1" if current.online_receipt_confirms else "0",
        "fee_clock_stops": current.fee_clock_stops,
        "reminder_days": current.reminder_days,
    }


def _report_recomputed(request, lines):
    if not lines:
        return
    messages.info(request, f"已重新计算 {len(lines)} 件办理中申请的答复期限。")
    for line in lines[:RECOMPUTED_LINES_SHOWN]:
        messages.info(request, line)


@staff_required
def policy_edit(request):
    require_any_role(request.user, Role.OFFICE)
    current = Policy.current()
    form = forms.PolicyForm(request.POST or None, initial=_policy_initial(current))
    if request.method == "POST" and form.is_valid():
        try:
            _saved, lines = policy.save_policy(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "已保存，新设置即时生效。")
            _report_recomputed(request, lines)
            return redirect("console-applications:policy")
    history = Policy.objects.select_related("created_by").order_by("-id")
    return render(
        request,
        "applications/console/policy.html",
        {"form": form, "current": current, "history": history},
        status=400 if form.errors else 200,
    )


def _letter_settings_units(user):
    units = scoping.work_units(user, *remedies.SETTINGS_ROLES).filter(
        pk__in=Unit.objects.receiving_applications()
    )
    if not units.exists():
        raise PermissionDenied("只有单位管理员或政务公开办可以设置答复文书。")
    return units


@staff_required
def letter_settings(request):
    """Each unit's review body, court and fee payment, as its letters will print them."""
    rows = [
        {
            "unit": unit,
            "review_body": remedies.review_body_of(unit),
            "court": remedies.court_of(unit),
            "settings": remedies.settings_of(unit),
        }
        for unit in _letter_settings_units(request.user).select_related("government", "parent")
    ]
    return render(request, "applications/console/letter_settings.html", {"rows": rows})


@staff_required
def letter_settings_edit(request, code):
    unit = get_object_or_404(_letter_settings_units(request.user), code=code)
    current = remedies.settings_of(unit)
    initial = {name: getattr(current, name) for name in remedies.SETTINGS_FIELDS}
    form = forms.LetterSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            remedies.save_letter_settings(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request, f"已保存{unit.full_name}的答复文书设置，此后出具的文书使用新设置。"
            )
            return redirect("console-applications:letter-settings")
    return render(
        request,
        "applications/console/letter_settings_edit.html",
        {
            "form": form,
            "unit": unit,
            "default_review_body": remedies.default_review_body(unit),
            "any_court": remedies.ANY_COURT,
        },
        status=400 if form.errors else 200,
    )


def _token_units(user):
    units = scoping.work_units(user, *tokens.MANAGING_ROLES)
    if not units.exists():
        raise PermissionDenied("只有单位管理员或政务公开办可以管理 API 令牌。")
    return units


@staff_required
def token_list(request):
    units = _token_units(request.user)
    receiving = units.filter(pk__in=Unit.objects.receiving_applications())
    form = forms.TokenForm(request.POST or None, units=receiving)
    issued = None
    if request.method == "POST" and form.is_valid():
        try:
            issued = tokens.issue_token(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            form = forms.TokenForm(units=receiving)
    rows = ApiToken.objects.filter(unit__in=units).select_related(
        "unit", "created_by", "revoked_by"
    )
    response = render(
        request,
        "applications/console/tokens.html",
        {"form": form, "rows": rows, "issued": issued},
        status=400 if form.errors else 200,
    )
    # The raw token is on this page only; it must not linger in a cache.
    response["Cache-Control"] = "no-store"
    return response


@staff_required
@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, unit__in=_token_units(request.user))
    try:
        tokens.revoke_token(actor=request.user, token=token)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, f"已吊销令牌“{token.name}”，使用它的请求将被拒绝。")
    return redirect("console-applications:tokens")
