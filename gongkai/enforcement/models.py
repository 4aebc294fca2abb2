"""Decisions of 行政许可, 行政处罚 and 行政强制 published after the fact, and which units
publish all of theirs here (so the annual report may count them)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from gongkai.core.crypto import EncryptedTextField

from . import rules


class DecisionKind(models.TextChoices):
    LICENCE = rules.LICENCE, "行政许可"
    PENALTY = rules.PENALTY, "行政处罚"
    COERCION = rules.COERCION, "行政强制"


class PartyKind(models.TextChoices):
    NATURAL_PERSON = rules.NATURAL_PERSON, "自然人"
    ORGANISATION = "organisation", "法人或其他组织"
    INDIVIDUAL_BUSINESS = "individual_business", "个体工商户"


class DecisionState(models.TextChoices):
    DRAFT = "draft", "待审核"
    PUBLISHED = "published", "已公示"
    REVOKED = "revoked", "已撤销"


class DecisionQuerySet(models.QuerySet):
    def published(self, today=None):
        """Decisions on the site: published, not revoked, within their publication period."""
        from gongkai.core.clock import local_today

        today = today or local_today()
        return self.filter(state=DecisionState.PUBLISHED, unit__is_active=True).filter(
            Q(public_until__isnull=True) | Q(public_until__gte=today)
        )


class Decision(models.Model):
    unit = models.ForeignKey("units.Unit", verbose_name="作出决定的单位", on_delete=models.PROTECT)
    kind = models.CharField("决定类别", max_length=20, choices=DecisionKind.choices)
    number = models.CharField("决定书文号", max_length=100)
    title = models.CharField("事项名称", max_length=200)
    party_kind = models.CharField("当事人类型", max_length=30, choices=PartyKind.choices)
    # A natural person's name and identity number are personal data: encrypted at rest and
    # masked on every public page.
    party_name = EncryptedTextField("当事人名称")
    party_identifier = EncryptedTextField("证件号码或统一社会信用代码", blank=True)
    facts = models.TextField("主要事实或许可内容")
    basis = models.TextField("依据")
    outcome = models.TextField("处理结果")
    decided_on = models.DateField("决定日期")
    due_on = models.DateField("应公示日期")
    state = models.CharField(
        "状态", max_length=20, choices=DecisionState.choices, default=DecisionState.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField("公示时间", null=True, blank=True)
    published_on = models.DateField("公示日期", null=True, blank=True)
    is_late = models.BooleanField("逾期公示", default=False)
    public_until = models.DateField("公示截止日期", null=True, blank=True)
    revoked_on = models.DateField("撤销日期", null=True, blank=True)
    revoke_reason = models.CharField("撤销原因", max_length=300, blank=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "number"], name="one_decision_per_number")
        ]
        verbose_name = "行政执法决定"
        verbose_name_plural = "行政执法决定"

    def __str__(self):
        return f"{self.number} {self.title}"

    @property
    def shown_party(self):
        return rules.shown_party(self.party_kind, self.party_name, self.party_identifier)


class DecisionSource(models.Model):
    """Whether a unit publishes every enforcement decision it makes on this platform, as the
    office has confirmed: only then does the annual report count them instead of taking the
    typed figure."""

    unit = models.OneToOneField(
        "units.Unit", verbose_name="单位", on_delete=models.CASCADE, related_name="+"
    )
    all_on_platform = models.BooleanField("全部执法决定在本平台公示", default=False)

    class Meta:
        verbose_name = "执法决定来源"
        verbose_name_plural = "执法决定来源"

    def __str__(self):
        return f"{self.unit.short_name}：{'本平台' if self.all_on_platform else '其他系统'}"
