from gongkai.accounts.middleware import second_factor_pending
from gongkai.accounts.permissions import roles_of
from gongkai.accounts.roles import WORK_ROLES


def roles(request):
    """The signed-in person's roles, so the console shows only the links they can use."""
    if not request.path.startswith("/console/") or not request.user.is_authenticated:
        return {}
    if second_factor_pending(request.user):
        # Half signed in: the header offers logout only, the navigation nothing.
        return {"console_roles": set(), "console_works": False, "second_factor_pending": True}
    held = roles_of(request.user)
    return {"console_roles": held, "console_works": bool(held & WORK_ROLES)}
