"""Annual reports (Regulation Arts. 49–50) and their versions.

A report belongs to a unit and a year. For a government unit it is the government's report:
its own figures plus all its units', due on 31 March; every other unit's is due on 31 January.
The tables are computed from the facts while the report is worked on and frozen into
`snapshot` when it is published. A published version is never edited: a correction is a new
version of the same unit and year, and the old one stays as history. Only `workflow.py`
assigns statuses.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from .tables import FEE_DECIMAL_PLACES, FEE_MAX_DIGITS


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "待审核"
    REVIEWED = "reviewed", "已审核"
    PUBLISHED = "published", "已发布"
    SUPERSEDED = "superseded", "已被新版本替代"


OPEN_STATUSES = (ReportStatus.DRAFT, ReportStatus.SUBMITTED, ReportStatus.REVIEWED)
PUBLIC_STATUSES = (ReportStatus.PUBLISHED, ReportStatus.SUPERSEDED)
# The table 二 cells a unit types in, with the model field holding each. The 规章 and
# 行政规范性文件 cells are counted from publishing's records instead (services.py).
ENTERED_FIELDS = {
    "licensing.decisions": "licensing_decisions",
    "penalty.decisions": "penalty_decisions",
    "enforcement.decisions": "enforcement_decisions",
    "fees.amount": "fee_amount",
}
NARRATIVE_FIELDS = {"overview": "overview", "problems": "problems", "other": "other_matters"}


class AnnualReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ReportStatus.PUBLISHED)

    def public(self):
        """Published versions and the versions they replaced (the history stays readable)."""
        return self.filter(status__in=PUBLIC_STATUSES)


def _count(label):
    return models.PositiveIntegerField(label, default=0)


class AnnualReport(models.Model):
    unit = models.ForeignKey(
        "units.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="annual_reports"
    )
    year = models.PositiveIntegerField("年度")
    version = models.PositiveIntegerField("版本", default=1)
    replaces = models.ForeignKey(
        "self",
        verbose_name="替代的版本",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
    )
    status = models.CharField(
        "状态", max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    change_reason = models.TextField("修订原因", blank=True)

    licensing_decisions = _count("行政许可本年处理决定数量")
    penalty_decisions = _count("行政处罚本年处理决定数量")
    enforcement_decisions = _count("行政强制本年处理决定数量")
    fee_amount = models.DecimalField(
        "行政事业性收费本年收费金额（万元）",
        max_digits=FEE_MAX_DIGITS,
        decimal_places=FEE_DECIMAL_PLACES,
        default=0,
    )
    figures_source = models.TextField("数据来源说明", blank=True)

    overview = models.TextField("一、总体情况", blank=True)
    problems = models.TextField("五、存在的主要问题及改进情况", blank=True)
    other_matters = models.TextField("六、其他需要报告的事项", blank=True)

    snapshot = models.JSONField("发布时的全部表格数据", null=True, blank=True, editable=False)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="撰写人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField("提交审核时间", null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    review_comment = models.TextField("审核意见", blank=True)
    confidentiality_result = models.CharField("保密审查意见", max_length=300, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="发布人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_at = models.DateTimeField("发布时间", null=True, blank=True)

    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "unit__display_order", "-version"]
        verbose_name = "政府信息公开工作年度报告"
        verbose_name_plural = "政府信息公开工作年度报告"
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "version"], name="annual_report_one_version_number"
            ),
            models.UniqueConstraint(
                fields=["unit", "year"],
                condition=Q(status__in=["draft", "submitted", "reviewed"]),
                name="annual_report_one_open_version",
            ),
            models.UniqueConstraint(
                fields=["unit", "year"],
                condition=Q(status="published"),
                name="annual_report_one_published_version",
            ),
            models.CheckConstraint(condition=Q(fee_amount__gte=0), name="annual_report_fee_nonneg"),
        ]

    def __str__(self):
        return self.title

    @property
    def title(self):
        return f"{self.unit.full_name}{self.year}年政府信息公开工作年度报告"

    @property
    def is_government_report(self):
        return self.unit.is_government

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def narratives(self):
        return {key: getattr(self, name) for key, name in NARRATIVE_FIELDS.items()}

    def entered_figures(self):
        return {key: getattr(self, name) for key, name in ENTERED_FIELDS.items()}
