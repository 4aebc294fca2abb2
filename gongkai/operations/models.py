"""What the operator's monitoring reads: when each scheduled job last ran and how it ended."""

from django.db import models


class JobRun(models.Model):
    """The latest run of one scheduled job (one row per job, overwritten on every run)."""

    job = models.CharField("任务", max_length=60, unique=True)
    started_at = models.DateTimeField("开始时间")
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)
    succeeded = models.BooleanField("是否成功", default=False)
    summary = models.CharField("结果", max_length=300, blank=True)

    class Meta:
        ordering = ["job"]
        verbose_name = "定时任务运行"
        verbose_name_plural = "定时任务运行"

    def __str__(self):
        return f"{self.job} {self.started_at:%Y-%m-%d %H:%M}"


class AlertKind(models.TextChoices):
    PUBLISH_FAILED = "publish_failed", "定时发布失败"
    RECOMPUTE_FAILED = "recompute_failed", "期限重新计算失败"


class SystemAlert(models.Model):
    """Something a scheduled job could not do, shown on the console until it is done. `key`
    names the matter, so a job failing every minute raises one alert, not one a minute."""

    kind = models.CharField("类型", max_length=30, choices=AlertKind.choices)
    key = models.CharField(max_length=100)
    unit = models.ForeignKey(
        "units.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    message = models.CharField("内容", max_length=500)
    raised_at = models.DateTimeField("首次发生")
    resolved_at = models.DateTimeField("解决时间", null=True, blank=True)
    # For a matter a job retries by itself (a due-date recomputation): how often it was tried
    # again, and when it may be tried next (None: at the next run).
    attempts = models.PositiveSmallIntegerField("重试次数", default=0)
    next_attempt_at = models.DateTimeField("下次重试", null=True, blank=True)

    class Meta:
        ordering = ["-raised_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=models.Q(resolved_at=None), name="one_open_alert_per_key"
            )
        ]
        verbose_name = "系统提醒"
        verbose_name_plural = "系统提醒"

    def __str__(self):
        return self.message


class OutgoingMail(models.Model):
    """An e-mail waiting to go out, sent, or given up on after its retries. Written in the
    transaction of what it reports, sent after; a failure is retried with back-off and, once
    given up, shows on the console."""

    class Status(models.TextChoices):
        PENDING = "pending", "待发送"
        SENT = "sent", "已发送"
        FAILED = "failed", "发送失败"

    to = models.EmailField("收件人")
    subject = models.CharField("主题", max_length=200)
    body = models.TextField("正文")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(db_index=True)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "外发邮件"
        verbose_name_plural = "外发邮件"

    def __str__(self):
        return f"{self.subject} → {self.to}"
