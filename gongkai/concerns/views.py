"""Public pages (published responses, press conferences) and the console's incident registry
and press-conference records. Each console action is one URL calling one workflow function."""

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.accounts import scoping
from gongkai.accounts.roles import Role
from gongkai.console.actions import act
from gongkai.console.decorators import staff_required
from gongkai.core.clock import now
from gongkai.core.forms import apply_errors
from gongkai.publishing import vocabularies as v
from gongkai.publishing.models import Document

from . import territory, workflow
from .forms import (
    AssignForm,
    EscalateForm,
    FirstResponseForm,
    IncidentForm,
    LinkResponseForm,
    PressConferenceForm,
    ReasonForm,
    RelevelForm,
    ReportForm,
    ResponseFilterForm,
)
from .models import PressConference
from .rules import missed_deadlines

PAGE_SIZE = 30

# ---------------------------------------------------------------- public


def responses(request):
    """Published responses to public concerns: documents of the 回应 kind."""
    documents = Document.objects.published().filter(doc_type=v.RESPONSE).select_related("unit")
    form = ResponseFilterForm(request.GET or None)
    if form.is_valid():
        for word in form.cleaned_data["q"].split():
            documents = documents.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "concerns/responses.html", {"form": form, "page": page})


def press_list(request):
    conferences = PressConference.objects.published().select_related("unit")
    page = Paginator(conferences, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "concerns/press_list.html", {"page": page})


def press_detail(request, pk):
    conference = get_object_or_404(
        PressConference.objects.published().select_related("unit"), pk=pk
    )
    documents = Document.objects.published().filter(pk__in=conference.documents.values("pk"))
    return render(
        request, "concerns/press_detail.html", {"conference": conference, "documents": documents}
    )


# ---------------------------------------------------------------- console


def _territories(user):
    return scoping.work_units(user).active().filter(kind__in=territory.TERRITORY_KINDS)


@staff_required
def console_list(request):
    incidents = scoping.incidents(request.user).select_related("handling_unit", "escalated_to")
    moment = now()
    show = request.GET.get("show", "open")
    if show == "open":
        incidents = incidents.open()
    elif show == "late":
        incidents = incidents.late(moment)
    rows = [(i, i.is_late(moment)) for i in incidents[:300]]
    return render(
        request,
        "concerns/console_list.html",
        {"rows": rows, "show": show, "may_register": _territories(request.user).exists()},
    )


@staff_required
def register(request):
    territories = _territories(request.user)
    form = IncidentForm(territories, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            incident = workflow.register_incident(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            flash.success(
                request,
                f"已登记舆情 {incident.number}，责任主体为{incident.responsible_unit.short_name}。",
            )
            return redirect("console-concerns:detail", incident.pk)
    return render(request, "concerns/register.html", {"form": form})


def _incident(user, pk):
    return get_object_or_404(
        scoping.incidents(user).select_related(
            "territory", "responsible_unit", "handling_unit", "escalated_to", "response_document"
        ),
        pk=pk,
    )


def _response_documents(user, incident):
    return (
        scoping.documents(user)
        .filter(
            doc_type=v.RESPONSE, unit__in=[incident.handling_unit_id, incident.responsible_unit_id]
        )
        .exclude(state="withdrawn")
    )


def _offered(user, incident):
    """The actions the incident's status allows that this reader's roles reach (the workflow
    checks again)."""
    allowed = {
        name
        for name, edges in workflow.TRANSITIONS.items()
        if any(source == incident.status for source, _ in edges)
    }
    units = {incident.handling_unit_id, incident.responsible_unit_id, incident.escalated_to_id}

    def holds(roles, among):
        return scoping.work_units(user, *roles).filter(pk__in=among).exists()

    if not holds([Role.OFFICE], {incident.responsible_unit_id}):
        allowed -= {"escalate_incident", "dismiss_incident"}
    if not holds(workflow.HANDLING_ROLES, {incident.responsible_unit_id}):
        allowed -= {"assign_incident", "relevel_incident"}
    if not holds(workflow.CLOSING_ROLES, units):
        allowed.discard("close_as_responded")
    return allowed


@staff_required
def detail(request, pk):
    incident = _incident(request.user, pk)
    moment = now()
    allowed = _offered(request.user, incident)
    context = {
        "incident": incident,
        "allowed": allowed,
        "missed": missed_deadlines(incident, moment),
        "escalations": incident.escalations.select_related("from_unit", "to_unit"),
        "assign_form": AssignForm(workflow.assignable_units(incident)),
        "relevel_form": RelevelForm(initial={"level": incident.level}),
        "first_form": FirstResponseForm(),
        "link_form": LinkResponseForm(_response_documents(request.user, incident)),
        "dismiss_form": ReasonForm(),
        "escalate_form": EscalateForm(),
        "report_form": ReportForm(),
    }
    return render(request, "concerns/detail.html", context)


def _act(request, pk, form_class, call, done, form_args=()):
    incident = _incident(request.user, pk)
    form = form_class(*[arg(request.user, incident) for arg in form_args], request.POST)
    return act(
        request, incident, form, lambda i, data: call(i, **data), done, "console-concerns:detail"
    )


@staff_required
@require_POST
def assign(request, pk):
    def call(incident, unit, note):
        workflow.assign_incident(actor=request.user, incident=incident, unit=unit, note=note)

    units = (lambda user, incident: workflow.assignable_units(incident),)
    return _act(request, pk, AssignForm, call, "已交办。", units)


@staff_required
@require_POST
def relevel(request, pk):
    def call(incident, level, reason):
        workflow.relevel_incident(actor=request.user, incident=incident, level=level, reason=reason)

    return _act(request, pk, RelevelForm, call, "已调整级别，回应时限已按新级别重新计算。")


@staff_required
@require_POST
def first_response(request, pk):
    def call(incident, text, channel, at):
        workflow.record_first_response(
            actor=request.user, incident=incident, text=text, channel=channel, at=at
        )

    return _act(request, pk, FirstResponseForm, call, "已记录首次回应。")


@staff_required
@require_POST
def link(request, pk):
    def call(incident, document):
        workflow.link_response(actor=request.user, incident=incident, document=document)

    return _act(request, pk, LinkResponseForm, call, "已关联回应文件。", (_response_documents,))


@staff_required
@require_POST
def close(request, pk):
    incident = _incident(request.user, pk)
    try:
        workflow.close_as_responded(actor=request.user, incident=incident)
    except ValidationError as error:
        flash.error(request, "；".join(error.messages))
    else:
        flash.success(request, "已回应办结。")
    return redirect("console-concerns:detail", incident.pk)


@staff_required
@require_POST
def dismiss(request, pk):
    def call(incident, reason):
        workflow.dismiss_incident(actor=request.user, incident=incident, reason=reason)

    return _act(request, pk, ReasonForm, call, "已办结（无需回应）。")


@staff_required
@require_POST
def escalate(request, pk):
    def call(incident, note):
        workflow.escalate_incident(actor=request.user, incident=incident, note=note)

    return _act(request, pk, EscalateForm, call, "已提级督办。")


@staff_required
@require_POST
def report(request, pk):
    def call(incident, report):
        workflow.report_referral(actor=request.user, incident=incident, report=report)

    return _act(request, pk, ReportForm, call, "已记录向上级的报告。")


# ---------------------------------------------------------------- press conferences


@staff_required
def press_console(request):
    conferences = scoping.press_conferences(request.user).select_related("unit")[:200]
    recording = scoping.work_units(request.user, *workflow.PRESS_RECORDING_ROLES).exists()
    return render(
        request,
        "concerns/press_console.html",
        {"conferences": conferences, "may_record": recording, "withdraw_form": ReasonForm()},
    )


@staff_required
def press_new(request):
    units = scoping.work_units(request.user, *workflow.PRESS_RECORDING_ROLES).active()
    documents = Document.objects.published().filter(unit__in=units).order_by("-published_at")
    incidents = scoping.incidents(request.user)
    form = PressConferenceForm(units, documents, incidents, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        unit = data.pop("unit")
        try:
            workflow.record_press_conference(actor=request.user, unit=unit, **data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            flash.success(request, "已录入发布会记录，待审核发布。")
            return redirect("console-concerns:press")
    return render(request, "concerns/press_new.html", {"form": form})


def _conference(user, pk):
    return get_object_or_404(scoping.press_conferences(user), pk=pk)


@staff_required
@require_POST
def press_publish(request, pk):
    conference = _conference(request.user, pk)
    try:
        workflow.publish_press_conference(actor=request.user, conference=conference)
    except ValidationError as error:
        flash.error(request, "；".join(error.messages))
    else:
        flash.success(request, "已发布。")
    return redirect("console-concerns:press")


@staff_required
@require_POST
def press_withdraw(request, pk):
    conference = _conference(request.user, pk)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        workflow.withdraw_press_conference(actor=request.user, conference=conference, reason=reason)
    except ValidationError as error:
        flash.error(request, "；".join(error.messages))
    else:
        flash.success(request, "已撤回。")
    return redirect("console-concerns:press")
