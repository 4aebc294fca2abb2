"""Three rules on every request of a signed-in person: a session ends
SESSION_ABSOLUTE_SECONDS after sign-in however active it is (the idle timeout is the session
cookie's age); an account that must give a second factor reaches nothing but the
second-factor pages and logout until it has (and counts as signed out everywhere else); and
an account whose password someone else chose does nothing before its owner replaces it."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse

from gongkai.core.clock import local_now

from . import second_factor

SIGNED_IN_AT = "gongkai_signed_in_at"


def second_factor_pending(user) -> bool:
    """Signed in with a password, but not (yet) with the second factor it needs."""
    if user is None or not user.is_authenticated:
        return False
    verified = getattr(user, "is_verified", None)
    return not (verified and verified()) and second_factor.required(user)


class SessionPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        if not request.path.startswith("/console/"):
            if second_factor_pending(user):
                # Half a sign-in opens nothing outside the console either.
                request.user = AnonymousUser()
            return self.get_response(request)
        started = request.session.get(SIGNED_IN_AT)
        if started is None or local_now().timestamp() - started > settings.SESSION_ABSOLUTE_SECONDS:
            logout(request)
            messages.info(request, "登录已超过规定时长，请重新登录。")
            return redirect(f"{reverse('console:login')}?next={request.path}")
        if second_factor_pending(user):
            pages = (reverse("console:second-factor"), reverse("console:second-factor-setup"))
            if request.path in pages or request.path == reverse("console:logout"):
                return self.get_response(request)
            page = pages[0] if second_factor.is_enrolled(user) else pages[1]
            if request.method == "GET":
                page += "?" + urlencode({"next": request.get_full_path()})
            return redirect(page)
        allowed = (reverse("console:password"), reverse("console:logout"))
        if user.must_change_password and request.path not in allowed:
            messages.warning(request, "您的初始密码由他人设定，请先修改密码。")
            return redirect("console:password")
        return self.get_response(request)
