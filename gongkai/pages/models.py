"""The render outbox: what the static copies of public pages must follow.

This is the search index's outbox pattern (`search.models.IndexOperation`) rather than a task
library: a render request is written in the same transaction as the change it follows, so no
change is lost between the database and the files; it needs no broker, so `make run` stays two
commands; and like the search index each node keeps its own copies and remembers locally how
far it has applied the log, so several nodes can share one database."""

from django.db import models


class RenderOperation(models.Model):
    """Something changed that public pages show. The id is the sequence nodes apply in order."""

    class Subject(models.TextChoices):
        DOCUMENT = "document", "政府信息"
        UNIT = "unit", "单位"
        REPORT = "report", "年度报告"
        ENFORCEMENT = "enforce", "行政执法决定"
        LIST = "list", "单位的公开清单"
        CONSULTATION = "consult", "意见征集"
        DECISIONS = "decisions", "决策公开"
        INTERACTION = "question", "政民互动"
        CONCERNS = "concerns", "回应关切"
        SITE = "site", "全站页面"
        ALL = "all", "全部页面"

    id = models.BigAutoField(primary_key=True)
    subject = models.CharField("对象", max_length=10, choices=Subject.choices)
    # Not a foreign key: the operation must outlive what it names.
    object_id = models.BigIntegerField("对象编号", null=True, blank=True)
    created_at = models.DateTimeField("时间", auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "页面生成操作"
        verbose_name_plural = "页面生成操作"

    def __str__(self):
        return f"#{self.id} {self.get_subject_display()} {self.object_id or ''}".strip()
