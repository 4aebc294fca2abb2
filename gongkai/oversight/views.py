"""The office's supervision pages: the dashboard (who is late, for what, since when), the list
behind each of its numbers, every reminder in full, the inspection history and rectification.
A unit sees the same pages for its own units only (accounts.scoping decides)."""

import datetime
from urllib.parse import quote

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from gongkai.accounts import scoping
from gongkai.accounts.permissions import has_role
from gongkai.accounts.roles import Role
from gongkai.applications.models import Reminder
from gongkai.console.decorators import staff_required
from gongkai.core.clock import local_today
from gongkai.core.forms import apply_errors

from . import monthly, services, workflow
from .forms import AssignForm, ReviewForm, SubmitForm
from .models import Indicator, RectificationStatus

PER_PAGE = 30


@staff_required
def index(request):
    units = scoping.supervised_units(request.user)
    today = local_today()
    indicators, rows = services.dashboard_rows(units, today)
    return render(
        request,
        "oversight/index.html",
        {
            "indicators": indicators,
            "rows": rows,
            "office": _is_office(request.user),
            "today": today,
        },
    )


@staff_required
def problems(request, unit, code):
    unit = get_object_or_404(scoping.supervised_units(request.user), pk=unit)
    indicator = get_object_or_404(Indicator, code=code, is_active=True)
    today = local_today()
    found = services.unit_problems(unit, indicator, today)
    latest = services.latest_findings([unit]).filter(indicator=indicator)
    stored = {f.key: f for f in scoping.findings(request.user).filter(pk__in=latest.values("pk"))}
    office = has_role(request.user, unit, Role.OFFICE)
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    items = [(p, stored.get(p.key)) for p in page]
    return render(
        request,
        "oversight/problems.html",
        {"unit": unit, "indicator": indicator, "page": page, "items": items, "office": office},
    )


@staff_required
def reminders(request):
    """Every reminder the user has, in full and paged: application deadlines and work-point
    tasks due soon or late (their own), document alerts and rectifications of their units."""
    user = request.user
    rows = [
        (
            r.created_on,
            "依申请公开",
            r.text,
            reverse("console-applications:detail", args=[r.application_id]),
        )
        for r in Reminder.objects.filter(user=user, read=False)
    ]
    rows += [
        (
            a.raised_on,
            "主动公开",
            a.message,
            reverse("console-publishing:detail", args=[a.document_id]),
        )
        for a in scoping.alerts(user).filter(resolved_on__isnull=True)
    ]
    rows += [
        (
            t.created_on,
            "整改",
            f"{t.unit.short_name}：{t.subject}（期限{t.deadline:%Y-%m-%d}）",
            reverse("console-oversight:rectification", args=[t.pk]),
        )
        for t in scoping.rectifications(user)
        .exclude(status=RectificationStatus.CLOSED)
        .select_related("unit")
    ]
    rows += [
        (
            r.created_on,
            "工作要点",
            f"{r.task.unit.short_name}：{r.text}",
            reverse("console-oversight:work-task", args=[r.task_id]),
        )
        for r in scoping.work_reminders(user).filter(read=False).select_related("task__unit")
    ]
    rows.sort(key=lambda r: (r[0], r[2]), reverse=True)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "oversight/reminders.html", {"page": page, "total": len(rows)})


@staff_required
def history(request):
    units = scoping.supervised_units(request.user)
    runs = {}
    for s in (
        scoping.scores(request.user)
        .select_related("run", "unit")
        .order_by("-run__day", "unit__display_order", "unit_id")[:2000]
    ):
        runs.setdefault(s.run, []).append(s)
    return render(request, "oversight/history.html", {"runs": runs, "units": units})


@staff_required
def rectification_list(request):
    tasks = scoping.rectifications(request.user).select_related("unit", "indicator")
    unit = request.GET.get("unit", "")
    if unit.isdigit():
        tasks = tasks.filter(unit_id=int(unit))
    status = request.GET.get("status", "open")
    if status == "open":
        tasks = tasks.exclude(status=RectificationStatus.CLOSED)
    elif status in RectificationStatus.values:
        tasks = tasks.filter(status=status)
    page = Paginator(tasks, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "oversight/rectifications.html",
        {
            "page": page,
            "status": status,
            "unit": unit,
            "today": local_today(),
            "statuses": RectificationStatus.choices,
        },
    )


@staff_required
def assign(request, finding):
    finding = get_object_or_404(
        scoping.findings(request.user).select_related("unit", "indicator"), pk=finding
    )
    form = AssignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            task = workflow.assign_rectification(
                actor=request.user, finding=finding, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            flash.success(request, "整改任务已下达。")
            return redirect("console-oversight:rectification", pk=task.pk)
    return render(request, "oversight/assign.html", {"finding": finding, "form": form})


@staff_required
def rectification(request, pk):
    task = get_object_or_404(
        scoping.rectifications(request.user).select_related("unit", "indicator"), pk=pk
    )
    user = request.user
    can_submit = task.status == RectificationStatus.OPEN and has_role(
        user, task.unit, *workflow.UNIT_ROLES
    )
    can_review = task.status == RectificationStatus.SUBMITTED and has_role(
        user, task.unit, Role.OFFICE
    )
    submit_form = SubmitForm(request.POST if "evidence" in request.POST else None)
    review_form = ReviewForm(request.POST if "decision" in request.POST else None)
    if request.method == "POST":
        form = submit_form if "evidence" in request.POST else review_form
        if form.is_valid():
            try:
                _act(user, task, form)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                flash.success(request, "已保存。")
                return redirect("console-oversight:rectification", pk=task.pk)
    return render(
        request,
        "oversight/rectification.html",
        {
            "task": task,
            "submit_form": submit_form,
            "review_form": review_form,
            "can_submit": can_submit,
            "can_review": can_review,
        },
    )


def _act(user, task, form):
    data = form.cleaned_data
    if "evidence" in data:
        workflow.submit_rectification(actor=user, task=task, **data)
    elif data["decision"] == "close":
        workflow.close_rectification(actor=user, task=task, note=data["note"])
    else:
        workflow.return_rectification(actor=user, task=task, reason=data["note"])


def _is_office(user):
    return scoping.work_units(user, Role.OFFICE).exists()


# ---------------------------------------------------------------- the monthly report


def _month(value):
    today = local_today()
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        datetime.date(year, month, 1)
    except (ValueError, TypeError):
        return today.year, today.month, bool(value)
    return year, month, False


def _monthly(request):
    year, month, bad = _month(request.GET.get("month"))
    user = request.user
    report = monthly.monthly_report(
        scoping.supervised_units(user),
        scoping.scores(user),
        scoping.rectifications(user),
        year,
        month,
    )
    return report, bad


@staff_required
def month(request):
    report, bad = _monthly(request)
    if bad:
        flash.error(request, "月份格式应为“2026-11”，已显示本月。")
    query = f"month={report.year}-{report.month:02d}"
    return render(request, "oversight/month.html", {"report": report, "query": query})


@staff_required
def month_chart(request, kind):
    report, _ = _monthly(request)
    draw = {"trend": monthly.trend_svg, "units": monthly.units_svg}.get(kind)
    if draw is None:
        raise Http404
    return HttpResponse(draw(report), content_type="image/svg+xml; charset=utf-8")


@staff_required
def month_download(request, fmt):
    report, _ = _monthly(request)
    if fmt == "xlsx":
        data, kind = monthly.to_xlsx(report), XLSX_TYPE
    elif fmt == "docx":
        data, kind = monthly.to_docx(report), DOCX_TYPE
    else:
        raise Http404
    response = HttpResponse(data, content_type=kind)
    name = quote(f"{report.title}.{fmt}")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{name}"
    return response


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
