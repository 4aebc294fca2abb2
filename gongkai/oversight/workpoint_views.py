"""Work-point pages: the plans, the matrix of points × units, a unit's task with its progress
reports, and the draft of the unit's annual-report paragraph."""

from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from gongkai.accounts import scoping
from gongkai.accounts.roles import Role
from gongkai.console.decorators import staff_required
from gongkai.core.clock import local_today
from gongkai.core.forms import apply_errors
from gongkai.participation import services as consultations
from gongkai.reports import workflow as report_workflow

from . import training, workpoints
from .forms import ProgressForm, WorkPlanForm


def _government(user):
    return scoping.work_units(user, Role.OFFICE).filter(kind="government").first()


@staff_required
def plans(request):
    government = _government(request.user)
    form = (
        WorkPlanForm(
            request.POST or None, request.FILES or None, initial={"year": local_today().year}
        )
        if government
        else None
    )
    if request.method == "POST":
        if government is None:
            raise PermissionDenied("只有政务公开办可以录入工作要点。")
        if form.is_valid():
            try:
                plan = _create(request.user, government, form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                flash.success(request, f"已录入{plan.points.count()}条工作要点。")
                return redirect("console-oversight:work-plan", pk=plan.pk)
    return render(
        request,
        "oversight/work_plans.html",
        {"plans": scoping.work_plans(request.user), "form": form},
    )


def _create(user, government, data):
    upload = data.get("file")
    if upload:
        return workpoints.import_plan(
            actor=user,
            government=government,
            year=data["year"],
            title=data["title"],
            data=upload.read(),
            filename=upload.name,
        )
    points, errors = workpoints.parse_points(data["lines"].splitlines(), government)
    if errors:
        raise ValidationError(errors)
    return workpoints.create_plan(
        actor=user, government=government, year=data["year"], title=data["title"], points=points
    )


@staff_required
def plan(request, pk):
    plan = get_object_or_404(scoping.work_plans(request.user), pk=pk)
    units = scoping.supervised_units(request.user)
    today = local_today()
    shown, rows = workpoints.matrix(plan, units, today)
    return render(
        request,
        "oversight/work_plan.html",
        {"plan": plan, "units": shown, "rows": rows, "today": today},
    )


@staff_required
def task(request, pk):
    task = get_object_or_404(
        scoping.work_tasks(request.user).select_related("unit", "point", "point__plan"), pk=pk
    )
    can_report = workpoints.may_report(request.user, task)
    documents = scoping.documents(request.user).filter(unit=task.unit, state="published")
    form = ProgressForm(request.POST or None, documents=documents)
    if request.method == "POST":
        if not can_report:
            raise PermissionDenied("只有责任单位可以报送进展。")
        if form.is_valid():
            try:
                workpoints.report_progress(actor=request.user, task=task, **form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                flash.success(request, "进展已报送。")
                return redirect("console-oversight:work-task", pk=task.pk)
    return render(
        request,
        "oversight/work_task.html",
        {
            "task": task,
            "form": form,
            "can_report": can_report,
            "late": task.is_late(local_today()),
            "reports": task.reports.prefetch_related("documents").select_related("reported_by"),
        },
    )


# The draft paragraphs and where each goes in the annual report.
DRAFT_PARTS = {
    "work": ("other", "六、其他需要报告的事项"),
    "training": ("overview", "一、总体情况"),
    "consultations": ("overview", "一、总体情况"),
}


@staff_required
def draft(request, unit, year):
    unit = get_object_or_404(scoping.supervised_units(request.user), pk=unit)
    texts = {
        "work": workpoints.draft_section(unit, year),
        "training": training.draft_section(unit, year),
        "consultations": consultations.draft_section(unit, year),
    }
    report = scoping.reports(request.user).filter(unit=unit, year=year).order_by("-version").first()
    if request.method == "POST":
        part = request.POST.get("part", "work")
        if part not in DRAFT_PARTS or not texts[part]:
            flash.error(request, "没有可写入的内容。")
            return redirect("console-oversight:work-draft", unit=unit.pk, year=year)
        if report is None:
            flash.error(request, "该单位还没有本年度的年度报告草稿。")
            return redirect("console-oversight:work-draft", unit=unit.pk, year=year)
        key, heading = DRAFT_PARTS[part]
        try:
            added = report_workflow.add_to_narrative(
                actor=request.user, report=report, key=key, text=texts[part]
            )
        except ValidationError as error:
            flash.error(request, "；".join(error.messages))
        else:
            if added:
                flash.success(request, f"已写入年度报告“{heading}”，请在报告中修改完善。")
            else:
                flash.success(request, f"年度报告“{heading}”中已有这段文字，未重复写入。")
            return redirect("console-reports:edit", pk=report.pk)
    return render(
        request,
        "oversight/work_draft.html",
        {
            "unit": unit,
            "year": year,
            "text": texts["work"],
            "training_text": texts["training"],
            "consultations_text": texts["consultations"],
            "report": report,
        },
    )
