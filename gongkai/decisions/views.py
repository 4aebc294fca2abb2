"""Public pages of the catalogues of major decisions and the console pages that keep them.
Views validate a form, call one workflow function and render."""

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.accounts import scoping
from gongkai.accounts.roles import Role
from gongkai.console.actions import act
from gongkai.console.decorators import staff_required
from gongkai.core import throttle
from gongkai.core.clock import local_today
from gongkai.core.forms import apply_errors
from gongkai.pages.units import unit_page
from gongkai.publishing.models import Document
from gongkai.units.models import Unit
from gongkai.workdays.services import current_calendar

from . import rules, services, workflow
from .forms import (
    AgendaItemEditForm,
    AgendaItemForm,
    AttendeeForm,
    CatalogueForm,
    DecidedForm,
    DecisionForm,
    HearingForm,
    HearingRecordForm,
    InterpretationForm,
    MeetingForm,
    OutcomeCorrectionForm,
    PublishForm,
    ReasonForm,
    RegistrationForm,
    SelectForm,
    StepForm,
    StepPlanForm,
)
from .models import Catalogue, CatalogueState, Decision, DecisionState, Hearing, Meeting
from .presentation import decision_links

# ---------------------------------------------------------------- public


def index(request):
    catalogues = Catalogue.objects.published().select_related("government")
    return render(request, "decisions/index.html", {"catalogues": catalogues})


@unit_page
def catalogue(request, government, year):
    found = get_object_or_404(
        Catalogue.objects.published().select_related("government"),
        government=government,
        year=year,
    )
    decisions = (
        Decision.objects.published()
        .filter(catalogue=found)
        .select_related("unit")
        .prefetch_related("steps")
    )
    return render(request, "decisions/catalogue.html", {"catalogue": found, "decisions": decisions})


@unit_page
def decision(request, government, year, number):
    found = get_object_or_404(
        Decision.objects.published().select_related("catalogue__government", "unit", "document"),
        catalogue__government=government,
        catalogue__year=year,
        number=number,
    )
    return render(
        request,
        "decisions/decision.html",
        {"decision": found, "steps": found.steps.all(), **decision_links(found)},
    )


# ---------------------------------------------------------------- console


@staff_required
def console_index(request):
    catalogues = scoping.decision_catalogues(request.user).select_related("government")
    drafting = scoping.work_units(request.user, *workflow.DRAFTING_ROLES).filter(
        kind="government", is_active=True
    )
    mine = (
        scoping.major_decisions(request.user, *workflow.STEP_ROLES)
        .filter(catalogue__state=CatalogueState.PUBLISHED)
        .exclude(state=DecisionState.WITHDRAWN)
        .select_related("catalogue__government", "unit")
        .order_by("-catalogue__year", "number")[:200]
    )
    return render(
        request,
        "decisions/console_index.html",
        {"catalogues": catalogues, "drafting": drafting, "mine": mine},
    )


@staff_required
def catalogue_new(request, government_pk):
    government = get_object_or_404(
        scoping.work_units(request.user, *workflow.DRAFTING_ROLES).filter(kind="government"),
        pk=government_pk,
    )
    form = CatalogueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            made = workflow.create_catalogue(
                actor=request.user, government=government, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            flash.success(request, "目录已建立，请添加决策事项。")
            return redirect("console-decisions:catalogue", made.pk)
    return render(request, "decisions/catalogue_new.html", {"form": form, "government": government})


def _catalogue(user, pk):
    return get_object_or_404(scoping.decision_catalogues(user).select_related("government"), pk=pk)


@staff_required
def console_catalogue(request, pk):
    found = _catalogue(request.user, pk)
    decisions = found.decisions.select_related("unit").prefetch_related("steps")
    return render(
        request,
        "decisions/console_catalogue.html",
        {"catalogue": found, "decisions": decisions, "reason_form": ReasonForm()},
    )


@staff_required
@require_POST
def catalogue_publish(request, pk):
    found = _catalogue(request.user, pk)
    try:
        workflow.publish_catalogue(actor=request.user, catalogue=found)
    except ValidationError as error:
        flash.error(request, "；".join(error.messages))
    else:
        flash.success(request, "目录已公布。")
    return redirect("console-decisions:catalogue", found.pk)


@staff_required
def decision_add(request, pk):
    found = _catalogue(request.user, pk)
    units = Unit.objects.active().filter(government=found.government)
    form = DecisionForm(units, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.add_decision(actor=request.user, catalogue=found, **form.workflow_arguments())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            flash.success(request, "已添加决策事项。")
            return redirect("console-decisions:catalogue", found.pk)
    return render(request, "decisions/decision_add.html", {"form": form, "catalogue": found})


def _decision(user, pk):
    return get_object_or_404(
        scoping.major_decisions(user).select_related("catalogue__government", "unit", "document"),
        pk=pk,
    )


def _documents(found):
    allowed = scoping.linkable_documents(found.unit) | scoping.linkable_documents(
        found.catalogue.government
    )
    return (
        Document.objects.published().filter(pk__in=allowed.values("pk")).order_by("-published_at")
    )


@staff_required
def console_decision(request, pk):
    found = _decision(request.user, pk)
    return render(
        request,
        "decisions/console_decision.html",
        {
            "decision": found,
            "steps": found.steps.all(),
            "step_form": StepForm(),
            "plan_form": StepPlanForm(),
            "decided_form": DecidedForm(),
            "publish_form": PublishForm(_documents(found)),
            "reason_form": ReasonForm(),
            "actions": workflow.allowed_actions(found),
            **decision_links(found),
        },
    )


def _act(request, pk, form, call, done):
    return act(request, _decision(request.user, pk), form, call, done, "console-decisions:decision")


@staff_required
@require_POST
def step(request, pk):
    return _act(
        request,
        pk,
        StepForm(request.POST),
        lambda d, data: workflow.record_step(actor=request.user, decision=d, **data),
        "已登记程序履行情况。",
    )


@staff_required
@require_POST
def plan(request, pk):
    return _act(
        request,
        pk,
        StepPlanForm(request.POST),
        lambda d, data: workflow.plan_step(actor=request.user, decision=d, **data),
        "已调整决策程序安排。",
    )


@staff_required
@require_POST
def decided(request, pk):
    return _act(
        request,
        pk,
        DecidedForm(request.POST),
        lambda d, data: workflow.record_decision(actor=request.user, decision=d, **data),
        "已登记集体讨论决定。",
    )


@staff_required
@require_POST
def publish(request, pk):
    found = _decision(request.user, pk)
    return _act(
        request,
        pk,
        PublishForm(_documents(found), request.POST),
        lambda d, data: workflow.publish_decision(actor=request.user, decision=d, **data),
        "已关联公布的决策文件。",
    )


@staff_required
@require_POST
def withdraw(request, pk):
    return _act(
        request,
        pk,
        ReasonForm(request.POST),
        lambda d, data: workflow.withdraw_decision(actor=request.user, decision=d, **data),
        "已调出目录。",
    )


# ---------------------------------------------------------------- hearings: public

# A person registers once; more from one address in an hour is a script.
REGISTER_THROTTLE = throttle.Limit("hearing-registration", 5, 60 * 60)


def hearings(request):
    found = Hearing.objects.published().select_related("unit", "decision")
    return render(request, "decisions/hearings.html", {"hearings": found})


def hearing(request, pk):
    found = get_object_or_404(
        Hearing.objects.published().select_related("unit", "decision__catalogue__government"),
        pk=pk,
    )
    registrations = found.registrations.order_by("draw_rank", "id") if found.selected_on else []
    return render(
        request,
        "decisions/hearing.html",
        {"hearing": found, "registrations": registrations},
    )


def hearing_register(request, pk):
    """The registration form: answered by the application (it has a form and says whether
    registration is open today)."""
    found = get_object_or_404(Hearing.objects.published().select_related("unit"), pk=pk)
    is_open = found.registration_open(local_today())
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and is_open:
        if not throttle.take(REGISTER_THROTTLE, throttle.client_address(request)):
            form.add_error(None, "提交过于频繁，请一小时后再试。")
        elif form.is_valid():
            try:
                made = workflow.register_for_hearing(hearing=found, **form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                return render(
                    request,
                    "decisions/hearing_registered.html",
                    {"hearing": found, "registration": made},
                )
    return render(
        request,
        "decisions/hearing_register.html",
        {"hearing": found, "form": form, "is_open": is_open},
    )


# ---------------------------------------------------------------- meetings: public


def meetings(request):
    found = Meeting.objects.published().select_related("unit")
    return render(request, "decisions/meetings.html", {"meetings": found})


def meeting(request, pk):
    found = get_object_or_404(Meeting.objects.published().select_related("unit"), pk=pk)
    items = found.items.select_related("interpretation", "decision__catalogue__government")
    return render(
        request,
        "decisions/meeting.html",
        {"meeting": found, "items": items, "attendees": found.attendees.all()},
    )


# ---------------------------------------------------------------- hearings: console


@staff_required
def console_hearings(request):
    found = scoping.hearings(request.user).select_related("unit")[:200]
    units = scoping.work_units(request.user, Role.EDITOR).filter(is_active=True)
    return render(request, "decisions/console_hearings.html", {"hearings": found, "units": units})


@staff_required
def hearing_new(request, unit_pk):
    unit = get_object_or_404(scoping.work_units(request.user, Role.EDITOR), pk=unit_pk)
    decisions = scoping.major_decisions(request.user).filter(catalogue__government=unit.government)
    form = HearingForm(decisions, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            made = workflow.create_hearing(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            flash.success(request, "听证公告已起草，待审核发布。")
            return redirect("console-decisions:hearing", made.pk)
    return render(request, "decisions/hearing_new.html", {"form": form, "unit": unit})


def _hearing(user, pk):
    return get_object_or_404(scoping.hearings(user).select_related("unit", "decision"), pk=pk)


@staff_required
def console_hearing(request, pk):
    found = _hearing(request.user, pk)
    return render(
        request,
        "decisions/console_hearing.html",
        {
            "hearing": found,
            "registrations": found.registrations.order_by("draw_rank", "id"),
            "actions": workflow.allowed(found, workflow.HEARING_TRANSITIONS),
            "select_form": SelectForm(),
            "record_form": HearingRecordForm(),
            "reason_form": ReasonForm(),
        },
    )


def _hearing_act(request, pk, form, call, done):
    return act(request, _hearing(request.user, pk), form, call, done, "console-decisions:hearing")


@staff_required
@require_POST
def hearing_announce(request, pk):
    return _hearing_act(
        request,
        pk,
        None,
        lambda h, data: workflow.announce_hearing(actor=request.user, hearing=h),
        "听证公告已发布，报名按公告日期开始。",
    )


@staff_required
@require_POST
def hearing_select(request, pk):
    return _hearing_act(
        request,
        pk,
        SelectForm(request.POST),
        lambda h, data: workflow.select_participants(actor=request.user, hearing=h, **data),
        "已确定参加人并公布遴选结果。",
    )


@staff_required
@require_POST
def hearing_record(request, pk):
    return _hearing_act(
        request,
        pk,
        HearingRecordForm(request.POST),
        lambda h, data: workflow.publish_hearing_record(actor=request.user, hearing=h, **data),
        "已公布听证笔录和结果。",
    )


@staff_required
@require_POST
def hearing_cancel(request, pk):
    return _hearing_act(
        request,
        pk,
        ReasonForm(request.POST),
        lambda h, data: workflow.cancel_hearing(actor=request.user, hearing=h, **data),
        "听证会已取消。",
    )


# ---------------------------------------------------------------- meetings: console


@staff_required
def console_meetings(request):
    found = scoping.meetings(request.user).select_related("unit")[:200]
    units = scoping.work_units(request.user, Role.EDITOR).filter(is_active=True)
    late = services.missing_interpretations(scoping.work_units(request.user), local_today())
    return render(
        request,
        "decisions/console_meetings.html",
        {"meetings": found, "units": units, "late": late},
    )


@staff_required
def meeting_new(request, unit_pk):
    unit = get_object_or_404(scoping.work_units(request.user, Role.EDITOR), pk=unit_pk)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            made = workflow.create_meeting(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            flash.success(request, "会议已建立，请添加议题和列席人员。")
            return redirect("console-decisions:meeting", made.pk)
    return render(request, "decisions/meeting_new.html", {"form": form, "unit": unit})


def _meeting(user, pk):
    return get_object_or_404(scoping.meetings(user).select_related("unit"), pk=pk)


def _interpretations(found):
    return (
        Document.objects.published()
        .filter(pk__in=scoping.linkable_documents(found.unit).values("pk"))
        .order_by("-published_at")
    )


@staff_required
def console_meeting(request, pk):
    found = _meeting(request.user, pk)
    decisions = scoping.major_decisions(request.user).filter(
        catalogue__government=found.unit.government
    )
    calendar = current_calendar()
    items = [
        (item, rules.interpretation_due(calendar, found.held_on))
        for item in found.items.select_related("interpretation", "decision")
    ]
    for item, _due in items:
        item.edit_form = AgendaItemEditForm(
            decisions,
            prefix=f"item{item.pk}",
            initial={
                "title": item.title,
                "decision": item.decision_id,
                "needs_interpretation": item.needs_interpretation,
            },
        )
        item.correct_form = OutcomeCorrectionForm(
            prefix=f"item{item.pk}", initial={"outcome": item.outcome}
        )
    return render(
        request,
        "decisions/console_meeting.html",
        {
            "meeting": found,
            "items": items,
            "today": local_today(),
            "attendees": found.attendees.all(),
            "actions": workflow.allowed(found, workflow.MEETING_TRANSITIONS),
            "item_form": AgendaItemForm(decisions),
            "attendee_form": AttendeeForm(),
            "interpretation_form": InterpretationForm(found.items.all(), _interpretations(found)),
        },
    )


def _meeting_act(request, pk, form, call, done):
    return act(request, _meeting(request.user, pk), form, call, done, "console-decisions:meeting")


@staff_required
@require_POST
def meeting_item(request, pk):
    found = _meeting(request.user, pk)
    decisions = scoping.major_decisions(request.user).filter(
        catalogue__government=found.unit.government
    )
    return _meeting_act(
        request,
        pk,
        AgendaItemForm(decisions, request.POST),
        lambda m, data: workflow.add_agenda_item(actor=request.user, meeting=m, **data),
        "已添加议题。",
    )


def _agenda_item(found, item_pk):
    return get_object_or_404(found.items, pk=item_pk)


@staff_required
@require_POST
def meeting_item_edit(request, pk, item_pk):
    found = _meeting(request.user, pk)
    item = _agenda_item(found, item_pk)
    decisions = scoping.major_decisions(request.user).filter(
        catalogue__government=found.unit.government
    )
    return _meeting_act(
        request,
        pk,
        AgendaItemEditForm(decisions, request.POST, prefix=f"item{item.pk}"),
        lambda m, data: workflow.edit_agenda_item(actor=request.user, meeting=m, item=item, **data),
        f"已修改第 {item.number} 项议题。",
    )


@staff_required
@require_POST
def meeting_outcome_correct(request, pk, item_pk):
    found = _meeting(request.user, pk)
    item = _agenda_item(found, item_pk)
    return _meeting_act(
        request,
        pk,
        OutcomeCorrectionForm(request.POST, prefix=f"item{item.pk}"),
        lambda m, data: workflow.correct_meeting_decision(
            actor=request.user, meeting=m, item=item, **data
        ),
        f"已更正第 {item.number} 项议题的会议决定。",
    )


@staff_required
@require_POST
def meeting_attendee(request, pk):
    return _meeting_act(
        request,
        pk,
        AttendeeForm(request.POST),
        lambda m, data: workflow.invite_attendee(actor=request.user, meeting=m, **data),
        "已添加列席人员。",
    )


@staff_required
@require_POST
def meeting_announce(request, pk):
    return _meeting_act(
        request,
        pk,
        None,
        lambda m, data: workflow.announce_meeting(actor=request.user, meeting=m),
        "会议议题已发布。",
    )


@staff_required
@require_POST
def meeting_outcomes(request, pk):
    found = _meeting(request.user, pk)
    outcomes = {
        item.number: request.POST.get(f"outcome-{item.number}", "") for item in found.items.all()
    }
    return _meeting_act(
        request,
        pk,
        None,
        lambda m, data: workflow.record_meeting_decisions(
            actor=request.user, meeting=m, outcomes=outcomes
        ),
        "会议决定已公布，请在当天发布解读。",
    )


@staff_required
@require_POST
def meeting_interpretation(request, pk):
    found = _meeting(request.user, pk)
    return _meeting_act(
        request,
        pk,
        InterpretationForm(found.items.all(), _interpretations(found), request.POST),
        lambda m, data: workflow.link_interpretation(actor=request.user, meeting=m, **data),
        "已关联解读。",
    )
