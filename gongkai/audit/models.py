from datetime import timedelta

from django.conf import settings
from django.db import models, transaction

from gongkai.core import clock
from gongkai.core.clock import local_now

from . import chain

APPEND_ONLY_MESSAGE = "审计记录只能追加，不能修改"


class AuditEventQuerySet(models.QuerySet):
    def for_target(self, target):
        return self.filter(target_type=target._meta.label_lower, target_id=str(target.pk))

    def update(self, **kwargs):
        raise PermissionError(APPEND_ONLY_MESSAGE)

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        with transaction.atomic(using=self.db):
            chain.link(objs)
            return super().bulk_create(objs, *args, **kwargs)

    def delete(self):
        """Only the oldest events, all of them past the retention period, may go: the chain
        then starts from the last one removed, so what remains still verifies."""
        with transaction.atomic(using=self.db):
            head = ChainHead.objects.select_for_update().filter(pk=ChainHead.SINGLETON).first()
            if self.filter(created_at__gt=retention_cutoff()).exists():
                raise PermissionError(
                    f"审计记录须保存至少 {settings.AUDIT_RETENTION_DAYS} 个自然日，"
                    "期限未到，不能删除"
                )
            last = self.order_by("-sequence").first()
            if last is None:
                return 0, {}
            older = AuditEvent.objects.filter(sequence__lte=last.sequence)
            if head is None or older.count() != self.count():
                raise PermissionError("只能按时间顺序删除最早的审计记录")
            head.purged_through, head.purged_hash = last.sequence, last.hash
            head.save()
            return super().delete()


def retention_cutoff():
    return local_now() - timedelta(days=settings.AUDIT_RETENTION_DAYS)


class AuditEvent(models.Model):
    """One attributable change: who did what to which record, from which state to which, why.
    Append-only and hash-chained (see chain.py): rows are never updated, and deleted only when
    past the retention period, oldest first."""

    created_at = models.DateTimeField(default=clock.now, db_index=True)
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
    sequence = models.BigIntegerField("链序号", unique=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField("哈希值", max_length=64)
    algorithm = models.CharField("哈希算法", max_length=20)

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
            raise PermissionError(APPEND_ONLY_MESSAGE)
        with transaction.atomic(using=kwargs.get("using")):
            chain.link([self])
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        return AuditEvent.objects.filter(pk=self.pk).delete()


class ChainHead(models.Model):
    """The newest link of the audit chain, one row. Its lock serialises appends; it also lets
    verification notice the newest events being removed, and where a purge of expired events
    left the chain's start."""

    SINGLETON = 1

    last_sequence = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=chain.GENESIS)
    purged_through = models.BigIntegerField(default=0)
    purged_hash = models.CharField(max_length=64, default=chain.GENESIS)

    class Meta:
        verbose_name = "审计链头"

    def __str__(self):
        return f"审计链头：第 {self.last_sequence} 条"
