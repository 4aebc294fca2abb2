"""Public-opinion incidents (政务舆情) and the answers to them: the registry of incidents with
their deadlines, escalations and higher-level referrals, and the records of press
conferences. The published response itself is a publishing document of the 回应 kind."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from gongkai.core.crypto import EncryptedTextField
from gongkai.core.masking import mask_name, mask_phone


class Source(models.TextChoices):
    MEDIA = "media", "媒体报道"
    PETITION = "petition", "群众信访"
    ONLINE = "online", "网络平台"
    REFERRAL = "referral", "上级转办"


class Level(models.TextChoices):
    """The level names the tier that answers (分级负责), see workflow.LEVEL_TIERS."""

    GENERAL = "general", "一般"
    SIGNIFICANT = "significant", "较大"
    MAJOR = "major", "重大"
    EXTRAORDINARY = "extraordinary", "特别重大"


class ReferringOffice(models.TextChoices):
    PROVINCE = "province", "省政府办公厅"
    CITY = "city", "市政府办公厅（室）"


class IncidentStatus(models.TextChoices):
    OPEN = "open", "处置中"
    FIRST_RESPONDED = "first_responded", "已初步回应"
    RESPONDED = "responded", "已回应办结"
    DISMISSED = "dismissed", "核实后无需回应"


CLOSED_STATUSES = frozenset({IncidentStatus.RESPONDED, IncidentStatus.DISMISSED})


class IncidentQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=CLOSED_STATUSES)

    def late(self, now):
        """Open incidents past a deadline: the first response or the full response, or a
        referral whose report back is overdue."""
        missed = Q(first_response_at__isnull=True, first_response_due__lt=now) | Q(
            full_response_due__lt=now
        )
        unreported = Q(referral_due__lt=now, reported_at__isnull=True)
        return self.filter((missed & ~Q(status__in=CLOSED_STATUSES)) | unreported)


class Incident(models.Model):
    number = models.CharField("编号", max_length=20, unique=True)
    title = models.CharField("舆情事项", max_length=200)
    summary = models.TextField("舆情概要")
    source = models.CharField("来源", max_length=20, choices=Source.choices)
    source_detail = models.CharField("来源说明", max_length=300, blank=True)
    level = models.CharField("级别", max_length=20, choices=Level.choices)
    territory = models.ForeignKey(
        "units.Unit", verbose_name="属地", on_delete=models.PROTECT, related_name="+"
    )
    responsible_unit = models.ForeignKey(
        "units.Unit", verbose_name="责任主体", on_delete=models.PROTECT, related_name="+"
    )
    handling_unit = models.ForeignKey(
        "units.Unit", verbose_name="承办单位", on_delete=models.PROTECT, related_name="+"
    )
    escalated_to = models.ForeignKey(
        "units.Unit",
        verbose_name="督办单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # A petitioner's or reporter's contact: personal data, encrypted and shown masked.
    contact_name = EncryptedTextField("反映人", blank=True)
    contact_phone = EncryptedTextField("反映人电话", blank=True)
    detected_at = models.DateTimeField("发现时间")
    first_response_due = models.DateTimeField("首次回应时限")
    full_response_due = models.DateTimeField("完整回应时限")
    first_response_limit = models.CharField("首次回应时限规定", max_length=20)
    full_response_limit = models.CharField("完整回应时限规定", max_length=20)
    first_response_at = models.DateTimeField("首次回应时间", null=True, blank=True)
    first_response = models.TextField("首次回应内容", blank=True)
    first_response_channel = models.CharField("首次回应渠道", max_length=100, blank=True)
    response_document = models.ForeignKey(
        "publishing.Document",
        verbose_name="回应文件",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    responded_at = models.DateTimeField("回应办结时间", null=True, blank=True)
    dismissed_reason = models.TextField("无需回应的理由", blank=True)
    closed_at = models.DateTimeField("办结时间", null=True, blank=True)
    # A higher-level referral (省、市政府办公厅转办) has its own deadline and a report back.
    referring_office = models.CharField(
        "转办机关", max_length=20, choices=ReferringOffice.choices, blank=True
    )
    referral_number = models.CharField("转办单号", max_length=100, blank=True)
    referral_due = models.DateTimeField("转办报告时限", null=True, blank=True)
    report = models.TextField("回复报告", blank=True)
    reported_at = models.DateTimeField("报告时间", null=True, blank=True)
    status = models.CharField(
        "状态", max_length=20, choices=IncidentStatus.choices, default=IncidentStatus.OPEN
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-detected_at", "-id"]
        verbose_name = "政务舆情"
        verbose_name_plural = "政务舆情"
        indexes = [models.Index(fields=["status", "full_response_due"])]

    def __str__(self):
        return f"{self.number} {self.title}"

    def get_absolute_url(self):
        return reverse("console-concerns:detail", args=[self.pk])

    @property
    def is_closed(self):
        return self.status in CLOSED_STATUSES

    @property
    def is_referral(self):
        return self.source == Source.REFERRAL

    def first_late(self, now) -> bool:
        """The first response came (or is still missing) after its deadline."""
        return (self.first_response_at or now) > self.first_response_due

    def full_late(self, now) -> bool:
        if self.status == IncidentStatus.DISMISSED:
            return False
        return (self.responded_at or now) > self.full_response_due

    def report_late(self, now) -> bool:
        if not self.referral_due:
            return False
        return (self.reported_at or now) > self.referral_due

    def is_late(self, now) -> bool:
        return self.first_late(now) or self.full_late(now) or self.report_late(now)

    @property
    def masked_contact_name(self):
        return mask_name(self.contact_name) if self.contact_name else ""

    @property
    def masked_contact_phone(self):
        return mask_phone(self.contact_phone) if self.contact_phone else ""


class EscalationReason(models.TextChoices):
    FIRST_LATE = "first_late", "首次回应超时"
    FULL_LATE = "full_late", "完整回应超时"
    REPORT_LATE = "report_late", "转办报告超时"
    BY_HAND = "by_hand", "政务公开办督办"


class Escalation(models.Model):
    """One escalation: which deadline was missed, from which unit to which."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="escalations")
    reason = models.CharField("原因", max_length=20, choices=EscalationReason.choices)
    from_unit = models.ForeignKey(
        "units.Unit", verbose_name="原单位", on_delete=models.PROTECT, related_name="+"
    )
    to_unit = models.ForeignKey(
        "units.Unit", verbose_name="提级至", on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField("说明", max_length=300, blank=True)
    escalated_at = models.DateTimeField("提级时间")

    class Meta:
        ordering = ["escalated_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "reason"],
                condition=~Q(reason="by_hand"),
                name="one_escalation_per_missed_deadline",
            )
        ]
        verbose_name = "舆情提级督办"
        verbose_name_plural = "舆情提级督办"

    def __str__(self):
        return f"{self.incident.number}：{self.get_reason_display()}"


class PressState(models.TextChoices):
    DRAFT = "draft", "待审核"
    PUBLISHED = "published", "已发布"
    WITHDRAWN = "withdrawn", "已撤回"


class PressConferenceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=PressState.PUBLISHED, unit__is_active=True)


class PressConference(models.Model):
    """A press conference (新闻发布会) and its record, public once reviewed."""

    unit = models.ForeignKey("units.Unit", verbose_name="主办单位", on_delete=models.PROTECT)
    title = models.CharField("发布会名称", max_length=200)
    held_at = models.DateTimeField("举行时间")
    place = models.CharField("地点", max_length=200, blank=True)
    speakers = models.TextField("发布人", help_text="每行一位：姓名、职务。")
    topics = models.TextField("发布主题")
    transcript = models.TextField("文字实录")
    documents = models.ManyToManyField(
        "publishing.Document", verbose_name="相关文件", blank=True, related_name="+"
    )
    incidents = models.ManyToManyField(
        Incident, verbose_name="回应的舆情", blank=True, related_name="press_conferences"
    )
    state = models.CharField(
        "状态", max_length=20, choices=PressState.choices, default=PressState.DRAFT
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    withdrawal_reason = models.CharField("撤回理由", max_length=300, blank=True)

    objects = PressConferenceQuerySet.as_manager()

    class Meta:
        ordering = ["-held_at", "-id"]
        verbose_name = "新闻发布会"
        verbose_name_plural = "新闻发布会"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("concerns:press", args=[self.pk])

    def speaker_lines(self):
        return [line.strip() for line in self.speakers.splitlines() if line.strip()]
