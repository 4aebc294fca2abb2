"""Events no service call writes: sign-ins, failures, sign-outs, lockouts and unlocks (from
Django's and django-axes' signals), and role and password changes made anywhere — a service,
the admin, a management command — from the models' own signals."""

from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from gongkai.accounts.models import Membership

from .services import current_actor, record, record_account_event

User = get_user_model()


def _address(request):
    if request is None:
        return ""
    return getattr(request, "axes_ip_address", None) or request.META.get("REMOTE_ADDR", "")


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    record(actor=user, action="auth.login", target=user, data={"address": _address(request)})


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(actor=user, action="auth.logout", target=user, data={"address": _address(request)})


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    record_account_event(
        action="auth.failure",
        username=credentials.get("username", ""),
        anonymous=True,
        data={"address": _address(request)},
    )


@receiver(user_locked_out)
def _locked_out(sender, request, username, ip_address, **kwargs):
    record_account_event(
        action="auth.lockout",
        username=username,
        anonymous=True,
        data={"address": ip_address or "", "failures": settings.AXES_FAILURE_LIMIT},
    )


@receiver(post_delete, sender=AccessAttempt)
def _unlocked(sender, instance, **kwargs):
    # Removing the attempts of a locked account lifts the lock (by the security administrator,
    # or at the next sign-in once the lock has lapsed).
    if instance.failures_since_start >= settings.AXES_FAILURE_LIMIT:
        record_account_event(
            action="auth.unlock",
            username=instance.username,
            actor=current_actor(),
            data={"address": instance.ip_address or ""},
        )


@receiver(pre_save, sender=Membership)
def _role_before(sender, instance, raw=False, **kwargs):
    # A membership edited in place (its role, unit or account changed) is a role change too:
    # remember what it was, so the change is recorded whoever makes it.
    if instance.pk and not raw:
        before = Membership.objects.filter(pk=instance.pk).values("role", "unit__code").first()
        instance._role_before = before


@receiver(post_save, sender=Membership)
def _role_granted(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created:
        _role_event("role.grant", instance)
        return
    before = getattr(instance, "_role_before", None)
    if before and (before["role"], before["unit__code"]) != (instance.role, instance.unit.code):
        record(
            actor=current_actor(),
            action="role.change",
            target=instance.user,
            data={
                "unit": instance.unit.code,
                "role": instance.role,
                "from_unit": before["unit__code"],
                "from_role": before["role"],
            },
        )


@receiver(post_delete, sender=Membership)
def _role_revoked(sender, instance, **kwargs):
    _role_event("role.revoke", instance)


def _role_event(action, membership):
    record(
        actor=current_actor(),
        action=action,
        target=membership.user,
        data={"unit": membership.unit.code, "role": membership.role},
    )


@receiver(pre_save, sender=User)
def _note_password_change(sender, instance, raw=False, update_fields=None, **kwargs):
    instance._audit_password_changed = False
    if raw or instance.pk is None or instance._password is None:
        return
    if update_fields is not None and "password" not in update_fields:
        return
    stored = User.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    # An account saved before its first password is still being created; a stored hash
    # upgraded to the current hasher at sign-in keeps the same password.
    instance._audit_password_changed = bool(stored) and not check_password(
        instance._password, stored
    )


@receiver(post_save, sender=User)
def _password_changed(sender, instance, created, **kwargs):
    if getattr(instance, "_audit_password_changed", False):
        instance._audit_password_changed = False
        record(actor=current_actor(), action="staff.password", target=instance)
