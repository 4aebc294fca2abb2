"""Finding the unit a public URL names. A merged unit's pages redirect to the same page of the
unit it became part of, so old links keep working."""

import functools

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

from gongkai.units.models import Unit


def current_unit(code):
    """The unit a code leads to today: itself, or the unit it was (repeatedly) merged into."""
    unit = Unit.objects.filter(code=code).select_related("government").first()
    if unit is None:
        raise Http404("没有这个单位")
    seen = set()
    while unit.merged_into_id and unit.pk not in seen:
        seen.add(unit.pk)
        unit = Unit.objects.select_related("government").get(pk=unit.merged_into_id)
    if not unit.is_active:
        raise Http404("该单位已停用")
    return unit


def unit_page(view):
    """For public views whose URL has `code`: passes the unit, or redirects a merged one."""

    @functools.wraps(view)
    def wrapper(request, code, *args, **kwargs):
        unit = current_unit(code)
        if unit.code != code:
            match = request.resolver_match
            target = reverse(
                match.view_name, args=match.args, kwargs={**match.kwargs, "code": unit.code}
            )
            query = request.META.get("QUERY_STRING")
            return redirect(f"{target}?{query}" if query else target)
        return view(request, unit, *args, **kwargs)

    return wrapper
