from django.db.models import Count, Q
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from gongkai.pages.units import unit_page
from gongkai.publishing.models import Document
from gongkai.units.models import Unit, UnitKind

from . import display

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


@require_GET
def display_settings(request):
    """A display link (字号, 高对比度, 长者模式): sets its cookie and goes back to the page,
    so the controls work without JavaScript."""
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    for name, value in display.cookies_for(request.GET):
        response.set_cookie(name, value, max_age=display.COOKIE_AGE, samesite="Lax")
    return response


@require_GET
def display_stylesheet(request):
    """The visitor's display settings as CSS; private and never cached, as it follows cookies."""
    css = display.stylesheet(display.settings_from(request.COOKIES))
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    patch_vary_headers(response, ["Cookie"])
    return response


@require_GET
def accessibility(request):
    return render(request, "portal/accessibility.html")


@require_GET
def contact(request):
    """联系我们: each government's openness office, and where to write."""
    governments = Unit.objects.active().filter(kind=UnitKind.GOVERNMENT)
    return render(request, "portal/contact.html", {"governments": governments})


@require_GET
def site_map(request):
    """网站地图 for people (the XML one is for search engines)."""
    units = Unit.objects.active().only("code", "short_name", "full_name", "kind", "government_id")
    return render(request, "portal/site_map.html", {"groups": _grouped(units)})
