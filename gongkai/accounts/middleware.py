"""Two rules on every console request of a signed-in person: a session ends
SESSION_ABSOLUTE_SECONDS after sign-in however active it is (the idle timeout is the session
cookie's age), and an account whose password someone else chose does nothing before its owner
replaces it."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from gongkai.core.clock import local_now

SIGNED_IN_AT = "gongkai_signed_in_at"


class SessionPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not request.path.startswith("/console/"):
            return self.get_response(request)
        started = request.session.get(SIGNED_IN_AT)
        if started is None or local_now().timestamp() - started > settings.SESSION_ABSOLUTE_SECONDS:
            logout(request)
            messages.info(request, "登录已超过规定时长，请重新登录。")
            return redirect(f"{reverse('console:login')}?next={request.path}")
        allowed = (reverse("console:password"), reverse("console:logout"))
        if user.must_change_password and request.path not in allowed:
            messages.warning(request, "您的初始密码由他人设定，请先修改密码。")
            return redirect("console:password")
        return self.get_response(request)
