"""Sign-in records are evidence: nobody deletes them, not an administrator, not a command
(axes' `axes_reset_logs`), not a queryset. Unlocking an account resets axes' live counter
(AccessAttempt); the failures that caused the lock stay in AccessFailureLog."""

from axes.models import AccessFailureLog, AccessLog
from django.db.models.signals import pre_delete
from django.dispatch import receiver


@receiver(pre_delete, sender=AccessLog)
@receiver(pre_delete, sender=AccessFailureLog)
def refuse_deleting_login_records(sender, instance, **kwargs):
    raise PermissionError("登录记录和登录失败记录不能删除。")
