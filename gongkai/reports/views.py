"""Public and console views of annual reports."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from gongkai.portal.units import unit_page


@require_GET
@unit_page
def column_reports(request, unit):
    return render(
        request,
        "portal/part_empty.html",
        {"unit": unit, "part": "reports", "part_label": "政府信息公开年报"},
    )
