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
