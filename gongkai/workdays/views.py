import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from gongkai.console.decorators import staff_required
from gongkai.core.clock import local_today

from .calendar import compute_deadline
from .forms import CalculatorForm, NoticeForm, YearForm, year_lines
from .models import CalendarYear, Source
from .notice import NoticeParseError, parse_notice
from .services import (
    YearDataError,
    current_calendar,
    may_edit_calendar,
    missing_year_alert,
    missing_years,
    save_year,
)

EDIT_DENIED = "只有系统管理员或政务公开办可以修改节假日安排。"
YEARS = range(2000, 2200)


@dataclass
class Run:
    """Consecutive holiday dates with the same name, for display."""

    name: str
    first: date
    last: date

    @property
    def days(self):
        return (self.last - self.first).days + 1


def holiday_runs(holidays, names) -> list[Run]:
    runs: list[Run] = []
    for day in sorted(holidays):
        name = names.get(day, "")
        if runs and runs[-1].last + timedelta(days=1) == day and runs[-1].name == name:
            runs[-1].last = day
        else:
            runs.append(Run(name, day, day))
    return runs


def calculator(request):
    form = CalculatorForm(request.GET or None)
    deadline = None
    if form.is_bound and form.is_valid():
        deadline = compute_deadline(
            current_calendar(), start=form.cleaned_data["start"], limit=form.cleaned_data["days"]
        )
    return render(request, "workdays/calculator.html", {"form": form, "deadline": deadline})


@staff_required
def index(request):
    today = local_today()
    context = {
        "years": CalendarYear.objects.all(),
        "alert": missing_year_alert(today),
        "missing": missing_years(today),
        "can_edit": may_edit_calendar(request.user),
    }
    return render(request, "workdays/console_index.html", context)


@staff_required
def year_detail(request, year):
    row = get_object_or_404(CalendarYear, year=year)
    entry = row.entry()
    context = {
        "row": row,
        "runs": holiday_runs(entry.holidays, entry.names),
        "workdays": sorted(entry.workdays),
        "revisions": row.revisions.order_by("-number"),
        "can_edit": may_edit_calendar(request.user),
    }
    return render(request, "workdays/console_year.html", context)


@staff_required
def year_edit(request, year):
    if year not in YEARS:
        raise Http404("年份不正确")
    if not may_edit_calendar(request.user):
        raise PermissionDenied(EDIT_DENIED)
    row = CalendarYear.objects.filter(year=year).first()
    form = YearForm(request.POST or None, initial=_initial(row), correcting=row is not None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = save_year(
                actor=request.user,
                year=year,
                holidays=data["holidays"].keys(),
                workdays=data["workdays"].keys(),
                names=data["holidays"],
                source=Source.MANUAL,
                source_note=data["source_note"],
                reason=data["reason"],
            )
        except YearDataError as error:
            form.add_error(None, str(error))
        else:
            _report(request, result)
            return redirect("console-workdays:year", year=year)
    return render(request, "workdays/console_edit.html", {"form": form, "year": year, "row": row})


@staff_required
def new_year(request):
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = None
    if year not in YEARS:
        messages.error(request, "请填写2000到2199之间的四位年份。")
        return redirect("console-workdays:index")
    return redirect("console-workdays:edit", year=year)


@staff_required
def notice(request):
    if not may_edit_calendar(request.user):
        raise PermissionDenied(EDIT_DENIED)
    form = NoticeForm(request.POST or None)
    parsed = None
    if request.method == "POST" and form.is_valid():
        try:
            parsed = parse_notice(form.cleaned_data["text"], year=form.cleaned_data["year"])
        except NoticeParseError as error:
            form.add_error("text", str(error))
    if parsed and request.POST.get("action") == "confirm" and _previewed(request, form):
        try:
            result = save_year(
                actor=request.user,
                year=parsed.year,
                holidays=parsed.holidays,
                workdays=parsed.workdays,
                names=parsed.names,
                source=Source.NOTICE,
                source_note=parsed.document_number,
                notice_text=form.cleaned_data["text"],
                reason="按国务院办公厅通知录入",
            )
        except YearDataError as error:
            form.add_error(None, str(error))
        else:
            _report(request, result)
            return redirect("console-workdays:year", year=parsed.year)
    return render(request, "workdays/console_notice.html", _notice_context(form, parsed))


def _previewed(request, form) -> bool:
    """Confirm saves only the text whose preview the administrator has seen."""
    if request.POST.get("previewed") == _fingerprint(form.cleaned_data["text"]):
        return True
    messages.warning(request, "通知内容在识别后有改动，请重新核对下面的识别结果后再保存。")
    return False


def _fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _notice_context(form, parsed):
    context = {"form": form, "parsed": parsed}
    if form.is_bound and form.is_valid():
        context["fingerprint"] = _fingerprint(form.cleaned_data["text"])
    if parsed and not form.errors:
        existing = CalendarYear.objects.filter(year=parsed.year).first()
        context["existing"] = existing
        context["runs"] = holiday_runs(parsed.holidays, parsed.names)
        if existing:
            old = existing.entry()
            context["added"] = sorted(set(parsed.holidays) - old.holidays)
            context["removed"] = sorted(old.holidays - set(parsed.holidays))
            context["added_work"] = sorted(set(parsed.workdays) - old.workdays)
            context["removed_work"] = sorted(old.workdays - set(parsed.workdays))
    return context


def _initial(row):
    if row is None:
        return {}
    entry = row.entry()
    return {
        "holidays": year_lines(entry.holidays, entry.names),
        "workdays": year_lines(entry.workdays),
        "source_note": row.source_note,
    }


def _report(request, result):
    messages.success(
        request,
        f"已保存{result.calendar_year.year}年节假日安排（第{result.revision.number}版）。",
    )
    for line in result.change_lines:
        messages.info(request, line)
    if not result.change_lines:
        messages.info(request, "没有其他期限因此改变。")
