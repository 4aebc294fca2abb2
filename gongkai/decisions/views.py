"""Public pages of the catalogues of major decisions and the console pages that keep them.
Views validate a form, call one workflow function and render."""

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.accounts import scoping
from gongkai.console.decorators import staff_required
from gongkai.core.forms import apply_errors
from gongkai.pages.units import unit_page
from gongkai.publishing.models import Document
from gongkai.units.models import Unit

from . import workflow
from .forms import CatalogueForm, DecidedForm, DecisionForm, PublishForm, ReasonForm, StepForm
from .models import Catalogue, CatalogueState, Decision, DecisionState
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
            "decided_form": DecidedForm(),
            "publish_form": PublishForm(_documents(found)),
            "reason_form": ReasonForm(),
            "actions": workflow.allowed_actions(found),
            **decision_links(found),
        },
    )


def _act(request, pk, form, call, done):
    found = _decision(request.user, pk)
    if form.is_valid():
        try:
            call(found, form.cleaned_data)
        except ValidationError as error:
            flash.error(request, "；".join(error.messages))
        else:
            flash.success(request, done)
    else:
        flash.error(request, "；".join(m for ms in form.errors.values() for m in ms))
    return redirect("console-decisions:decision", found.pk)


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
