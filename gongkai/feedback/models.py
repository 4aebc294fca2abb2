"""Messages the public leaves through the 纠错/意见 link: an error on a page, an opinion about
the site, or a barrier to access. They reach the openness office of the government."""

from django.conf import settings
from django.db import models

from gongkai.core.crypto import EncryptedTextField


class MessageKind(models.TextChoices):
    CORRECTION = "correction", "纠错：页面内容有误"
    OPINION = "opinion", "意见和建议"
    ACCESS = "access", "无障碍：使用中遇到困难"


class MessageQuerySet(models.QuerySet):
    def unhandled(self):
        return self.filter(handled_at__isnull=True)


class Message(models.Model):
    government = models.ForeignKey(
        "units.Unit", verbose_name="政府", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("类别", max_length=20, choices=MessageKind.choices)
    page = models.CharField("所在页面", max_length=300, blank=True)
    text = models.TextField("内容")
    # Personal data: stored encrypted, shown only to the office.
    contact = EncryptedTextField("联系方式", blank=True)
    received_at = models.DateTimeField("收到时间", auto_now_add=True)
    handled_at = models.DateTimeField("处理时间", null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    reply_note = models.TextField("处理情况", blank=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = "纠错和意见"
        verbose_name_plural = "纠错和意见"

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"
