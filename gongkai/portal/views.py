from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from gongkai.pages.units import unit_page
from gongkai.publishing.models import Document
from gongkai.units.models import Unit, UnitKind

from .context_processors import FONT_SIZES

LATEST_COUNT = 8

KIND_ORDER = [
    UnitKind.GOVERNMENT,
    UnitKind.GOVERNMENT_OFFICE,
    UnitKind.DEPARTMENT,
    UnitKind.SUBDISTRICT,
    UnitKind.TOWN,
    UnitKind.ZONE,
    UnitKind.PUBLIC_ENTERPRISE,
]


def _grouped(units):
    groups = {kind: [] for kind in KIND_ORDER}
    for unit in units:
        groups[unit.kind].append(unit)
    return [(UnitKind(kind).label, members) for kind, members in groups.items() if members]


@require_GET
def home(request):
    governments = list(
        Unit.objects.active()
        .filter(kind=UnitKind.GOVERNMENT)
        .annotate(unit_count=Count("government_units", filter=Q(government_units__is_active=True)))
    )
    units = Unit.objects.active().only("code", "short_name", "full_name", "kind", "government_id")
    latest = (
        Document.objects.published()
        .select_related("unit")
        .only(
            "title", "published_at", "state", "urgent_since", "urgent_lifted_at", "unit__short_name"
        )
        .urgent_first("-published_at", "-pk")[:LATEST_COUNT]
    )
    return render(
        request,
        "portal/home.html",
        {"governments": governments, "groups": _grouped(units), "latest": latest},
    )


@require_GET
def directory(request):
    units = Unit.objects.active().only(
        "code", "short_name", "full_name", "kind", "government_id", "phone", "address"
    )
    return render(request, "portal/directory.html", {"groups": _grouped(units)})


@require_GET
@unit_page
def unit_detail(request, unit):
    return render(request, "portal/unit.html", {"unit": unit, "part": "home"})


@csrf_exempt
@require_POST
def font_size(request):
    """Sets the reader's font size in a cookie, so the control works without JavaScript.

    No CSRF token: the form is on statically published pages, where a token baked into the
    copy could not match the reader's cookie; a forged request can only change a display
    preference, and the redirect target is checked. The cookie makes the reader's pages
    per-request (see `pages.serving`)."""
    size = request.POST.get("size", "normal")
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    if size in FONT_SIZES:
        response.set_cookie("font_size", size, max_age=365 * 24 * 3600, samesite="Lax")
    return response
