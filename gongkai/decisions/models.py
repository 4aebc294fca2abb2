"""决策公开: each government's yearly catalogue of major administrative decisions (重大行政决策
目录), each decision's statutory steps and where it stands.

States are assigned only by `workflow.py`, whose transition tables say which may follow which.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse

from gongkai.core.crypto import EncryptedTextField
from gongkai.core.masking import mask_name, mask_phone

from . import rules


class CatalogueState(models.TextChoices):
    DRAFT = "draft", "编制中"
    PUBLISHED = "published", "已公布"


class CatalogueQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=CatalogueState.PUBLISHED, government__is_active=True)


class Catalogue(models.Model):
    """A government's catalogue of major decisions for one year."""

    government = models.ForeignKey(
        "units.Unit", verbose_name="政府", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveIntegerField("年度")
    note = models.TextField("说明", blank=True)
    state = models.CharField(
        "状态", max_length=20, choices=CatalogueState.choices, default=CatalogueState.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField("公布时间", null=True, blank=True)
    published_on = models.DateField("公布日期", null=True, blank=True)

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "government__display_order"]
        constraints = [
            models.UniqueConstraint(fields=["government", "year"], name="one_catalogue_a_year")
        ]
        verbose_name = "重大行政决策事项目录"
        verbose_name_plural = "重大行政决策事项目录"

    def __str__(self):
        return f"{self.government.short_name}{self.year}年度重大行政决策事项目录"

    def get_absolute_url(self):
        return reverse("decisions:catalogue", args=[self.government.code, self.year])


class DecisionState(models.TextChoices):
    PLANNED = "planned", "已列入目录"
    UNDERWAY = "underway", "推进中"
    DECIDED = "decided", "已集体讨论决定"
    PUBLISHED = "published", "已公布"
    WITHDRAWN = "withdrawn", "已调出目录"


class StepKind(models.TextChoices):
    """The statutory procedure of a major decision (《重大行政决策程序暂行条例》), in order."""

    PARTICIPATION = "participation", "公众参与"
    EXPERTS = "experts", "专家论证"
    RISK = "risk", "风险评估"
    LEGALITY = "legality", "合法性审查"
    COLLECTIVE = "collective", "集体讨论决定"


class DecisionQuerySet(models.QuerySet):
    def published(self):
        """Decisions of published catalogues (those taken out stay listed, saying so)."""
        return self.filter(
            catalogue__state=CatalogueState.PUBLISHED, catalogue__government__is_active=True
        )


class Decision(models.Model):
    """A major administrative decision (重大行政决策事项) in a government's catalogue."""

    catalogue = models.ForeignKey(
        Catalogue, verbose_name="目录", on_delete=models.PROTECT, related_name="decisions"
    )
    number = models.PositiveIntegerField("序号")
    title = models.CharField("决策事项", max_length=200)
    unit = models.ForeignKey(
        "units.Unit", verbose_name="承办单位", on_delete=models.PROTECT, related_name="+"
    )
    legal_basis = models.TextField("决策依据")
    summary = models.TextField("主要内容", blank=True)
    planned_on = models.DateField("计划完成时间", null=True, blank=True)
    state = models.CharField(
        "状态", max_length=20, choices=DecisionState.choices, default=DecisionState.PLANNED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_on = models.DateField("列入日期")
    # Added to (or taken out of) a catalogue already published: 目录调整, with its reason.
    adjustment_reason = models.CharField("目录调整说明", max_length=300, blank=True)
    withdrawn_on = models.DateField("调出日期", null=True, blank=True)
    withdrawal_reason = models.CharField("调出原因", max_length=300, blank=True)
    decided_on = models.DateField("决定日期", null=True, blank=True)
    # The published decision: a document of the publishing app (its interpretations are the
    # documents that interpret it there).
    document = models.ForeignKey(
        "publishing.Document",
        verbose_name="公布的决策文件",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_on = models.DateField("公布日期", null=True, blank=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["catalogue", "number"]
        constraints = [
            models.UniqueConstraint(fields=["catalogue", "number"], name="one_decision_a_number")
        ]
        verbose_name = "重大行政决策事项"
        verbose_name_plural = "重大行政决策事项"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        catalogue = self.catalogue
        return reverse(
            "decisions:decision", args=[catalogue.government.code, catalogue.year, self.number]
        )


class Step(models.Model):
    """One statutory step of a decision: whether it applies, when it is planned, when it was
    done and what came of it."""

    decision = models.ForeignKey(
        Decision, verbose_name="决策事项", on_delete=models.CASCADE, related_name="steps"
    )
    kind = models.CharField("程序", max_length=20, choices=StepKind.choices)
    required = models.BooleanField("需履行", default=True)
    planned_on = models.DateField("计划时间", null=True, blank=True)
    done_on = models.DateField("完成时间", null=True, blank=True)
    note = models.TextField("履行情况", blank=True)

    class Meta:
        ordering = ["decision", "id"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "kind"], name="one_step_of_a_kind")
        ]
        verbose_name = "决策程序"
        verbose_name_plural = "决策程序"

    def __str__(self):
        return f"{self.decision}：{self.get_kind_display()}"


# ---------------------------------------------------------------- hearings (听证)


class HearingState(models.TextChoices):
    DRAFT = "draft", "待发布"
    ANNOUNCED = "announced", "已发布公告"
    SELECTED = "selected", "已确定参加人"
    HELD = "held", "已公布听证笔录和结果"
    CANCELLED = "cancelled", "已取消"


class SelectionRule(models.TextChoices):
    FIRST_COME = rules.FIRST_COME, "按报名先后"
    LOTTERY = rules.LOTTERY, "随机抽签"


class HearingQuerySet(models.QuerySet):
    def published(self):
        """Hearings whose notice is out (cancelled ones stay, saying so)."""
        return self.exclude(state=HearingState.DRAFT).filter(unit__is_active=True)


class Hearing(models.Model):
    """A hearing (听证会): its notice, the registrations, the selection and the record."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name="组织单位", on_delete=models.PROTECT, related_name="+"
    )
    decision = models.ForeignKey(
        Decision,
        verbose_name="重大行政决策事项",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hearings",
    )
    subject = models.CharField("听证事项", max_length=200)
    description = models.TextField("听证内容和方案说明")
    held_at = models.DateTimeField("举行时间")
    place = models.CharField("地点", max_length=200)
    registration_opens = models.DateField("报名开始日期")
    registration_closes = models.DateField("报名截止日期")
    how_to_register = models.TextField("报名方式和条件")
    seats = models.PositiveIntegerField("公众参加人名额")
    rule = models.CharField("遴选方式", max_length=20, choices=SelectionRule.choices)
    seed = models.CharField("抽签种子", max_length=64, blank=True)
    state = models.CharField(
        "状态", max_length=20, choices=HearingState.choices, default=HearingState.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    announced_on = models.DateField("公告日期", null=True, blank=True)
    selected_on = models.DateField("遴选日期", null=True, blank=True)
    record = models.TextField("听证笔录", blank=True)
    outcome = models.TextField("听证结果和意见采纳情况", blank=True)
    record_published_on = models.DateField("笔录公布日期", null=True, blank=True)
    cancel_reason = models.CharField("取消原因", max_length=300, blank=True)

    objects = HearingQuerySet.as_manager()

    class Meta:
        ordering = ["-held_at", "-id"]
        verbose_name = "听证会"
        verbose_name_plural = "听证会"

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("decisions:hearing", args=[self.pk])

    def registration_open(self, today) -> bool:
        return (
            self.state == HearingState.ANNOUNCED
            and self.registration_opens <= today <= self.registration_closes
        )


class ParticipantKind(models.TextChoices):
    PUBLIC = "public", "公众"
    STAKEHOLDER = "stakeholder", "利害关系人"
    ENTERPRISE = "enterprise", "企业或行业协会、商会"
    EXPERT = "expert", "专家学者"


class Registration(models.Model):
    """One person's registration for a hearing. Name and contacts are personal data:
    encrypted at rest, masked on every page."""

    hearing = models.ForeignKey(
        Hearing, verbose_name="听证会", on_delete=models.PROTECT, related_name="registrations"
    )
    number = models.CharField("报名编号", max_length=20)
    kind = models.CharField("报名身份", max_length=20, choices=ParticipantKind.choices)
    name = EncryptedTextField("姓名")
    phone = EncryptedTextField("联系电话")
    phone_hash = models.CharField(max_length=64)
    organisation = EncryptedTextField("工作单位或所在社区", blank=True)
    viewpoint = models.TextField("拟发表的意见要点", blank=True)
    registered_at = models.DateTimeField("报名时间")
    selected = models.BooleanField("入选", null=True, blank=True)
    draw_rank = models.PositiveIntegerField("抽签顺序", null=True, blank=True)

    class Meta:
        ordering = ["hearing", "id"]
        constraints = [
            models.UniqueConstraint(fields=["hearing", "number"], name="one_registration_number"),
            models.UniqueConstraint(
                fields=["hearing", "phone_hash"], name="one_registration_per_phone"
            ),
        ]
        verbose_name = "听证报名"
        verbose_name_plural = "听证报名"

    def __str__(self):
        return f"{self.hearing}：{self.number}"

    @property
    def shown_name(self):
        return mask_name(self.name)

    @property
    def shown_phone(self):
        return mask_phone(self.phone)


# ---------------------------------------------------------------- meetings (会议开放)


class MeetingKind(models.TextChoices):
    EXECUTIVE = "executive", "政府常务会议"
    UNIT = "unit", "部门会议"


class MeetingState(models.TextChoices):
    DRAFT = "draft", "待发布"
    ANNOUNCED = "announced", "已发布议题"
    HELD = "held", "已公布会议决定"


class MeetingQuerySet(models.QuerySet):
    def published(self):
        return self.exclude(state=MeetingState.DRAFT).filter(unit__is_active=True)


class Meeting(models.Model):
    """A meeting open to the public: the government's executive meeting or a unit's meeting
    on public matters, with its agenda, the invited and the decisions taken."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name="召开单位", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("会议类型", max_length=20, choices=MeetingKind.choices)
    title = models.CharField("会议名称", max_length=200)
    held_on = models.DateField("召开日期")
    place = models.CharField("地点", max_length=200, blank=True)
    state = models.CharField(
        "状态", max_length=20, choices=MeetingState.choices, default=MeetingState.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    announced_on = models.DateField("议题发布日期", null=True, blank=True)
    results_on = models.DateField("会议决定公布日期", null=True, blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = "开放会议"
        verbose_name_plural = "开放会议"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("decisions:meeting", args=[self.pk])


class AgendaItem(models.Model):
    """An agenda item (议题), the decision taken on it and the interpretation released."""

    meeting = models.ForeignKey(
        Meeting, verbose_name="会议", on_delete=models.CASCADE, related_name="items"
    )
    number = models.PositiveIntegerField("序号")
    title = models.CharField("议题", max_length=200)
    decision = models.ForeignKey(
        Decision,
        verbose_name="重大行政决策事项",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agenda_items",
    )
    needs_interpretation = models.BooleanField("需发布解读", default=True)
    outcome = models.TextField("会议决定", blank=True)
    interpretation = models.ForeignKey(
        "publishing.Document",
        verbose_name="解读",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    interpreted_on = models.DateField("解读发布日期", null=True, blank=True)

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="one_item_a_number")
        ]
        verbose_name = "会议议题"
        verbose_name_plural = "会议议题"

    def __str__(self):
        return self.title


class AttendeeKind(models.TextChoices):
    PUBLIC = "public", "公众代表"
    EXPERT = "expert", "专家"
    MEDIA = "media", "媒体"


class Attendee(models.Model):
    """Someone invited to attend (列席): a member of the public's name is personal data,
    encrypted and masked; experts and media are named with their organisation."""

    meeting = models.ForeignKey(
        Meeting, verbose_name="会议", on_delete=models.CASCADE, related_name="attendees"
    )
    kind = models.CharField("身份", max_length=20, choices=AttendeeKind.choices)
    name = EncryptedTextField("姓名")
    organisation = models.CharField("单位或身份说明", max_length=200, blank=True)

    class Meta:
        ordering = ["meeting", "id"]
        verbose_name = "列席人员"
        verbose_name_plural = "列席人员"

    def __str__(self):
        return f"{self.get_kind_display()} {self.shown_name}"

    @property
    def shown_name(self):
        return mask_name(self.name) if self.kind == AttendeeKind.PUBLIC else self.name
