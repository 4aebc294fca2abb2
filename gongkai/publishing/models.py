"""Proactive disclosure: published items, their versions, checks and the unit's column.

A `Document` is the public identity of an item (its index number and URL never change). Its
content lives in `Revision` rows: the first draft is revision 1, every later change is a new
revision that goes through the same review. When a revision is published its content is
copied onto the document, which is what listings, feeds and the API read; older revisions
remain as the version history. Only `workflow.py` assigns statuses.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When

from gongkai.core import files, paths
from gongkai.core.files import DigestField

from . import vocabularies as v


class RevisionStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "待审核"
    REVIEWED = "reviewed", "已审核"
    SCHEDULED = "scheduled", "定时发布"
    PUBLISHED = "published", "已发布"
    SUPERSEDED = "superseded", "已被新版本替代"


# Revisions that are still being worked on (at most one per document).
OPEN_REVISION_STATUSES = (
    RevisionStatus.DRAFT,
    RevisionStatus.SUBMITTED,
    RevisionStatus.REVIEWED,
    RevisionStatus.SCHEDULED,
)


class DocumentState(models.TextChoices):
    UNPUBLISHED = "unpublished", "未发布"
    PUBLISHED = "published", "已发布"
    WITHDRAWN = "withdrawn", "已撤回"


class Validity(models.TextChoices):
    NOT_YET = "not_yet", "尚未施行"
    IN_FORCE = "in_force", "有效"
    AMENDED = "amended", "已修改"
    EXPIRED = "expired", "失效"
    REPEALED = "repealed", "废止"


# Validities under which a normative document still binds.
BINDING_VALIDITIES = (Validity.IN_FORCE, Validity.AMENDED)


class LinkKind(models.TextChoices):
    AMENDS = "amends", "修改"
    REPEALS = "repeals", "废止"
    REPLACES = "replaces", "替代"


LINK_INVERSE_LABELS = {
    LinkKind.AMENDS: "被修改",
    LinkKind.REPEALS: "被废止",
    LinkKind.REPLACES: "被替代",
}


class Column(models.Model):
    """A column of the unit's own under 法定主动公开内容 (e.g. 通知公告, 财政资金)."""

    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="columns")
    name = models.CharField("栏目名称", max_length=60)
    slug = models.SlugField("栏目代码", max_length=40)
    statutory_category = models.CharField(
        "对应法定公开事项", max_length=10, choices=v.STATUTORY_CHOICES, blank=True
    )
    order = models.PositiveIntegerField("排序", default=100)

    class Meta:
        ordering = ["unit", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "slug"], name="unique_column_slug_per_unit")
        ]
        verbose_name = "栏目"
        verbose_name_plural = "栏目"

    def __str__(self):
        return self.name


class Guide(models.Model):
    """The unit's 政府信息公开指南 (Regulation Art. 12) as structured fields; contact details
    come from the unit itself so they are kept in one place."""

    # A published guide is a record of the unit: the unit is merged or deactivated, not deleted.
    unit = models.OneToOneField("units.Unit", on_delete=models.PROTECT, related_name="guide")
    arrangement = models.TextField(
        "信息分类与编排体系",
        help_text="说明主动公开信息如何分类、如何编排（如按法定公开事项和本单位栏目）。",
    )
    obtaining = models.TextField(
        "获取方式", help_text="说明通过哪些渠道可以查阅、检索、下载主动公开信息。"
    )
    applying = models.TextField(
        "依申请公开办理", help_text="如何提出申请、需提交哪些材料、办理时限和收费。"
    )
    application_place = models.CharField("申请受理地点", max_length=200, blank=True)
    remedies = models.TextField("监督和救济", blank=True)
    index_pattern = models.CharField(
        "索引号格式",
        max_length=80,
        default="{unit_code}/{year}-{sequence:05d}",
        help_text="可用 {unit_code} {year} {month} {sequence}，"
        "如 {unit_code}/{year}-{sequence:05d}。",
    )
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "公开指南"
        verbose_name_plural = "公开指南"

    def __str__(self):
        return f"{self.unit.short_name}政府信息公开指南"


class IndexCounter(models.Model):
    """Last sequence number handed out per unit and year. The row is locked while a number is
    allocated; numbers are never handed out twice, even if a document is later withdrawn."""

    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="unique_index_counter")
        ]

    def __str__(self):
        return f"{self.unit_id}/{self.year}: {self.last}"


class ForbiddenExpression(models.Model):
    """A maintainable list of forbidden or commonly mistaken expressions checked in bodies."""

    phrase = models.CharField("用语", max_length=60, unique=True)
    suggestion = models.CharField("建议改为", max_length=120, blank=True)
    note = models.CharField("说明", max_length=200, blank=True)
    is_active = models.BooleanField("启用", default=True)

    class Meta:
        ordering = ["phrase"]
        verbose_name = "禁用及易错用语"
        verbose_name_plural = "禁用及易错用语"

    def __str__(self):
        return self.phrase


class Content(models.Model):
    """The fields an editor writes; shared by a revision and by the document's published face."""

    title = models.CharField("标题", max_length=300)
    doc_number = models.CharField("文号", max_length=80, blank=True)
    subject = models.CharField("主题分类", max_length=8, choices=v.SUBJECT_CHOICES, blank=True)
    doc_type = models.CharField("文种", max_length=20, choices=v.DOCUMENT_TYPE_CHOICES, blank=True)
    date_written = models.DateField("成文日期", null=True, blank=True)
    disclosure = models.CharField(
        "公开属性", max_length=20, choices=v.DISCLOSURE_CHOICES, default=v.PROACTIVE
    )
    withholding_reason = models.CharField(
        "不予公开理由", max_length=30, choices=v.WITHHOLDING_REASONS, blank=True
    )
    statutory_category = models.CharField(
        "法定公开事项", max_length=10, choices=v.STATUTORY_CHOICES, blank=True
    )
    part = models.CharField(
        "所属部分", max_length=12, choices=v.PART_CHOICES, default=v.PART_STATUTORY
    )
    column = models.ForeignKey(
        Column,
        verbose_name="本单位栏目",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    keywords = models.CharField("关键词", max_length=200, blank=True)
    summary = models.TextField("内容概述", blank=True)
    body_html = models.TextField("正文", blank=True)
    body_text = models.TextField("正文文本", blank=True, editable=False)
    is_normative = models.BooleanField("行政规范性文件", default=False)
    # Counted in the annual report's table 二 (规章 row); never also 行政规范性文件.
    is_rule = models.BooleanField("规章", default=False)
    # 突发事件应急预案 (Art. 20 (12)): listed on their own and kept current by validity.
    is_contingency_plan = models.BooleanField("突发事件应急预案", default=False)
    effective_date = models.DateField("施行日期", null=True, blank=True)
    expiry_date = models.DateField("失效日期", null=True, blank=True)
    needs_interpretation = models.BooleanField("需要政策解读", default=False)
    interprets = models.ForeignKey(
        "Document",
        verbose_name="解读的政策",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    CONTENT_FIELDS = (
        "title",
        "doc_number",
        "subject",
        "doc_type",
        "date_written",
        "disclosure",
        "withholding_reason",
        "part",
        "statutory_category",
        "column_id",
        "keywords",
        "summary",
        "body_html",
        "body_text",
        "is_normative",
        "is_rule",
        "is_contingency_plan",
        "effective_date",
        "expiry_date",
        "needs_interpretation",
        "interprets_id",
    )

    @property
    def subject_label(self):
        return v.SUBJECT_LABELS.get(self.subject, "")

    @property
    def doc_type_label(self):
        return v.DOCUMENT_TYPE_LABELS.get(self.doc_type, "")

    @property
    def statutory_label(self):
        return v.STATUTORY_LABELS.get(self.statutory_category, "")


def validity_label(validity: str) -> str:
    return Validity(validity).label if validity else ""


def _is_public(state, disclosure) -> bool:
    """`DocumentQuerySet.published()` for one row already read."""
    return state == DocumentState.PUBLISHED and disclosure == v.PROACTIVE


class DocumentQuerySet(models.QuerySet):
    def published(self):
        """What the public may read: published, proactively disclosed (in step with
        `published_among`)."""
        return self.filter(state=DocumentState.PUBLISHED, disclosure=v.PROACTIVE)

    def published_among(self, ids) -> list["Document"]:
        """The published documents among `ids` (a page of search hits), found by primary key.

        Not `published().filter(pk__in=ids)`: with the published condition in the same WHERE,
        SQLite without table statistics walks the (state, disclosure, published_at) index
        through every published document instead of looking the ids up — measured 440 ms at a
        million documents (benchmarks/api_bench.py), against about a millisecond by key. The
        condition is then checked on the rows, as `published()` states it."""
        ids = list(ids)
        if not ids:  # no query at all (building one costs more than running it)
            return []
        return [d for d in self.filter(pk__in=ids) if _is_public(d.state, d.disclosure)]

    def published_rows_among(self, ids, fields) -> list[dict]:
        """`published_among` as rows of `fields` instead of documents: for a page of search
        hits, where building twenty documents and their units cost twice the query."""
        ids = list(ids)
        if not ids:
            return []
        rows = self.filter(pk__in=ids).values("state", "disclosure", *fields)
        return [row for row in rows if _is_public(row["state"], row["disclosure"])]

    def plans_in_force_on(self, day: date):
        """Contingency plans (突发事件应急预案) binding on `day`."""
        return (
            self.published()
            .filter(is_contingency_plan=True, effective_date__lte=day)
            .filter(Q(expiry_date__isnull=True) | Q(expiry_date__gte=day))
            .filter(Q(repealed_on__isnull=True) | Q(repealed_on__gt=day))
        )

    def urgent(self):
        """Published urgent releases whose urgent mark has not been lifted."""
        return self.published().filter(urgent_since__isnull=False, urgent_lifted_at__isnull=True)

    def urgent_first(self, *order):
        """Ordered by `order`, with live urgent releases on top."""
        live = Case(
            When(urgent_since__isnull=False, urgent_lifted_at__isnull=True, then=Value(0)),
            default=Value(1),
        )
        return self.order_by(live, *order)

    def public(self):
        """Published or withdrawn: a withdrawn URL still answers, saying so."""
        return self.filter(
            state__in=(DocumentState.PUBLISHED, DocumentState.WITHDRAWN), disclosure=v.PROACTIVE
        )

    def in_force_on(self, day: date):
        """Normative documents binding on `day` (effective, not expired, not repealed)."""
        return self.published().filter(
            Q(is_normative=True),
            Q(effective_date__lte=day),
            Q(expiry_date__isnull=True) | Q(expiry_date__gte=day),
            Q(repealed_on__isnull=True) | Q(repealed_on__gt=day),
        )

    def not_yet_in_force_on(self, day: date):
        """Normative documents published before they take effect (施行日期 after `day`)."""
        return self.published().filter(
            is_normative=True, effective_date__gt=day, repealed_on__isnull=True
        )

    def filtered(
        self,
        *,
        unit=None,
        year=None,
        subject="",
        doc_type="",
        validity="",
        category="",
        column=None,
        part="",
    ):
        """The public listing filters (portal and API share them)."""
        query = self
        if unit is not None:
            query = query.filter(Q(unit=unit) | Q(co_issuers=unit)).distinct()
        if year:
            query = query.filter(published_at__year=year)
        if subject:
            query = query.filter(Q(subject=subject) | Q(subject__startswith=f"{subject}."))
        if doc_type:
            query = query.filter(doc_type=doc_type)
        if validity:
            query = query.filter(validity=validity)
        if category:
            query = query.filter(statutory_category=category)
        if column is not None:
            query = query.filter(column=column)
        if part:
            query = query.filter(part=part)
        return query

    def for_listing(self):
        return self.select_related("unit").only(
            "id",
            "title",
            "state",
            "urgent_since",
            "urgent_lifted_at",
            "index_number",
            "doc_number",
            "subject",
            "doc_type",
            "date_written",
            "published_at",
            "validity",
            "is_normative",
            "is_rule",
            "disclosure",
            "unit__short_name",
            "unit__full_name",
            "unit__code",
            "state",
            "statutory_category",
            "effective_date",
            "expiry_date",
        )


class Document(Content):
    unit = models.ForeignKey(
        "units.Unit", verbose_name="发布机构", on_delete=models.PROTECT, related_name="documents"
    )
    co_issuers = models.ManyToManyField(
        "units.Unit", verbose_name="联合发文单位", blank=True, related_name="co_issued_documents"
    )
    index_number = models.CharField("索引号", max_length=80, unique=True, null=True, blank=True)
    state = models.CharField(
        "发布状态", max_length=12, choices=DocumentState.choices, default=DocumentState.UNPUBLISHED
    )
    version = models.PositiveIntegerField("版本", default=0)
    first_published_at = models.DateTimeField("首次发布时间", null=True, blank=True)
    published_at = models.DateTimeField("发布日期", null=True, blank=True)
    withdrawn_at = models.DateTimeField("撤回时间", null=True, blank=True)
    withdrawal_reason = models.TextField("撤回理由", blank=True)
    validity = models.CharField("有效性", max_length=10, choices=Validity.choices, blank=True)
    repealed_on = models.DateField("废止日期", null=True, blank=True)
    amended_on = models.DateField("修改日期", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Urgent release (应急信息发布): published on the shortened path, shown in a banner on
    # every public page and first in listings until lifted.
    urgent_since = models.DateTimeField("应急发布时间", null=True, blank=True)
    urgent_lifted_at = models.DateTimeField("应急标识解除时间", null=True, blank=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = "政府信息"
        verbose_name_plural = "政府信息"
        indexes = [
            models.Index(fields=["state", "disclosure", "-published_at"]),
            models.Index(fields=["unit", "state", "-published_at"]),
            models.Index(fields=["is_normative", "effective_date"]),
        ]

    def __str__(self):
        return self.title or f"未命名草稿 #{self.pk}"

    def get_absolute_url(self):
        return self.url_of(self.pk)

    @staticmethod
    def url_of(pk) -> str:
        return paths.with_number("publishing:document", pk)

    @property
    def is_published(self):
        return self.state == DocumentState.PUBLISHED

    @property
    def is_urgent(self):
        return self.is_published and bool(self.urgent_since) and not self.urgent_lifted_at

    @property
    def is_withdrawn(self):
        return self.state == DocumentState.WITHDRAWN

    @property
    def validity_label(self):
        return validity_label(self.validity)

    def validity_on(self, day: date) -> str:
        """The validity of a 规章, normative document or contingency plan on `day`, from its
        dates and links."""
        if not (self.is_normative or self.is_rule or self.is_contingency_plan):
            return ""
        if self.repealed_on and self.repealed_on <= day:
            return Validity.REPEALED
        if self.expiry_date and self.expiry_date < day:
            return Validity.EXPIRED
        if not self.effective_date or self.effective_date > day:
            return Validity.NOT_YET
        return Validity.AMENDED if self.amended_on and self.amended_on <= day else Validity.IN_FORCE


class Revision(Content):
    """One version of a document's content, from draft to publication."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField("版本号")
    status = models.CharField(
        "状态", max_length=12, choices=RevisionStatus.choices, default=RevisionStatus.DRAFT
    )
    change_note = models.CharField("修订说明", max_length=300, blank=True)
    co_issuer_ids = models.JSONField("联合发文单位", default=list, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="起草人", on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    confidentiality_result = models.CharField("保密审查意见", max_length=300, blank=True)
    scheduled_for = models.DateTimeField("定时发布时间", null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    links = models.JSONField("修改、废止、替代的文件", default=list, blank=True)
    import_name = models.CharField("导入的文件", max_length=200, blank=True)
    import_hidden = models.JSONField("导入原文中的隐藏内容", default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="unique_revision_number"),
            models.UniqueConstraint(
                fields=["document"],
                condition=Q(status__in=["draft", "submitted", "reviewed", "scheduled"]),
                name="one_open_revision_per_document",
            ),
        ]
        verbose_name = "版本"
        verbose_name_plural = "版本"

    def __str__(self):
        return f"{self.title or '未命名'}（第{self.number}版）"

    @property
    def is_open(self):
        return self.status in OPEN_REVISION_STATUSES


class Attachment(models.Model):
    """A file attached to a revision. The bytes are stored once by their digest (core.files);
    the original Chinese name is kept for downloads."""

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="attachments")
    original_name = models.CharField("文件名", max_length=200)
    kind = models.CharField("类型", max_length=10)
    size = models.PositiveBigIntegerField("大小")
    sha256 = DigestField()
    text = models.TextField("提取的文本", blank=True)
    segments = models.JSONField("分段文本", default=list, blank=True)
    hidden = models.JSONField("隐藏内容", default=list, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["revision", "order", "id"]
        verbose_name = "附件"
        verbose_name_plural = "附件"

    def __str__(self):
        return self.original_name

    def open(self):
        """The stored bytes, opened for reading (FileNotFoundError if missing)."""
        return files.open_file(self.sha256)


class DocumentLink(models.Model):
    """`source` amends, repeals or replaces `target`; shown on both documents."""

    source = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="outgoing_links")
    target = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="incoming_links")
    kind = models.CharField("关系", max_length=10, choices=LinkKind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "target"], name="unique_document_link"),
            models.CheckConstraint(condition=~Q(source=models.F("target")), name="no_self_link"),
        ]
        verbose_name = "文件关系"
        verbose_name_plural = "文件关系"

    def __str__(self):
        return f"{self.source_id} {self.get_kind_display()} {self.target_id}"

    @property
    def inverse_label(self):
        return LINK_INVERSE_LABELS[self.kind]


class Severity(models.TextChoices):
    BLOCKING = "blocking", "须处理"
    WARNING = "warning", "提示"


class FindingKind(models.TextChoices):
    PERSONAL_DATA = "personal_data", "个人信息"
    EXPRESSION = "expression", "禁用或易错用语"
    HIDDEN_CONTENT = "hidden_content", "附件隐藏内容"
    METADATA = "metadata", "元数据缺失或错误"
    LINK = "link", "链接问题"
    NOT_CHECKED = "not_checked", "未检查（无法自动检查的文件）"


class Finding(models.Model):
    """A result of the pre-publication checks on a revision. Findings are recomputed on every
    check run; an override (by fingerprint) survives re-runs so a decision is not lost."""

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(max_length=20, choices=FindingKind.choices)
    severity = models.CharField(max_length=10, choices=Severity.choices)
    location = models.CharField("位置", max_length=120)
    message = models.CharField("问题", max_length=400)
    fingerprint = models.CharField(max_length=64)

    class Meta:
        ordering = ["revision", "id"]

    def __str__(self):
        return f"{self.location}：{self.message}"


class FindingOverride(models.Model):
    """A reviewer's decision that a finding may stand, with the reason (recorded)."""

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="overrides")
    fingerprint = models.CharField(max_length=64)
    description = models.CharField(max_length=520)
    reason = models.TextField("理由")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["revision", "fingerprint"], name="unique_override")
        ]

    def __str__(self):
        return f"{self.description}（{self.reason}）"


class AlertKind(models.TextChoices):
    EXPIRY_SOON = "expiry_soon", "规范性文件即将到期"
    NO_INTERPRETATION = "no_interpretation", "政策文件缺少解读"


class Alert(models.Model):
    """A reminder to a unit about one of its documents; raised once, resolved when handled."""

    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField(max_length=20, choices=AlertKind.choices)
    message = models.CharField(max_length=300)
    raised_on = models.DateField()
    resolved_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-raised_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["document", "kind"], name="unique_alert_per_kind")
        ]

    def __str__(self):
        return self.message


class UrgentReview(models.Model):
    """The review owed after an urgent release: a reviewer of the unit must close it within
    `settings.URGENT_REVIEW_HOURS` of publication."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="urgent_reviews", verbose_name="政府信息"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="批准人"
    )
    approved_at = models.DateTimeField("批准发布时间")
    reason = models.TextField("应急发布理由")
    due_at = models.DateTimeField("复核期限")
    closed_at = models.DateTimeField("复核完成时间", null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="复核人",
    )
    conclusion = models.TextField("复核意见", blank=True)

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = "应急发布事后复核"
        verbose_name_plural = "应急发布事后复核"

    def __str__(self):
        return f"{self.document} 的事后复核"
