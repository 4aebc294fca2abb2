from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.accounts import scoping
from gongkai.accounts import services as account_services
from gongkai.accounts.permissions import require, require_any_role, roles_of, units_for
from gongkai.accounts.roles import Role
from gongkai.audit.chain import verify_chain
from gongkai.audit.models import AuditEvent
from gongkai.core import throttle
from gongkai.core.clock import local_today
from gongkai.core.forms import apply_errors
from gongkai.units import services as unit_services
from gongkai.units.models import Unit

from .decorators import staff_required
from .forms import (
    AdministratorForm,
    LoginForm,
    MergeForm,
    PasswordChangeForm,
    StaffForm,
    UnitForm,
)
from .panels import panels_for


class LoginView(auth_views.LoginView):
    """Axes locks an account after repeated failures; here the failures from one client
    address are limited too, with an atomic shared counter (a sign-in that succeeds gives its
    count back)."""

    template_name = "console/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        limit = throttle.Limit(
            "login", settings.LOGIN_ADDRESS_FAILURE_LIMIT, settings.AXES_COOLOFF_TIME.seconds
        )
        who = throttle.client_address(request)
        if not throttle.take(limit, who):
            form = self.get_form()
            form.add_error(None, "该网络地址登录失败次数过多，请稍后再试。")
            return self.render_to_response(self.get_context_data(form=form), status=429)
        response = super().post(request, *args, **kwargs)
        if request.user.is_authenticated:
            throttle.give_back(limit, who)
        return response


@staff_required
def dashboard(request):
    memberships = request.user.memberships.select_related("unit")
    return render(
        request,
        "console/dashboard.html",
        {"memberships": memberships, "panels": panels_for(request.user, local_today())},
    )


def _office_government(user):
    governments = units_for(user, Role.OFFICE).filter(kind="government")
    government = governments.first()
    if government is None:
        raise PermissionDenied("只有政务公开办可以管理单位。")
    return government


@staff_required
def unit_list(request):
    government = _office_government(request.user)
    units = Unit.objects.filter(government=government).select_related("parent", "merged_into")
    return render(request, "console/unit_list.html", {"government": government, "units": units})


@staff_required
def unit_edit(request, pk=None):
    government = _office_government(request.user)
    unit = get_object_or_404(Unit, pk=pk, government=government) if pk else None
    # Validation writes the chosen parent onto the instance; a move goes through move_unit.
    current_parent_id = unit.parent_id if unit else None
    form = UnitForm(request.POST or None, instance=unit, government=government)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.fields if name != "parent"}
        parent = form.cleaned_data["parent"]
        try:
            if unit is None:
                unit = unit_services.create_unit(
                    actor=request.user, parent=parent or government, **data
                )
            else:
                # One form, one change: a refused move leaves the other fields unsaved too.
                with transaction.atomic():
                    unit_services.update_unit(actor=request.user, unit=unit, **data)
                    moved = (parent.pk if parent else None) != current_parent_id
                    if moved and not unit.is_government:
                        unit_services.move_unit(actor=request.user, unit=unit, new_parent=parent)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"已保存：{unit.full_name}")
            return redirect("console:units")
    return render(request, "console/unit_form.html", {"form": form, "unit": unit})


@staff_required
def unit_merge(request, pk):
    government = _office_government(request.user)
    unit = get_object_or_404(Unit, pk=pk, government=government)
    form = MergeForm(request.POST or None, government=government, exclude=unit)
    if request.method == "POST" and form.is_valid():
        try:
            unit_services.merge_unit(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request, f"{unit.full_name} 已并入 {form.cleaned_data['into'].full_name}"
            )
            return redirect("console:units")
    return render(request, "console/unit_merge.html", {"form": form, "unit": unit})


@staff_required
@require_POST
def unit_delete(request, pk):
    government = _office_government(request.user)
    unit = get_object_or_404(Unit, pk=pk, government=government)
    try:
        unit_services.delete_unit(actor=request.user, unit=unit)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"已删除：{unit.full_name}")
    return redirect("console:units")


def _admin_unit(user, pk):
    unit = get_object_or_404(Unit, pk=pk)
    require(user, unit, Role.UNIT_ADMIN, Role.OFFICE)
    return unit


@staff_required
def staff_home(request):
    units = units_for(request.user, Role.UNIT_ADMIN)
    if not units.exists():
        raise PermissionDenied("只有单位管理员可以管理人员。")
    if units.count() == 1:
        return redirect("console:staff", pk=units.get().pk)
    return render(request, "console/staff_units.html", {"units": units})


@staff_required
def staff_list(request, pk):
    unit = _admin_unit(request.user, pk)
    memberships = (
        scoping.staff_memberships(request.user, unit)
        .select_related("user")
        .order_by("user__username")
    )
    form = StaffForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account_services.create_staff(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"已创建账号：{form.cleaned_data['username']}")
            return redirect("console:staff", pk=unit.pk)
    return render(
        request, "console/staff_list.html", {"unit": unit, "memberships": memberships, "form": form}
    )


@staff_required
@require_POST
def staff_toggle(request, pk, user_pk):
    unit = _admin_unit(request.user, pk)
    user = get_object_or_404(scoping.staff_accounts(request.user, unit), pk=user_pk)
    try:
        account_services.set_active(
            actor=request.user, user=user, active=not user.is_active, unit=unit
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("console:staff", pk=unit.pk)


def _sysadmin_government(user):
    require_any_role(user, Role.SYSADMIN)
    return units_for(user, Role.SYSADMIN).filter(kind="government").first()


@staff_required
def accounts(request):
    """The system administrator's account management: every account with its roles; new
    administrator accounts. Nobody resets another person's password here."""
    government = _sysadmin_government(request.user)
    form = AdministratorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account_services.create_administrator(
                actor=request.user, unit=government, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"已创建账号：{form.cleaned_data['username']}")
            return redirect("console:accounts")
    rows = scoping.accounts_with_roles().prefetch_related("memberships__unit").order_by("username")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "console/accounts.html", {"page": page, "form": form})


@staff_required
@require_POST
def account_toggle(request, pk):
    _sysadmin_government(request.user)
    user = get_object_or_404(scoping.accounts_with_roles(), pk=pk)
    try:
        account_services.set_administrator_active(
            actor=request.user, user=user, active=not user.is_active
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("console:accounts")


@staff_required
def password_change(request):
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account_services.change_password(
                actor=request.user,
                user=request.user,
                old_password=form.cleaned_data["old_password"],
                new_password=form.cleaned_data["new_password"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            update_session_auth_hash(request, request.user)
            messages.success(request, "密码已修改。")
            return redirect("console:dashboard")
    return render(request, "console/password.html", {"form": form})


@staff_required
def audit_log(request):
    require_any_role(request.user, Role.AUDITADMIN)
    events = AuditEvent.objects.all()
    action = request.GET.get("action", "").strip()
    if action:
        events = events.filter(action__startswith=action)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "console/audit_log.html", {"page": page, "action": action})


@staff_required
def audit_verify(request):
    """Recomputes the whole chain, so it is a page of its own rather than part of the log."""
    require_any_role(request.user, Role.AUDITADMIN)
    context = {"broken": verify_chain(), "count": AuditEvent.objects.count()}
    return render(request, "console/audit_verify.html", context)


@staff_required
def lockouts(request):
    require_any_role(request.user, Role.SECADMIN)
    if request.method == "POST":
        username = request.POST.get("username", "")
        reset(username=username)  # the audit trail records the unlock (audit.signals)
        messages.success(request, f"已解除锁定：{username}")
        return redirect("console:lockouts")
    attempts = AccessAttempt.objects.order_by("-attempt_time")[:200]
    return render(
        request, "console/lockouts.html", {"attempts": attempts, "roles": roles_of(request.user)}
    )
