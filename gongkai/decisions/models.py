"""决策公开: each government's yearly catalogue of major administrative decisions (重大行政决策
目录), each decision's statutory steps and where it stands.

States are assigned only by `workflow.py`, whose transition tables say which may follow which.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse


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
