"""Consultations on drafts (征求意见): the draft a unit puts out for comment, the comments the
public and invited enterprises and associations send, the groups near-identical comments form,
and the answer the unit gives each group. The unit's list of representative enterprises and
associations, per field, lives here too."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q

from gongkai.core.crypto import EncryptedTextField
from gongkai.core.files import DigestField

# A major decision's draft is open for comment at least this many calendar days, unless a
# shorter period is justified and recorded.
MAJOR_DECISION_DAYS = 30


class Audience(models.TextChoices):
    PUBLIC = "public", "社会公众"
    ENTERPRISES = "enterprises", "企业"
    ASSOCIATIONS = "associations", "行业协会商会"
    EXPERTS = "experts", "专家学者"


class ConsultationStatus(models.TextChoices):
    DRAFT = "draft", "未发布"
    OPEN = "open", "已发布"
    CLOSED = "closed", "已办结"


class ConsultationQuerySet(models.QuerySet):
    def published(self):
        """Consultations anyone may read: those put out for comment, open or closed."""
        return self.filter(
            status__in=(ConsultationStatus.OPEN, ConsultationStatus.CLOSED), unit__is_active=True
        )


class Consultation(models.Model):
    unit = models.ForeignKey("units.Unit", verbose_name="征求意见单位", on_delete=models.PROTECT)
    title = models.CharField("草案名称", max_length=200)
    draft_text = models.TextField("草案全文", help_text="每段一行；公众可以针对某一段发表意见。")
    explanation = models.TextField("起草说明")
    is_major = models.BooleanField("属于重大行政决策", default=False)
    starts_on = models.DateField("开始日期")
    ends_on = models.DateField("截止日期")
    short_period_reason = models.TextField("征求意见期限少于30个自然日的理由", blank=True)
    audiences = models.JSONField("重点征求对象", default=list)
    status = models.CharField(
        "状态",
        max_length=20,
        choices=ConsultationStatus.choices,
        default=ConsultationStatus.DRAFT,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField("发布时间", null=True, blank=True)
    closed_at = models.DateTimeField("办结时间", null=True, blank=True)
    closed_on = models.DateField("办结日期", null=True, blank=True)
    final_document = models.ForeignKey(
        "publishing.Document",
        verbose_name="正式文件",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    feedback_summary = models.TextField("意见采纳情况说明", blank=True)
    # The feedback report: a publishing document of the 意见采纳情况 kind, generated from the
    # dispositions and published through the ordinary review; generated_at tells whether a
    # disposition changed after it was written.
    feedback_report = models.ForeignKey(
        "publishing.Document",
        verbose_name="意见采纳情况",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    feedback_generated_at = models.DateTimeField("意见采纳情况生成时间", null=True, blank=True)
    # The major decision (重大行政决策事项, in the decisions app's catalogue) this draft is for.
    decision = models.ForeignKey(
        "decisions.Decision",
        verbose_name="重大行政决策事项",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultations",
    )

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = "征求意见"
        verbose_name_plural = "征求意见"

    def __str__(self):
        return self.title

    @property
    def period_days(self) -> int:
        """Calendar days the draft is open for comment, both ends included."""
        return (self.ends_on - self.starts_on).days + 1

    def accepts_comments(self, today) -> bool:
        return self.status == ConsultationStatus.OPEN and self.starts_on <= today <= self.ends_on

    def paragraphs(self) -> list[str]:
        return [line.strip() for line in self.draft_text.splitlines() if line.strip()]

    def audience_labels(self) -> list[str]:
        return [Audience(a).label for a in self.audiences if a in Audience.values]

    def statistics(self) -> dict:
        return statistics([self])[self.pk]


def statistics(consultations) -> dict[int, dict]:
    """Per consultation: comments received and shown, groups, groups adopted (fully or in
    part, and each apart), not adopted and awaiting a disposition, comments awaiting
    moderation. Two queries."""
    ids = [c.pk for c in consultations]
    found = {
        pk: {
            "comments": 0,
            "shown": 0,
            "pending": 0,
            "groups": 0,
            "adopted": 0,
            "fully_adopted": 0,
            "partly_adopted": 0,
            "not_adopted": 0,
            "undecided": 0,
        }
        for pk in ids
    }
    comments = (
        Comment.objects.filter(consultation__in=ids)
        .values("consultation")
        .annotate(
            total=Count("id"),
            shown=Count("id", filter=Q(moderation=Moderation.SHOWN)),
            pending=Count("id", filter=Q(moderation=Moderation.PENDING)),
        )
    )
    for row in comments:
        found[row["consultation"]].update(
            comments=row["total"], shown=row["shown"], pending=row["pending"]
        )
    adopted = (Disposition.ADOPTED, Disposition.PARTLY_ADOPTED)
    groups = (
        CommentGroup.objects.filter(consultation__in=ids)
        .values("consultation")
        .annotate(
            total=Count("id"),
            adopted=Count("id", filter=Q(disposition__in=adopted)),
            fully_adopted=Count("id", filter=Q(disposition=Disposition.ADOPTED)),
            partly_adopted=Count("id", filter=Q(disposition=Disposition.PARTLY_ADOPTED)),
            not_adopted=Count("id", filter=Q(disposition=Disposition.NOT_ADOPTED)),
            undecided=Count("id", filter=Q(disposition="")),
        )
    )
    for row in groups:
        found[row["consultation"]].update(
            groups=row["total"],
            adopted=row["adopted"],
            fully_adopted=row["fully_adopted"],
            partly_adopted=row["partly_adopted"],
            not_adopted=row["not_adopted"],
            undecided=row["undecided"],
        )
    return found


class ConsultationAttachment(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="attachments"
    )
    filename = models.CharField("文件名", max_length=200)
    digest = DigestField("文件")
    size = models.PositiveIntegerField("大小")

    class Meta:
        ordering = ["id"]
        verbose_name = "草案附件"
        verbose_name_plural = "草案附件"

    def __str__(self):
        return self.filename


class Disposition(models.TextChoices):
    ADOPTED = "adopted", "采纳"
    PARTLY_ADOPTED = "partly", "部分采纳"
    NOT_ADOPTED = "not_adopted", "未采纳"


class CommentGroup(models.Model):
    """Comments that say the same thing (copies, mass comments, near-duplicates): staff answer
    the idea once. The first comment's text represents the group."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="groups")
    number = models.PositiveIntegerField("编号")
    representative = models.TextField("代表性意见")
    paragraph = models.PositiveIntegerField("针对段落", null=True, blank=True)
    disposition = models.CharField(
        "处理结果", max_length=20, choices=Disposition.choices, blank=True
    )
    reason = models.TextField("理由", blank=True)
    disposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    disposed_at = models.DateTimeField("处理时间", null=True, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "number"], name="one_group_number_per_consultation"
            )
        ]
        verbose_name = "意见组"
        verbose_name_plural = "意见组"

    def __str__(self):
        return f"{self.consultation.title} 第{self.number}组意见"


class Moderation(models.TextChoices):
    PENDING = "pending", "待审核"
    SHOWN = "shown", "已公开"
    HIDDEN = "hidden", "不予公开"


class HiddenReason(models.TextChoices):
    OFF_TOPIC = "off_topic", "与草案无关"
    ABUSIVE = "abusive", "含有辱骂、攻击等不文明内容"
    PERSONAL_DATA = "personal_data", "含有他人个人信息"
    ADVERTISING = "advertising", "广告或垃圾信息"
    UNLAWFUL = "unlawful", "含有违反法律法规的内容"


class Stakeholder(models.Model):
    """A representative enterprise, trade association or chamber of commerce the unit consults
    in a field (涉企政策征求意见)."""

    class Kind(models.TextChoices):
        ENTERPRISE = "enterprise", "企业"
        ASSOCIATION = "association", "行业协会"
        CHAMBER = "chamber", "商会"

    unit = models.ForeignKey("units.Unit", verbose_name="单位", on_delete=models.PROTECT)
    field = models.CharField("领域", max_length=60)
    name = models.CharField("名称", max_length=120)
    kind = models.CharField("类型", max_length=20, choices=Kind.choices)
    # The person the unit writes to: personal data, encrypted and masked.
    contact = EncryptedTextField("联系人及联系方式", blank=True)
    is_active = models.BooleanField("在列", default=True)

    class Meta:
        ordering = ["field", "name"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "name"], name="one_stakeholder_per_name")
        ]
        verbose_name = "企业和行业协会商会代表"
        verbose_name_plural = "企业和行业协会商会代表"

    def __str__(self):
        return self.name

    @property
    def shown_contact(self) -> str:
        from .rules import mask_contact

        return mask_contact(self.contact)


class Invitation(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="invitations"
    )
    stakeholder = models.ForeignKey(Stakeholder, on_delete=models.PROTECT, related_name="+")
    invited_on = models.DateField("邀请日期")
    method = models.CharField("邀请方式", max_length=60)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["invited_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "stakeholder"], name="one_invitation_per_stakeholder"
            )
        ]
        verbose_name = "定向征求意见邀请"
        verbose_name_plural = "定向征求意见邀请"

    def __str__(self):
        return f"{self.stakeholder.name}（{self.consultation.title}）"


class Comment(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="comments"
    )
    paragraph = models.PositiveIntegerField("针对段落", null=True, blank=True)
    text = models.TextField("意见内容")
    # Personal data: encrypted at rest, masked on every screen.
    name = EncryptedTextField("姓名或名称", blank=True)
    contact = EncryptedTextField("联系方式", blank=True)
    # What an invited enterprise or association said, entered by staff.
    invitation = models.ForeignKey(
        Invitation, null=True, blank=True, on_delete=models.PROTECT, related_name="comments"
    )
    received_at = models.DateTimeField("收到时间")
    moderation = models.CharField(
        "审核", max_length=20, choices=Moderation.choices, default=Moderation.PENDING
    )
    hidden_reason = models.CharField(
        "不予公开理由", max_length=30, choices=HiddenReason.choices, blank=True
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    moderated_at = models.DateTimeField("审核时间", null=True, blank=True)
    group = models.ForeignKey(
        CommentGroup, null=True, blank=True, on_delete=models.PROTECT, related_name="comments"
    )

    class Meta:
        ordering = ["received_at", "id"]
        verbose_name = "意见"
        verbose_name_plural = "意见"

    def __str__(self):
        return f"{self.consultation.title} 意见#{self.pk}"

    @property
    def shown_name(self) -> str:
        from gongkai.core.masking import mask_name

        if self.invitation_id:
            return self.invitation.stakeholder.name
        return mask_name(self.name) if self.name else "匿名"

    @property
    def shown_contact(self) -> str:
        from .rules import mask_contact

        return mask_contact(self.contact)
