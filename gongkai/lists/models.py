"""A unit's list of one kind, its versions and their rows.

A list changes only by a new version: an editor imports a spreadsheet or edits a draft, a
reviewer who had no hand in the draft publishes it, and the version it replaces stays
readable as history (what changed is computed between versions). Rows are stored as the
columns of their schema (`schemas.py`), so one mechanism serves every list.
"""

from django.conf import settings
from django.db import models

from .schemas import KIND_CHOICES, SCHEMAS


class ListKind(models.TextChoices):
    POWERS = "powers", SCHEMAS["powers"].label
    FUNCTIONS = "functions", SCHEMAS["functions"].label
    ENFORCEMENT_BODIES = "enforcement_bodies", SCHEMAS["enforcement_bodies"].label
    OFFICERS = "officers", SCHEMAS["officers"].label
    INSPECTIONS = "inspections", SCHEMAS["inspections"].label
    MARKET_RULES = "market_rules", SCHEMAS["market_rules"].label
    SERVICES = "services", SCHEMAS["services"].label
    AUDIT_FINDINGS = "audit_findings", SCHEMAS["audit_findings"].label
    PROPOSALS = "proposals", SCHEMAS["proposals"].label
    KEY_TASKS = "key_tasks", SCHEMAS["key_tasks"].label
    SUBSIDIES = "subsidies", SCHEMAS["subsidies"].label


assert [k for k, _ in KIND_CHOICES] == ListKind.values, "ListKind must follow schemas.SCHEMAS"


class VersionStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "待审核"
    PUBLISHED = "published", "现行"
    SUPERSEDED = "superseded", "历史版本"


class PublicListQuerySet(models.QuerySet):
    def published(self):
        """Lists with a published version: what anyone may read."""
        return self.filter(current__isnull=False, unit__is_active=True)


class PublicList(models.Model):
    unit = models.ForeignKey("units.Unit", verbose_name="单位", on_delete=models.PROTECT)
    kind = models.CharField("清单", max_length=30, choices=ListKind.choices)
    current = models.OneToOneField(
        "ListVersion",
        verbose_name="现行版本",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PublicListQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "kind"], name="one_list_per_kind")]
        verbose_name = "公开清单"
        verbose_name_plural = "公开清单"

    def __str__(self):
        return f"{self.unit.short_name}{self.get_kind_display()}"

    @property
    def schema(self):
        return SCHEMAS[self.kind]


class ListVersionQuerySet(models.QuerySet):
    def published(self):
        """The current and earlier published versions of active units' lists."""
        return self.filter(
            status__in=(VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED),
            public_list__unit__is_active=True,
        )


class ListVersion(models.Model):
    public_list = models.ForeignKey(
        PublicList, verbose_name="清单", on_delete=models.CASCADE, related_name="versions"
    )
    # Numbered when published (第 1 版, 第 2 版…); a draft has none yet.
    number = models.PositiveIntegerField("版本号", null=True, blank=True)
    status = models.CharField(
        "状态", max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    note = models.CharField("修订说明", max_length=300, blank=True)
    source = models.CharField("来源", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    return_reason = models.CharField("退回理由", max_length=300, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField("发布时间", null=True, blank=True)

    objects = ListVersionQuerySet.as_manager()

    class Meta:
        ordering = ["-number", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["public_list", "number"], name="one_number_per_list_version"
            ),
            # One open draft per list, so two editors never import over each other unseen.
            models.UniqueConstraint(
                fields=["public_list"],
                condition=models.Q(status__in=["draft", "submitted"]),
                name="one_open_draft_per_list",
            ),
        ]
        verbose_name = "清单版本"
        verbose_name_plural = "清单版本"

    def __str__(self):
        label = f"第 {self.number} 版" if self.number else "草稿"
        return f"{self.public_list}（{label}）"

    @property
    def unit(self):
        return self.public_list.unit

    @property
    def schema(self):
        return self.public_list.schema

    @property
    def is_open(self):
        return self.status in (VersionStatus.DRAFT, VersionStatus.SUBMITTED)


class EntryQuerySet(models.QuerySet):
    def published(self):
        """Rows of the versions now in force: what the public search looks through."""
        return self.filter(version__in=PublicList.objects.published().values("current"))


class Entry(models.Model):
    version = models.ForeignKey(
        ListVersion, verbose_name="版本", on_delete=models.CASCADE, related_name="entries"
    )
    position = models.PositiveIntegerField("序号")
    key = models.CharField("编码", max_length=100)
    data = models.JSONField("内容", default=dict)
    # The row's words in one field, for the lists' search.
    search_text = models.TextField(blank=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="one_key_per_version")
        ]
        indexes = [models.Index(fields=["version", "key"])]
        verbose_name = "清单条目"
        verbose_name_plural = "清单条目"

    def __str__(self):
        return self.key

    def cells(self):
        """(column, value) in the schema's order."""
        return [(c, self.data.get(c.key, "")) for c in self.version.schema.columns]


class ListSetting(models.Model):
    """What the office of a government expects of its units for one list: whether every unit
    must keep it, by when it must first be published (after that day a unit without it is
    late), and after how many days without a new version it counts as stale."""

    government = models.ForeignKey(
        "units.Unit", verbose_name="政府", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField("清单", max_length=30, choices=ListKind.choices)
    required = models.BooleanField("各单位必须公开", default=False)
    stale_after_days = models.PositiveIntegerField("更新周期（自然日）", default=365)
    # A required list not published by this day is late (逾期未公开), not merely missing.
    due_on = models.DateField("公开期限", null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["government", "kind"], name="one_setting_per_kind")
        ]
        verbose_name = "清单要求"
        verbose_name_plural = "清单要求"

    def __str__(self):
        return f"{self.government.short_name}{self.get_kind_display()}要求"
