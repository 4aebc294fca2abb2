"""Public and console views of annual reports. Each view validates, calls one workflow
function or reads, and renders; permissions are checked in the workflow's helpers."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from gongkai.accounts import scoping
from gongkai.console.decorators import staff_required
from gongkai.core.clock import this_year
from gongkai.core.forms import apply_errors
from gongkai.pages.units import unit_page

from . import export, presentation, services, workflow
from .forms import GenerateForm, NewVersionForm, ReportForm, ReviewForm
from .models import ENTERED_FIELDS, NARRATIVE_FIELDS, AnnualReport, ReportStatus

# ---- portal ------------------------------------------------------------------------------


@require_GET
@unit_page
def column_reports(request, unit):
    reports = AnnualReport.objects.published().filter(unit=unit).order_by("-year")
    return render(
        request,
        "reports/column.html",
        {"unit": unit, "part": "reports", "part_label": "政府信息公开年报", "reports": reports},
    )


@require_GET
def report_index(request):
    """Every published annual report of every government and unit, by year."""
    reports = (
        AnnualReport.objects.published()
        .select_related("unit", "unit__government")
        .order_by("-year", "unit__government__display_order", "unit__display_order", "unit_id")
    )
    reports = list(reports)
    years = sorted({r.year for r in reports}, reverse=True)
    year = request.GET.get("year", "")
    chosen = int(year) if year.isdigit() and int(year) in years else None
    shown = [r for r in reports if chosen is None or r.year == chosen]
    by_year = {}
    for report in shown:
        by_year.setdefault(report.year, []).append(report)
    return render(
        request,
        "reports/index.html",
        {"years": years, "year": chosen, "by_year": sorted(by_year.items(), reverse=True)},
    )


def _public_report(unit, year, version=None):
    reports = AnnualReport.objects.public().filter(unit=unit, year=year).select_related("unit")
    if version:
        report = reports.filter(version=version).first()
    else:
        report = reports.filter(status=ReportStatus.PUBLISHED).first()
    if report is None:
        raise Http404("没有这份年度报告")
    return report


def _version(request):
    value = request.GET.get("version", "")
    return int(value) if value.isdigit() else None


@require_GET
@unit_page
def report_page(request, unit, year):
    report = _public_report(unit, year, _version(request))
    tables = services.report_tables(report)
    history = AnnualReport.objects.public().filter(unit=unit, year=year).order_by("-version")
    return render(
        request,
        "reports/report.html",
        {
            "unit": unit,
            "part": "reports",
            "report": report,
            "sections": presentation.sections(report, tables),
            "history": history,
        },
    )


@require_GET
@unit_page
def report_docx(request, unit, year):
    report = _public_report(unit, year, _version(request))
    return _download(report, export.to_docx, export.DOCX_TYPE, "docx")


@require_GET
@unit_page
def report_xlsx(request, unit, year):
    report = _public_report(unit, year, _version(request))
    return _download(report, export.to_xlsx, export.XLSX_TYPE, "xlsx")


def _download(report, writer, content_type, extension):
    response = HttpResponse(writer(services.content_of(report)), content_type=content_type)
    name = f"{report.unit.code}-{report.year}-annual-report-v{report.version}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# ---- console -----------------------------------------------------------------------------


def _editable_units(user):
    readable = scoping.work_units(user, *workflow.READ_ROLES).filter(
        is_active=True, merged_into=None
    )
    editable = [unit.pk for unit in readable if _can(workflow.require_editor, user, unit)]
    return readable.filter(pk__in=editable)


def _can(check, user, unit):
    try:
        check(user, unit)
    except PermissionDenied:
        return False
    return True


def _report(user, pk):
    report = get_object_or_404(scoping.reports(user).select_related("unit"), pk=pk)
    workflow.require_reader(user, report.unit)
    return report


@staff_required
def report_list(request):
    reports = scoping.reports(request.user).select_related("unit")
    form = GenerateForm(initial={"year": this_year() - 1}, units=_editable_units(request.user))
    return render(request, "reports/console_list.html", {"reports": reports, "form": form})


@staff_required
@require_POST
def generate(request):
    form = GenerateForm(request.POST, units=_editable_units(request.user))
    if form.is_valid():
        try:
            report = workflow.generate_report(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"已生成：{report.title}")
            return redirect("console-reports:detail", report.pk)
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("console-reports:list")


@staff_required
def detail(request, pk):
    report = _report(request.user, pk)
    tables = services.report_tables(report)
    violations = services.violations_of(report, tables) if report.is_open else []
    user = request.user
    return render(
        request,
        "reports/console_detail.html",
        {
            "report": report,
            "sections": presentation.sections(report, tables, linked=True),
            "violations": [_violation_view(report, v) for v in violations],
            "warnings": services.narrative_warnings(report),
            "versions": scoping.reports(user)
            .filter(unit=report.unit, year=report.year)
            .order_by("-version"),
            "can_edit": _can(workflow.require_editor, user, report.unit),
            "can_review": _can(workflow.require_reviewer, user, report.unit),
            "review_form": ReviewForm(),
            "version_form": NewVersionForm(),
            "sources": tables.table2_sources,
            "due": services.due_date(report.unit, report.year),
        },
    )


def _violation_view(report, violation):
    code = presentation.TABLE_CODES[violation.table]
    cell_url = reverse(
        "console-reports:cell",
        args=[report.pk, code, presentation.key_text(violation.table, violation.cell)],
    )
    ids = ",".join(str(pk) for pk in violation.record_ids)
    records_url = reverse("console-reports:records", args=[report.pk, code]) + f"?ids={ids}"
    return {
        "violation": violation,
        "cell_url": cell_url,
        "records_url": records_url if violation.record_ids else None,
    }


@staff_required
def edit(request, pk):
    report = _report(request.user, pk)
    workflow.require_editor(request.user, report.unit)
    initial = {
        **{name: getattr(report, name) for name in ENTERED_FIELDS.values()},
        **{name: getattr(report, name) for name in NARRATIVE_FIELDS.values()},
        "figures_source": report.figures_source,
    }
    form = ReportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            report = workflow.update_report(
                actor=request.user,
                report=report,
                figures=form.figures(),
                figures_source=form.cleaned_data["figures_source"],
                narratives=form.narratives(),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "已保存。")
            for warning in services.narrative_warnings(report):
                messages.warning(request, warning)
            return redirect("console-reports:detail", report.pk)
    return render(request, "reports/console_edit.html", {"report": report, "form": form})


def _act(request, report, action):
    try:
        action()
    except workflow.PublicationRefused as refused:
        messages.error(
            request, f"不能发布：有 {len(refused.violations)} 处数据不符合勾稽关系，详见下方列表。"
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        return True
    return False


@staff_required
@require_POST
def submit(request, pk):
    report = _report(request.user, pk)
    if _act(request, report, lambda: workflow.submit_report(actor=request.user, report=report)):
        messages.success(request, "已提交审核。")
    return redirect("console-reports:detail", report.pk)


@staff_required
@require_POST
def review(request, pk):
    report = _report(request.user, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("console-reports:detail", report.pk)
    approve = form.cleaned_data["decision"] == "approve"
    done = _act(
        request,
        report,
        lambda: workflow.review_report(
            actor=request.user,
            report=report,
            approve=approve,
            comment=form.cleaned_data["comment"],
            confidentiality_result=form.cleaned_data["confidentiality_result"],
        ),
    )
    if done:
        messages.success(request, "审核通过。" if approve else "已退回修改。")
    return redirect("console-reports:detail", report.pk)


@staff_required
@require_POST
def publish(request, pk):
    report = _report(request.user, pk)
    if _act(request, report, lambda: workflow.publish_report(actor=request.user, report=report)):
        messages.success(request, "已发布到本单位政府信息公开专栏的“年度报告”。")
    return redirect("console-reports:detail", report.pk)


@staff_required
@require_POST
def new_version(request, pk):
    report = _report(request.user, pk)
    form = NewVersionForm(request.POST)
    reason = form.data.get("reason", "")
    holder = {}

    def create():
        holder["draft"] = workflow.new_version(actor=request.user, report=report, reason=reason)

    if _act(request, report, create):
        messages.success(request, "已创建新版本草稿；原版本在新版本发布前继续公开。")
        return redirect("console-reports:detail", holder["draft"].pk)
    return redirect("console-reports:detail", report.pk)


# ---- drill-down --------------------------------------------------------------------------


@staff_required
def cell(request, pk, table, key):
    report = _report(request.user, pk)
    table_name = presentation.TABLE_BY_CODE.get(table)
    cell_key = presentation.key_from_text(table_name, key) if table_name else None
    if cell_key is None:
        raise Http404("没有这个单元格")
    tables = services.report_tables(report)
    if table_name == "三":
        ids = tables.table3.records_for(cell_key)
    elif table_name == "四":
        ids = tables.table4.records_for(cell_key)
    else:
        ids = tables.table2_records.get(cell_key)
    title = presentation.cell_name(table_name, cell_key)
    return _records_page(request, report, table_name, ids, title, cell_key)


@staff_required
def records(request, pk, table):
    report = _report(request.user, pk)
    table_name = presentation.TABLE_BY_CODE.get(table)
    if table_name is None:
        raise Http404("没有这个表格")
    ids = [int(part) for part in request.GET.get("ids", "").split(",") if part.isdigit()]
    return _records_page(request, report, table_name, ids, "不符合勾稽关系的相关记录")


def _records_page(request, report, table, ids, title, cell_key=None):
    """The records behind a figure. The ids may come from the URL: each list is the report's
    covered units intersected with what the reader may see anyway."""
    context = {"report": report, "title": title, "table": table, "entered": ids is None}
    units = services.covered_units(report.unit)
    user = request.user
    ids = list(ids or ())
    if table == "三":
        rows = (
            scoping.applications(user)
            .filter(pk__in=ids, unit__in=units)
            .select_related("unit", "reply")
        )
        context["applications"] = [
            (row, _application_url(row)) for row in rows.order_by("received_on", "pk")
        ]
    elif table == "四":
        context["remedies"] = (
            scoping.remedies(user)
            .filter(pk__in=ids, application__unit__in=units)
            .select_related("application")
            .order_by("filed_on")
        )
    elif table == "二" and cell_key in presentation.ENFORCEMENT_CELLS:
        context["decisions"] = (
            scoping.decisions(user).filter(pk__in=ids, unit__in=units).order_by("decided_on")
        )
    else:
        context["documents"] = (
            scoping.readable_documents(user)
            .filter(pk__in=ids, unit__in=units)
            .order_by("date_written")
        )
    context["count"] = len(ids)
    context["figures_source"] = report.figures_source
    return render(request, "reports/console_records.html", context)


def _application_url(application):
    return reverse("console-applications:detail", args=[application.pk])
