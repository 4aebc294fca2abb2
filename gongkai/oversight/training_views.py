"""Training pages: the plans and records of the user's units by year, planning a course,
recording one as held (planned or not), cancelling a planned one."""

from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render

from gongkai.accounts import scoping
from gongkai.accounts.permissions import has_role
from gongkai.console.decorators import staff_required
from gongkai.core.clock import local_today
from gongkai.core.forms import apply_errors

from . import training as service
from .forms import TrainingCancelForm, TrainingPlanForm, TrainingRecordForm
from .models import TrainingStatus


def _units(user):
    return scoping.work_units(user, *service.ROLES).order_by("display_order", "id")


def _year(value):
    today = local_today()
    try:
        year = int(value)
    except (TypeError, ValueError):
        return today.year
    return year if 2000 <= year <= today.year + 1 else today.year


@staff_required
def trainings(request):
    year = _year(request.GET.get("year"))
    units = _units(request.user)
    form = TrainingPlanForm(request.POST or None, units=units) if units.exists() else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("您没有录入培训的权限。")
        if form.is_valid():
            try:
                item = service.plan_training(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                flash.success(request, "已列入培训计划。")
                return redirect("console-oversight:training", pk=item.pk)
    rows = (
        scoping.trainings(request.user)
        .filter(Q(planned_on__year=year) | Q(held_on__year=year))
        .select_related("unit")
        .order_by("unit__display_order", "unit_id", "planned_on", "held_on", "id")
    )
    held, people, hours = service.year_summary(rows, year)
    drafts = list({t.unit_id: t.unit for t in rows if t.status == TrainingStatus.HELD}.values())
    return render(
        request,
        "oversight/trainings.html",
        {
            "rows": rows,
            "year": year,
            "years": range(local_today().year + 1, local_today().year - 5, -1),
            "form": form,
            "held": held,
            "people": people,
            "hours": hours,
            "drafts": drafts,
        },
    )


@staff_required
def record_new(request):
    units = _units(request.user)
    if not units.exists():
        raise PermissionDenied("您没有录入培训的权限。")
    form = TrainingRecordForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            item = service.record_training(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            flash.success(request, "培训记录已保存。")
            return redirect("console-oversight:training", pk=item.pk)
    return render(request, "oversight/training_record.html", {"form": form})


@staff_required
def detail(request, pk):
    item = get_object_or_404(scoping.trainings(request.user).select_related("unit"), pk=pk)
    may_act = item.status == TrainingStatus.PLANNED and has_role(
        request.user, item.unit, *service.ROLES
    )
    record_form = TrainingRecordForm(
        request.POST if "held_on" in request.POST else None, planned=item
    )
    cancel_form = TrainingCancelForm(request.POST if "reason" in request.POST else None)
    if request.method == "POST":
        if not may_act:
            raise PermissionDenied("您不能修改该培训。")
        form = record_form if "held_on" in request.POST else cancel_form
        if form.is_valid():
            try:
                if form is record_form:
                    service.record_training(actor=request.user, training=item, **form.cleaned_data)
                else:
                    service.cancel_training(actor=request.user, training=item, **form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                flash.success(request, "已保存。")
                return redirect("console-oversight:training", pk=item.pk)
    return render(
        request,
        "oversight/training.html",
        {
            "item": item,
            "may_act": may_act,
            "record_form": record_form,
            "cancel_form": cancel_form,
        },
    )
