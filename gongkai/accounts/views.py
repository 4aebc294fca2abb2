"""The second-factor pages: give the code after the password, enrol at the first sign-in, and
the security administrator's resets. Thin shells over accounts.second_factor."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from gongkai.console.decorators import staff_required
from gongkai.core import throttle
from gongkai.core.forms import apply_errors

from . import scoping, second_factor
from .models import RecoveryDevice
from .permissions import require_any_role
from .roles import Role


class CodeForm(forms.Form):
    code = forms.CharField(
        label="动态口令",
        max_length=32,
        help_text="手机验证器应用中显示的 6 位数字；手机不在身边时，可输入一个恢复码。",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return resolve_url("console:dashboard")


def _verified(request, device):
    # A new session key for the fully signed-in session (no fixation across the two steps).
    request.session.cycle_key()
    otp_login(request, device)


@never_cache
@login_required
def verify(request):
    user = request.user
    if user.is_verified():
        return redirect(_next(request))
    if not second_factor.is_enrolled(user):
        return redirect("console:second-factor-setup")
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            device = second_factor.verify(
                user=user,
                code=form.cleaned_data["code"],
                address=throttle.client_address(request),
            )
        except second_factor.TooManyAttempts as error:
            form.add_error(None, error.messages[0])
            status = 429
        except ValidationError as error:
            apply_errors(form, error)
        else:
            _verified(request, device)
            if isinstance(device, RecoveryDevice):
                left = second_factor.recovery_codes_left(user)
                messages.warning(request, f"您使用了一个恢复码，还剩 {left} 个。")
            return redirect(_next(request))
    context = {
        "form": form,
        "next": request.GET.get("next", request.POST.get("next", "")),
        "limit": settings.SECOND_FACTOR_FAILURE_LIMIT,
    }
    return render(request, "accounts/second_factor.html", context, status=status)


@never_cache
@login_required
def setup(request):
    """Enrolment: scan (or type) the secret, confirm with a code, then see the recovery codes
    once — they are in this one response and nowhere else."""
    user = request.user
    if second_factor.is_enrolled(user):
        return redirect("console:second-factor")
    enrolment = second_factor.start_enrolment(user)
    form = CodeForm(request.POST or None)
    form.fields["code"].help_text = "扫描二维码后，手机验证器应用中显示的 6 位数字。"
    if request.method == "POST" and form.is_valid():
        try:
            codes = second_factor.confirm_enrolment(
                user=user,
                code=form.cleaned_data["code"],
                address=throttle.client_address(request),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            _verified(request, enrolment.device)
            return render(
                request,
                "accounts/second_factor_codes.html",
                {"codes": codes, "next": _next(request)},
            )
    context = {
        "form": form,
        "secret": " ".join(enrolment.secret[i : i + 4] for i in range(0, len(enrolment.secret), 4)),
        # segno's own markup from the otpauth URI: no user input reaches it as text.
        "qr": mark_safe(second_factor.qr_svg(enrolment.uri)),  # noqa: S308
        "next": request.GET.get("next", request.POST.get("next", "")),
    }
    return render(request, "accounts/second_factor_setup.html", context)


@staff_required
def reset_list(request):
    """The security administrator's list: who has enrolled, and a reset for each."""
    require_any_role(request.user, Role.SECADMIN)
    accounts = scoping.second_factor_accounts(request.user).order_by("username")
    page = Paginator(accounts, 50).get_page(request.GET.get("page"))
    enrolled = second_factor.enrolled_among(page.object_list)
    rows = [(account, account.pk in enrolled) for account in page.object_list]
    return render(request, "accounts/second_factor_reset.html", {"page": page, "rows": rows})


@staff_required
@require_POST
def reset(request, pk):
    user = get_object_or_404(scoping.second_factor_accounts(request.user), pk=pk)
    second_factor.reset(actor=request.user, user=user)
    messages.success(request, f"已重置 {user.username} 的动态口令，其下次登录时须重新设置。")
    return redirect("console:second-factor-reset")
