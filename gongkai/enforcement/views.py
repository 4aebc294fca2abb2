"""The public list of enforcement decisions (masked, filterable without JavaScript) and the
console's register / review / revoke pages."""

from django.contrib import messages as flash
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_POST

from gongkai.accounts import scoping
from gongkai.accounts.permissions import has_role
from gongkai.accounts.roles import Role
from gongkai.console.decorators import staff_required
from gongkai.core.forms import apply_errors
from gongkai.units.models import Unit

from . import services
from .forms import DecisionForm, FilterForm, RevokeForm
from .models import Decision, DecisionSource

PAGE_SIZE = 30


def public_list(request):
    decisions = Decision.objects.published().select_related("unit")
    units = Unit.objects.active().filter(pk__in=decisions.values("unit")).order_by("display_order")
    form = FilterForm(units, request.GET or None)
    if form.is_valid():
        data = form.cleaned_data
        if data["kind"]:
            decisions = decisions.filter(kind=data["kind"])
        if data["unit"]:
            decisions = decisions.filter(unit__code=data["unit"])
        for word in data["q"].split():
            decisions = decisions.filter(Q(title__icontains=word) | Q(number__icontains=word))
    page = Paginator(decisions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "enforcement/list.html", {"form": form, "page": page})


def public_detail(request, pk):
    decision = get_object_or_404(Decision.objects.published().select_related("unit"), pk=pk)
    return render(request, "enforcement/detail.html", {"decision": decision})


@staff_required
def console_list(request):
    units = scoping.work_units(request.user, Role.EDITOR, Role.REVIEWER, Role.OFFICE)
    decisions = scoping.decisions(request.user).select_related("unit")[:200]
    editor_units = scoping.work_units(request.user, Role.EDITOR)
    sources = {s.unit_id: s.all_on_platform for s in DecisionSource.objects.filter(unit__in=units)}
    office_units = scoping.work_units(request.user, Role.OFFICE).filter(is_active=True)
    return render(
        request,
        "enforcement/console_list.html",
        {
            "decisions": decisions,
            "editor_units": editor_units,
            "office_units": [(u, sources.get(u.pk, False)) for u in office_units],
            "revoke_form": RevokeForm(),
        },
    )


@staff_required
def register(request, unit_pk):
    unit = get_object_or_404(scoping.work_units(request.user, Role.EDITOR), pk=unit_pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.register(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            flash.success(request, "已登记，待审核后公示。")
            return redirect("console-enforcement:list")
    return render(request, "enforcement/register.html", {"form": form, "unit": unit})


def _decision(user, pk):
    return get_object_or_404(scoping.decisions(user).select_related("unit"), pk=pk)


@staff_required
@require_POST
def publish(request, pk):
    decision = _decision(request.user, pk)
    try:
        decision = services.publish(actor=request.user, decision=decision)
    except ValidationError as error:
        flash.error(request, "；".join(error.messages))
    else:
        late = "（已超过公示期限，标记为逾期）" if decision.is_late else ""
        flash.success(request, f"已公示{late}。")
    return redirect("console-enforcement:list")


@staff_required
@require_POST
def revoke(request, pk):
    decision = _decision(request.user, pk)
    form = RevokeForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.revoke(actor=request.user, decision=decision, reason=reason)
    except ValidationError as error:
        flash.error(request, "；".join(error.messages))
    else:
        flash.success(request, "已撤销公示。")
    return redirect("console-enforcement:list")


@staff_required
@require_POST
def source(request, unit_pk):
    unit = get_object_or_404(scoping.work_units(request.user, Role.OFFICE), pk=unit_pk)
    if not has_role(request.user, unit, Role.OFFICE):
        raise PermissionDenied("只有政务公开办可以设置。")
    services.set_source(
        actor=request.user, unit=unit, all_on_platform=request.POST.get("all_on_platform") == "on"
    )
    flash.success(request, f"已更新{unit.short_name}的执法决定来源。")
    return redirect("console-enforcement:list")


class DecisionFeed(Feed):
    """Decisions as they are published (the party masked as on the page)."""

    feed_type = Atom1Feed
    title = "行政执法决定公示"
    description = "行政许可、行政处罚和行政强制决定"

    def link(self):
        return reverse("enforcement:list")

    def items(self):
        return Decision.objects.published().select_related("unit").order_by("-published_at")[:30]

    def item_title(self, item):
        return f"{item.unit.short_name}：{item.title}（{item.number}）"

    def item_description(self, item):
        return f"{item.get_kind_display()}。当事人：{item.shown_party[0]}。{item.outcome}"

    def item_link(self, item):
        return reverse("enforcement:detail", args=[item.pk])

    def item_pubdate(self, item):
        return item.published_at

    def item_guid(self, item):
        return f"urn:gongkai:enforcement-decision:{item.pk}"

    item_guid_is_permalink = False
