"""Sign-in records are evidence: nobody deletes them, not an administrator, not a command
(axes' `axes_reset_logs`), not a queryset. Unlocking an account resets axes' live counter
(AccessAttempt); the failures that caused the lock stay in AccessFailureLog."""

from axes.models import AccessFailureLog, AccessLog
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from gongkai.core.clock import local_now

from .middleware import SIGNED_IN_AT


@receiver(pre_delete, sender=AccessLog)
@receiver(pre_delete, sender=AccessFailureLog)
def refuse_deleting_login_records(sender, instance, **kwargs):
    raise PermissionError("登录记录和登录失败记录不能删除。")


@receiver(user_logged_in)
def remember_when_signed_in(sender, request, user, **kwargs):
    """The start of the absolute session lifetime (see accounts.middleware)."""
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = local_now().timestamp()
