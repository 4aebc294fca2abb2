"""The office's settings of the inspection indicators: the list, and one indicator's form."""

from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from gongkai.accounts import scoping
from gongkai.accounts.roles import Role
from gongkai.console.decorators import staff_required
from gongkai.core.forms import apply_errors
from gongkai.publishing import vocabularies as v

from . import indicators as service
from .forms import IndicatorForm
from .models import Indicator


def _is_office(user):
    return scoping.work_units(user, Role.OFFICE).exists()


@staff_required
def indicators(request):
    return render(
        request,
        "oversight/indicators.html",
        {"indicators": Indicator.objects.all(), "office": _is_office(request.user)},
    )


@staff_required
def edit(request, code):
    if not _is_office(request.user):
        raise PermissionDenied("只有政务公开办可以设置检查指标。")
    indicator = get_object_or_404(Indicator, code=code)
    period, categories = service.uses_period(indicator), service.uses_categories(indicator)
    initial = {field: getattr(indicator, field) for field in service.FIELDS}
    form = IndicatorForm(
        request.POST or None, initial=initial, period=period, categories=categories
    )
    if request.method == "POST" and form.is_valid():
        try:
            service.update_indicator(actor=request.user, indicator=indicator, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            flash.success(request, f"已保存“{form.cleaned_data['name']}”的设置。")
            return redirect("console-oversight:indicators")
    return render(
        request,
        "oversight/indicator.html",
        {
            "indicator": indicator,
            "form": form,
            "statutory": v.STATUTORY_LABELS.items() if categories else (),
        },
    )
