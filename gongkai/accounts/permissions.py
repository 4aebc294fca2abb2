"""Who may act where. Services call these; views only translate PermissionDenied into 403.

A membership gives its role in its own unit. The office role, held on a government, gives
supervision over every unit of that government."""

from django.core.exceptions import PermissionDenied

from gongkai.units.models import Unit

from .roles import WORK_ROLES, Role


def _memberships(user):
    if not user.is_authenticated or not user.is_active:
        return []
    cached = getattr(user, "_gongkai_memberships", None)
    if cached is None:
        cached = list(user.memberships.select_related("unit"))
        user._gongkai_memberships = cached
    return cached


def roles_of(user) -> set[str]:
    return {membership.role for membership in _memberships(user)}


def has_any_role(user, *roles) -> bool:
    return bool(roles_of(user) & set(roles))


def units_for(user, *roles):
    """Units where `user` holds one of `roles` (any business role when none are given: the
    administrators' roles reach no business unit). An office role yields every unit of its
    government."""
    wanted = set(roles) or set(WORK_ROLES)
    direct = {m.unit_id for m in _memberships(user) if m.role in wanted}
    governments = {
        m.unit_id for m in _memberships(user) if m.role == Role.OFFICE and Role.OFFICE in wanted
    }
    query = Unit.objects.filter(pk__in=direct)
    if governments:
        query = query | Unit.objects.filter(government__in=governments)
    return query.distinct()


def has_role(user, unit, *roles) -> bool:
    for membership in _memberships(user):
        if membership.role not in roles:
            continue
        if membership.unit_id == unit.pk:
            return True
        if membership.role == Role.OFFICE and unit.government_id == membership.unit_id:
            return True
    return False


def require(user, unit, *roles) -> None:
    if not has_role(user, unit, *roles):
        raise PermissionDenied("您没有在该单位执行此操作的权限。")


def require_any_role(user, *roles) -> None:
    if not has_any_role(user, *roles):
        raise PermissionDenied("您没有执行此操作的权限。")
