import functools

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def staff_required(view):
    """Console views: a logged-in, active account holding at least one role."""

    @login_required
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.memberships.exists():
            raise PermissionDenied("您的账号没有任何角色，请联系单位管理员。")
        return view(request, *args, **kwargs)

    return wrapper
