from django.conf import settings
from django.db import models


class AuditEventQuerySet(models.QuerySet):
    def for_target(self, target):
        return self.filter(target_type=target._meta.label_lower, target_id=str(target.pk))

    def update(self, **kwargs):
        raise PermissionError("审计记录只能追加，不能修改")

    def delete(self):
        raise PermissionError("审计记录只能追加，不能删除")


class AuditEvent(models.Model):
    """One attributable change: who did what to which record, from which state to which, why.
    Append-only: rows are never updated or deleted."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    actor_label = models.CharField("操作人", max_length=150)
    action = models.CharField("操作", max_length=80)
    target_type = models.CharField(max_length=100)
    target_id = models.CharField(max_length=64)
    target_label = models.CharField("对象", max_length=300, blank=True)
    from_state = models.CharField(max_length=40, blank=True)
    to_state = models.CharField(max_length=40, blank=True)
    reason = models.TextField("理由", blank=True)
    data = models.JSONField(default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id", "created_at"])]
        verbose_name = "审计记录"
        verbose_name_plural = "审计记录"

    def __str__(self):
        return f"{self.actor_label} {self.action} {self.target_label}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("审计记录只能追加，不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("审计记录只能追加，不能删除")
