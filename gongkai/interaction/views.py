"""Public pages (the published questions and answers, asking, the receipt, the asker's status
page, each unit's FAQ) and console pages (the queue, a question with one URL per transition,
the FAQ list). Each view validates a form, calls one workflow function and renders.

The receipt, the lookup and its failure allowance are the applications' own: the asker gets a
tracking number and an access code, shown once, and looks the question up as an applicant
looks up an application (``applications.views.find_for_applicant``)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.accounts import scoping
from gongkai.accounts.roles import Role
from gongkai.applications.views import find_for_applicant
from gongkai.audit.models import AuditEvent
from gongkai.console.decorators import staff_required
from gongkai.core import throttle
from gongkai.core.clock import local_today
from gongkai.core.forms import apply_errors
from gongkai.pages.units import unit_page
from gongkai.units.models import Unit

from . import forms, services, workflow
from .models import ANSWERING_ROLES, PUBLISHING_ROLES, FaqEntry, Kind, Question, Status

PAGE_SIZE = 20
# A keyword search over the database: a few words, each matched in the public copies.
MAX_WORDS = 5
SESSION_ACCESS = "interaction_access"
SESSION_RECEIPT = "interaction_receipt"


# ---- public portal ---------------------------------------------------------------------------


def _published():
    return Question.objects.published().select_related("unit")


def index(request):
    """The published questions and answers, newest first, filterable without JavaScript."""
    questions = _published()
    units = Unit.objects.filter(pk__in=questions.values("unit")).order_by("display_order", "id")
    form = forms.FilterForm(units, request.GET or None)
    if form.is_valid():
        data = form.cleaned_data
        if data["kind"]:
            questions = questions.filter(kind=data["kind"])
        if data["unit"]:
            questions = questions.filter(unit__code=data["unit"])
        questions = questions.matching(data["q"].split()[:MAX_WORDS])
    questions = questions.order_by("-published_at", "-id")
    page = Paginator(questions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "interaction/index.html",
        {
            "form": form,
            "page": page,
            "reply_days": services.reply_working_days(),
            "faq_units": _faq_units(),
        },
    )


def detail(request, pk):
    question = get_object_or_404(_published(), pk=pk)
    return render(request, "interaction/detail.html", {"question": question})


def _faq_units():
    entries = FaqEntry.objects.public()
    return Unit.objects.active().filter(pk__in=entries.values("unit")).order_by("display_order")


@unit_page
def faq(request, unit):
    entries = FaqEntry.objects.public().filter(unit=unit).order_by("-created_at", "-id")
    return render(request, "interaction/faq.html", {"unit": unit, "entries": entries})


def ask(request):
    if request.method == "POST":
        form = forms.AskForm(request.POST)
        if form.is_valid() and _submit(request, form):
            return redirect("interaction:receipt")
    else:
        kind = request.GET.get("kind")
        code = request.GET.get("unit", "")
        unit = Unit.objects.active().filter(code=code).first() if code else None
        form = forms.AskForm(
            initial={
                "kind": kind if kind in Kind.values else Kind.QUESTION,
                "government": unit.government
                if unit
                else Unit.objects.active().filter(kind="government").first(),
                "requested_unit": unit if unit and not unit.is_government else None,
            }
        )
    return render(
        request, "interaction/ask.html", {"form": form, "reply_days": services.reply_working_days()}
    )


def _submit(request, form):
    limit = throttle.Limit("interaction", settings.SUBMISSION_LIMIT, 60 * 60)
    if not throttle.take(limit, throttle.client_address(request)):
        form.add_error(None, "提交过于频繁：同一网络一小时内提交的留言已达上限，请稍后再试。")
        return False
    try:
        question, code = workflow.submit_question(actor=None, **form.cleaned_data)
    except ValidationError as error:
        apply_errors(form, error)
        return False
    request.session[SESSION_RECEIPT] = {"pk": question.pk, "code": code}
    _grant_access(request, question)
    return True


def _grant_access(request, question):
    allowed = set(request.session.get(SESSION_ACCESS, []))
    allowed.add(question.pk)
    request.session[SESSION_ACCESS] = sorted(allowed)


def receipt(request):
    data = request.session.get(SESSION_RECEIPT)
    if not data:
        return redirect("interaction:ask")
    question = get_object_or_404(scoping.asker_questions([data["pk"]]))
    code = data.get("code")
    if code:
        # Shown once: the code is stored only as a hash, and the session forgets it now.
        request.session[SESSION_RECEIPT] = {"pk": question.pk, "code": None}
    return render(
        request,
        "interaction/receipt.html",
        {"question": question, "access_code": code, "reply_days": services.reply_working_days()},
    )


def status(request):
    form = forms.LookupForm(request.POST or None)
    question = _looked_up_before(request)
    if request.method == "POST" and form.is_valid():
        question, error = find_for_applicant(
            request,
            form.cleaned_data["tracking_number"],
            form.cleaned_data["access_code"],
            queryset=services.lookup_scope(),
            noun="留言编号",
        )
        if question is None:
            form.add_error(None, error)
        else:
            _grant_access(request, question)
    context = {"form": form, "question": question}
    if question is not None:
        context["forwards"] = question.forwards.select_related("from_unit", "to_unit")
    return render(request, "interaction/status.html", context)


def _looked_up_before(request):
    number = request.GET.get("number", "")
    allowed = request.session.get(SESSION_ACCESS, [])
    if not number or not allowed:
        return None
    return scoping.asker_questions(allowed).filter(tracking_number=number).first()


# ---- console ---------------------------------------------------------------------------------


def _visible(request, pk):
    return get_object_or_404(
        scoping.questions(request.user).select_related("unit", "government", "requested_unit"),
        pk=pk,
    )


@staff_required
def queue(request):
    questions = scoping.questions(request.user).select_related("unit", "government")
    wanted = request.GET.get("status", "open")
    if wanted == "open":
        questions = questions.open()
    elif wanted in Status.values:
        questions = questions.filter(status=wanted)
    today = local_today()
    shown = list(questions.order_by("due_date", "id")[:200])
    for question in shown:
        question.overdue = question.is_overdue(today)
    return render(
        request,
        "interaction/console_queue.html",
        {
            "questions": shown,
            "wanted": wanted,
            "statuses": [("open", "未答复"), *Status.choices, ("all", "全部")],
            "overdue_count": scoping.questions(request.user).overdue(today).count(),
        },
    )


def _government_units(question):
    return (
        Unit.objects.active()
        .filter(government=question.government_id)
        .order_by("display_order", "id")
    )


def _may(user, unit, roles):
    return unit is not None and scoping.work_units(user, *roles).filter(pk=unit.pk).exists()


def _action_forms(request, question):
    user = request.user
    allowed = workflow.allowed_actions(question)
    units = _government_units(question)
    office = _may(user, question.government, [Role.OFFICE])
    found = {}
    if "assign_question" in allowed and office:
        found["assign_question"] = forms.UnitChoiceForm(
            units, initial={"unit": question.requested_unit}
        )
    if "forward_question" in allowed and _may(user, question.unit, [*ANSWERING_ROLES, "office"]):
        found["forward_question"] = forms.ForwardForm(units.exclude(pk=question.unit_id))
    if "answer_question" in allowed and _may(user, question.unit, ANSWERING_ROLES):
        found["answer_question"] = forms.AnswerForm()
    publisher = _may(user, question.unit, PUBLISHING_ROLES)
    if "publish_answer" in allowed and publisher and question.consent_to_publish:
        found["publish_answer"] = forms.PublishForm(
            initial={
                "public_subject": services.masked_copy(question, question.subject),
                "public_text": services.masked_copy(question, question.text),
                "public_answer": services.masked_copy(question, question.answer),
            }
        )
    if "withdraw_publication" in allowed and publisher:
        found["withdraw_publication"] = forms.ReasonForm()
    if "promote_to_faq" in allowed and publisher:
        found["promote_to_faq"] = forms.FaqForm(
            initial={
                "question_text": question.public_subject or question.subject,
                "answer_text": question.public_answer
                or services.masked_copy(question, question.answer),
            }
        )
    return found


ACTION_FORMS = {
    "assign_question": lambda q, data: forms.UnitChoiceForm(_government_units(q), data),
    "forward_question": lambda q, data: forms.ForwardForm(_government_units(q), data),
    "answer_question": lambda q, data: forms.AnswerForm(data),
    "publish_answer": lambda q, data: forms.PublishForm(data),
    "withdraw_publication": lambda q, data: forms.ReasonForm(data),
    "promote_to_faq": lambda q, data: forms.FaqForm(data),
}
DONE = {
    "assign_question": "已分办。",
    "forward_question": "已转办，答复期限不变。",
    "answer_question": "已答复。",
    "publish_answer": "已公开。",
    "withdraw_publication": "已撤下公开。",
    "promote_to_faq": "已加入常见问题。",
}


def _detail(request, question, forms_by_action=None, revealed=None):
    today = local_today()
    action_forms = _action_forms(request, question)
    action_forms.update(forms_by_action or {})
    return render(
        request,
        "interaction/console_detail.html",
        {
            "question": question,
            "overdue": question.is_overdue(today),
            "days_left": services.working_days_left(question, today=today)
            if question.is_open
            else None,
            "deadline": services.reply_deadline_for(question),
            "forwards": question.forwards.select_related("from_unit", "to_unit", "forwarded_by"),
            "faq_entries": scoping.faq_entries(request.user).filter(source=question),
            "action_forms": action_forms,
            "events": AuditEvent.objects.for_target(question).select_related("actor"),
            "revealed": revealed,
            "unmask_form": forms.ReasonForm(),
        },
    )


@staff_required
def console_detail(request, pk):
    return _detail(request, _visible(request, pk))


def _call(action, request, question, data):
    actor = request.user
    if action == "assign_question":
        return workflow.assign_question(actor=actor, question=question, unit=data["unit"])
    return getattr(workflow, action)(actor=actor, question=question, **data)


@staff_required
@require_POST
def act(request, pk, action):
    question = _visible(request, pk)
    if action not in ACTION_FORMS:
        raise PermissionDenied("没有这个操作。")
    form = ACTION_FORMS[action](question, request.POST)
    if form.is_valid():
        try:
            _call(action, request, question, form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, DONE[action])
            if not scoping.questions(request.user).filter(pk=question.pk).exists():
                # Forwarded out of the user's units: it is no longer theirs to see.
                return redirect("console-interaction:queue")
            return redirect("console-interaction:detail", pk=question.pk)
    return _detail(request, question, {action: form})


@staff_required
@require_POST
def unmask(request, pk):
    question = _visible(request, pk)
    form = forms.ReasonForm(request.POST)
    revealed = None
    if form.is_valid():
        try:
            revealed = workflow.reveal_contact(
                actor=request.user, question=question, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
    else:
        messages.error(request, "请填写查看理由。")
    response = _detail(request, question, revealed=revealed)
    response["Cache-Control"] = "no-store"
    return response


@staff_required
def faq_list(request):
    entries = scoping.faq_entries(request.user).select_related("unit", "source", "created_by")
    return render(
        request,
        "interaction/console_faq.html",
        {"entries": entries[:300], "retire_form": forms.ReasonForm()},
    )


@staff_required
@require_POST
def faq_retire(request, pk):
    entry = get_object_or_404(scoping.faq_entries(request.user), pk=pk)
    form = forms.ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请写明撤下理由。")
    else:
        try:
            workflow.retire_faq_entry(actor=request.user, entry=entry, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, "；".join(error.messages))
        else:
            messages.success(request, "已撤下。")
    return redirect("console-interaction:faq")
