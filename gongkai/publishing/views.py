"""Public and console views of proactive disclosure."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from gongkai.portal.units import unit_page


def _empty_part(request, unit, part, label):
    return render(request, "portal/part_empty.html", {"unit": unit, "part": part, "part_label": label})


@require_GET
@unit_page
def column_guide(request, unit):
    return _empty_part(request, unit, "guide", "政府信息公开指南")


@require_GET
@unit_page
def column_rules(request, unit):
    return _empty_part(request, unit, "rules", "政府信息公开制度")


@require_GET
@unit_page
def column_statutory(request, unit):
    return _empty_part(request, unit, "statutory", "法定主动公开内容")
