"""Staff accounts and roles. Passwords go through Django's validators (10+ characters from
three classes) and are hashed with Argon2."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from gongkai.audit.services import acting_as, record
from gongkai.core.crypto import lookup_hash
from gongkai.core.identity import is_valid_resident_id

from . import scoping
from .models import Membership, User
from .permissions import has_role, require, require_any_role
from .roles import ADMINISTRATOR_ROLES, Role

ROLE_SEPARATION_MESSAGE = (
    "系统管理员、安全管理员、审计管理员须分设账号（三员分立），不能与其他角色兼任。"
)


def roles_may_share_an_account(roles) -> bool:
    """三员分立: an administrator role is the only role on its account."""
    roles = set(roles)
    return len(roles) <= 1 or not roles & ADMINISTRATOR_ROLES


def _check_role_separation(user, role):
    held = set(user.memberships.values_list("role", flat=True))
    if not roles_may_share_an_account(held | {role}):
        raise ValidationError(ROLE_SEPARATION_MESSAGE)


def person_key(identity_number: str) -> str:
    """The identity that links one person's accounts: a keyed hash of the resident ID."""
    number = (identity_number or "").strip().upper()
    if not is_valid_resident_id(number):
        raise ValidationError({"identity_number": "请填写正确的 18 位居民身份证号码。"})
    return lookup_hash(number)


def _new_account(*, actor, username, password, last_name, first_name, email, identity_number):
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": "该用户名已被使用。"})
    user = User(
        username=username,
        last_name=last_name,
        first_name=first_name,
        email=email,
        created_by=actor,
        person_key=person_key(identity_number) if identity_number else "",
        must_change_password=True,
    )
    validate_password(password, user)
    user.set_password(password)
    user.save()
    return user


@transaction.atomic
def create_staff(
    *,
    actor,
    username,
    password,
    last_name,
    first_name="",
    email="",
    unit,
    role,
    identity_number="",
):
    """Create an account holding one role in `unit`. A unit administrator creates staff of
    their own unit; the office creates staff anywhere in its government. The account records
    its creator and the person's identity, so that separation of duties sees through a
    second account (see `scoping.same_person`)."""
    require(actor, unit, Role.UNIT_ADMIN, Role.OFFICE)
    if role in ADMINISTRATOR_ROLES:
        raise ValidationError("管理员账号由系统管理员在“账号管理”中创建。")
    if role == Role.OFFICE and not (unit.is_government and has_role(actor, unit, Role.OFFICE)):
        raise ValidationError("政务公开办角色只能由政务公开办设在人民政府上。")
    user = _new_account(
        actor=actor,
        username=username,
        password=password,
        last_name=last_name,
        first_name=first_name,
        email=email,
        identity_number=identity_number,
    )
    with acting_as(actor):  # the audit trail records the role granted
        Membership.objects.create(user=user, unit=unit, role=role)
    record(actor=actor, action="staff.create", target=user, data={"unit": unit.code, "role": role})
    return user


@transaction.atomic
def create_administrator(
    *, actor, username, password, last_name, unit, role, identity_number=""
) -> User:
    """An account holding one of the three administrator roles on a government, alone (三员
    分立). The system administrator creates it in the console; `actor` None is the server's
    command line (`manage.py create_administrator`), for the first one."""
    if role not in ADMINISTRATOR_ROLES:
        raise ValidationError("这里只能创建系统管理员、安全管理员或审计管理员账号。")
    if not unit.is_government:
        raise ValidationError("管理员角色设在人民政府上。")
    if actor is not None and not has_role(actor, unit, Role.SYSADMIN):
        raise PermissionDenied("只有系统管理员可以创建管理员账号。")
    user = _new_account(
        actor=actor,
        username=username,
        password=password,
        last_name=last_name,
        first_name="",
        email="",
        identity_number=identity_number,
    )
    with acting_as(actor):
        Membership.objects.create(user=user, unit=unit, role=role)
    record(
        actor=actor,
        action="staff.create",
        target=user,
        data={"unit": unit.code, "role": role, "via": "console" if actor else "command"},
    )
    return user


@transaction.atomic
def set_administrator_active(*, actor, user, active) -> User:
    """The system administrator enables or disables an account; never their own (so there is
    always one to undo a mistake) and never by a business role."""
    require_any_role(actor, Role.SYSADMIN)
    if user.pk == actor.pk:
        raise ValidationError("不能停用自己的账号。")
    user.is_active = active
    user.save(update_fields=["is_active"])
    record(actor=actor, action="staff.activate" if active else "staff.deactivate", target=user)
    return user


@transaction.atomic
def grant_role(*, actor, user, unit, role) -> Membership:
    if role == Role.OFFICE:
        if not unit.is_government:
            raise ValidationError("政务公开办角色只能设在人民政府上。")
        require(actor, unit, Role.OFFICE)
    elif role in ADMINISTRATOR_ROLES:
        if not has_role(actor, unit, Role.SYSADMIN):
            raise ValidationError("只有系统管理员可以设置管理员角色。")
    else:
        require(actor, unit, Role.UNIT_ADMIN, Role.OFFICE)
    _check_role_separation(user, role)
    with acting_as(actor):  # the audit trail records a role granted, wherever it is done
        membership, _ = Membership.objects.get_or_create(user=user, unit=unit, role=role)
    return membership


@transaction.atomic
def revoke_role(*, actor, membership) -> None:
    require(actor, membership.unit, Role.UNIT_ADMIN, Role.OFFICE)
    scoping.require_manageable_account(actor, membership.user)
    with acting_as(actor):  # the audit trail records a role revoked, wherever it is done
        membership.delete()


@transaction.atomic
def set_active(*, actor, user, active, unit) -> User:
    require(actor, unit, Role.UNIT_ADMIN, Role.OFFICE)
    scoping.require_manageable_account(actor, user)
    if not user.memberships.filter(unit=unit).exists():
        raise ValidationError("只能管理本单位的人员。")
    user.is_active = active
    user.save(update_fields=["is_active"])
    record(actor=actor, action="staff.activate" if active else "staff.deactivate", target=user)
    return user


@transaction.atomic
def change_password(*, actor, user, old_password, new_password) -> None:
    """A person changes their own password, knowing the current one."""
    if actor.pk != user.pk:
        raise PermissionDenied("只能修改自己的密码。")
    if not user.check_password(old_password):
        raise ValidationError({"old_password": "当前密码不正确。"})
    if old_password == new_password:
        raise ValidationError({"new_password": "新密码不能与当前密码相同。"})
    validate_password(new_password, user)
    user.set_password(new_password)
    user.must_change_password = False
    with acting_as(actor):  # the audit trail records a password change, wherever it is done
        user.save(update_fields=["password", "must_change_password"])
