"""The office's supervision (监督检查): the indicators units are inspected against, each day's
inspection with its findings and per-unit scores, and rectification tasks (整改).

Indicators are rows, not code constants, so the office can change weights, periods and
thresholds without a release; the rule that checks an indicator is named by its `code`."""

from django.conf import settings
from django.db import models

from gongkai.core.crypto import EncryptedTextField
from gongkai.core.masking import mask_name


class Indicator(models.Model):
    """One inspection indicator (检查指标) and how it weighs in the score.

    `period_days` and `keywords` serve the column-update rules (a column whose name holds one
    of the keywords must have something new within the period); `categories` lists the
    statutory items every unit must have content under. A unit with `veto_threshold` or more
    findings of the indicator fails the inspection whatever its score (单项否决)."""

    code = models.SlugField("指标代码", max_length=40, unique=True)
    name = models.CharField("指标名称", max_length=100)
    weight = models.DecimalField("每项扣分", max_digits=5, decimal_places=2, default=1)
    cap = models.DecimalField("最多扣分", max_digits=5, decimal_places=2, default=20)
    veto_threshold = models.PositiveIntegerField(
        "单项否决阈值",
        null=True,
        blank=True,
        help_text="问题数量达到此数即单项否决；留空表示不否决",
    )
    period_days = models.PositiveIntegerField("更新周期（天）", null=True, blank=True)
    keywords = models.CharField("栏目名称关键词", max_length=200, blank=True)
    categories = models.CharField("必须有内容的法定公开事项", max_length=300, blank=True)
    is_active = models.BooleanField("启用", default=True)
    order = models.PositiveIntegerField("排序", default=100)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "检查指标"
        verbose_name_plural = "检查指标"

    def __str__(self):
        return self.name

    def keyword_list(self):
        return [k for k in self.keywords.replace("，", ",").split(",") if k.strip()]

    def category_list(self):
        return [c.strip() for c in self.categories.replace("，", ",").split(",") if c.strip()]


class InspectionRun(models.Model):
    """One day's inspection of every unit of a government."""

    government = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+")
    day = models.DateField("检查日期")
    started_at = models.DateTimeField(auto_now_add=True)
    links_checked = models.BooleanField("检查了链接", default=False)

    class Meta:
        ordering = ["-day", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["government", "day"], name="one_inspection_per_day")
        ]

    def __str__(self):
        return f"{self.day:%Y-%m-%d} 自查"


class Finding(models.Model):
    """A problem one inspection found at one unit. `key` names the thing (an application, a
    column, a document, a link) so the same problem is recognised from day to day."""

    run = models.ForeignKey(InspectionRun, on_delete=models.CASCADE, related_name="findings")
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    key = models.CharField(max_length=300)
    subject = models.CharField("问题", max_length=400)
    since = models.DateField("起始日期", null=True, blank=True)
    url = models.CharField("链接", max_length=500, blank=True)
    # Found again after a rectification of the same problem was closed (举一反三).
    repeat = models.BooleanField("整改后重复出现", default=False)

    class Meta:
        ordering = ["unit", "indicator__order", "since", "id"]
        verbose_name = "检查发现的问题"
        verbose_name_plural = "检查发现的问题"

    def __str__(self):
        return self.subject


class Score(models.Model):
    """A unit's score in one inspection: 100 less the weighted findings."""

    run = models.ForeignKey(InspectionRun, on_delete=models.CASCADE, related_name="scores")
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+")
    points = models.DecimalField("得分", max_digits=6, decimal_places=2)
    vetoes = models.JSONField("单项否决", default=list, blank=True)

    class Meta:
        ordering = ["run", "unit"]
        constraints = [
            models.UniqueConstraint(fields=["run", "unit"], name="one_score_per_unit_and_run")
        ]

    def __str__(self):
        return f"{self.unit} {self.points}"

    @property
    def passed(self):
        return not self.vetoes and self.points >= 60


class RectificationStatus(models.TextChoices):
    OPEN = "open", "整改中"
    SUBMITTED = "submitted", "已报送整改情况"
    CLOSED = "closed", "已销号"


class Rectification(models.Model):
    """A rectification task (整改) the office gives a unit for one problem found."""

    unit = models.ForeignKey("units.Unit", verbose_name="责任单位", on_delete=models.PROTECT)
    indicator = models.ForeignKey(Indicator, verbose_name="指标", on_delete=models.PROTECT)
    key = models.CharField(max_length=300)
    subject = models.CharField("问题", max_length=400)
    requirement = models.TextField("整改要求", blank=True)
    deadline = models.DateField("整改期限")
    status = models.CharField(
        "状态", max_length=12, choices=RectificationStatus.choices, default=RectificationStatus.OPEN
    )
    evidence = models.TextField("整改情况和佐证", blank=True)
    evidence_url = models.CharField("佐证链接", max_length=500, blank=True)
    review_note = models.TextField("审核意见", blank=True)
    # The same problem had been rectified before and came back (举一反三).
    repeat = models.BooleanField("重复问题", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_on = models.DateField("下达日期")
    submitted_on = models.DateField("报送日期", null=True, blank=True)
    closed_on = models.DateField("销号日期", null=True, blank=True)

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = "整改任务"
        verbose_name_plural = "整改任务"

    def __str__(self):
        return f"整改：{self.subject}"[:300]

    @property
    def is_open(self):
        return self.status != RectificationStatus.CLOSED


# ---------------------------------------------------------------- standard catalogues


class CatalogueLevel(models.TextChoices):
    COUNTY = "county", "县级"
    TOWN = "town", "乡级"


class CatalogueVersion(models.Model):
    """One import of the standard catalogue (基层政务公开标准目录) of one pilot field at one
    level. A new import of the same field and level is a new version; the old one stays, with
    the adoptions made under it."""

    field = models.CharField("试点领域", max_length=60)
    level = models.CharField("目录层级", max_length=10, choices=CatalogueLevel.choices)
    number = models.PositiveIntegerField("版本")
    source_name = models.CharField("导入文件", max_length=200)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    imported_on = models.DateField("导入日期")

    class Meta:
        ordering = ["field", "level", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["field", "level", "number"], name="one_catalogue_version_number"
            )
        ]
        verbose_name = "标准目录版本"
        verbose_name_plural = "标准目录版本"

    def __str__(self):
        return f"{self.field}（{self.get_level_display()}）第{self.number}版"


class CatalogueItem(models.Model):
    version = models.ForeignKey(CatalogueVersion, on_delete=models.CASCADE, related_name="items")
    sequence = models.PositiveIntegerField("序号")
    first_level = models.CharField("一级事项", max_length=100)
    second_level = models.CharField("二级事项", max_length=200, blank=True)
    content = models.TextField("公开内容（要素）")
    basis = models.TextField("公开依据", blank=True)
    time_limit = models.CharField("公开时限", max_length=200)
    discloser = models.CharField("公开主体", max_length=200)
    channel = models.CharField("公开渠道和载体", max_length=300, blank=True)
    audience = models.CharField("公开对象", max_length=20)
    mode = models.CharField("公开方式", max_length=20)
    levels = models.CharField("公开层级", max_length=20)

    class Meta:
        ordering = ["version", "sequence"]
        verbose_name = "标准目录事项"
        verbose_name_plural = "标准目录事项"

    def __str__(self):
        return self.second_level or self.first_level


class Adoption(models.Model):
    """A unit takes on a catalogue item: where it publishes it and which documents fulfil it."""

    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(CatalogueItem, on_delete=models.PROTECT, related_name="adoptions")
    column = models.ForeignKey(
        "publishing.Column",
        verbose_name="发布栏目",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    documents = models.ManyToManyField(
        "publishing.Document", verbose_name="履行该事项的信息", blank=True, related_name="+"
    )
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    adopted_on = models.DateField("认领日期")

    class Meta:
        ordering = ["unit", "item"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "item"], name="one_adoption_per_item")
        ]
        verbose_name = "目录事项认领"
        verbose_name_plural = "目录事项认领"

    def __str__(self):
        return f"{self.unit} · {self.item}"


# ---------------------------------------------------------------- the year's work points


class WorkPlan(models.Model):
    """The year's 政务公开工作要点 of a government, as the office issued it."""

    government = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField("年度")
    title = models.CharField("标题", max_length=200)
    source_name = models.CharField("导入文件", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_on = models.DateField("录入日期")

    class Meta:
        ordering = ["-year", "id"]
        constraints = [
            models.UniqueConstraint(fields=["government", "year"], name="one_work_plan_a_year")
        ]

    def __str__(self):
        return self.title


class WorkPoint(models.Model):
    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="points")
    number = models.CharField("序号", max_length=20)
    text = models.TextField("工作要点")
    deadline = models.DateField("完成时限", null=True, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["plan", "order", "id"]

    def __str__(self):
        return f"{self.number} {self.text[:40]}"


class WorkTask(models.Model):
    """One responsible unit's share of a work point (责任单位), and its progress."""

    point = models.ForeignKey(WorkPoint, on_delete=models.CASCADE, related_name="tasks")
    unit = models.ForeignKey("units.Unit", verbose_name="责任单位", on_delete=models.PROTECT)
    deadline = models.DateField("完成时限", null=True, blank=True)
    done_on = models.DateField("完成日期", null=True, blank=True)

    class Meta:
        ordering = ["point", "unit"]
        constraints = [
            models.UniqueConstraint(fields=["point", "unit"], name="one_task_per_point_and_unit")
        ]

    def __str__(self):
        return f"{self.unit} · {self.point}"

    def is_late(self, today):
        return self.deadline is not None and (
            (self.done_on is None and self.deadline < today)
            or (self.done_on is not None and self.done_on > self.deadline)
        )


class ProgressReport(models.Model):
    """What a unit reports on a task, with its evidence."""

    task = models.ForeignKey(WorkTask, on_delete=models.CASCADE, related_name="reports")
    text = models.TextField("进展情况")
    evidence_url = models.CharField("佐证链接", max_length=500, blank=True)
    documents = models.ManyToManyField(
        "publishing.Document", verbose_name="佐证信息", blank=True, related_name="+"
    )
    done = models.BooleanField("已完成", default=False)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reported_on = models.DateField("报送日期")

    class Meta:
        ordering = ["task", "reported_on", "id"]

    def __str__(self):
        return self.text[:60]


class WorkReminder(models.Model):
    """A console reminder to a responsible unit's staff that a work-point task is due soon or
    late; one per person, task and day (the daily job makes them and e-mails them)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="work_reminders"
    )
    task = models.ForeignKey(WorkTask, on_delete=models.CASCADE, related_name="reminders")
    text = models.CharField(max_length=300)
    created_on = models.DateField()
    read = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "task", "created_on"], name="one_work_reminder_per_day"
            )
        ]

    def __str__(self):
        return self.text


# ---------------------------------------------------------------- training (五(三))


class TrainingStatus(models.TextChoices):
    PLANNED = "planned", "计划举办"
    HELD = "held", "已举办"
    CANCELLED = "cancelled", "已取消"


class Training(models.Model):
    """A training course on government openness a unit (or the office, on its government)
    plans and then records as held: when, who took part, with what materials. Participants'
    names are personal data: encrypted at rest, masked on screen."""

    unit = models.ForeignKey("units.Unit", verbose_name="举办单位", on_delete=models.PROTECT)
    title = models.CharField("培训课程", max_length=200)
    content = models.TextField("培训内容", blank=True)
    audience = models.CharField("培训对象", max_length=200, blank=True)
    planned_on = models.DateField("计划日期", null=True, blank=True)
    held_on = models.DateField("举办日期", null=True, blank=True)
    hours = models.DecimalField("学时", max_digits=4, decimal_places=1, null=True, blank=True)
    participant_count = models.PositiveIntegerField("参训人数", default=0)
    participants = EncryptedTextField("参训人员名单", blank=True)
    materials = models.TextField("培训材料", blank=True)
    materials_url = models.CharField("培训材料链接", max_length=500, blank=True)
    status = models.CharField(
        "状态", max_length=12, choices=TrainingStatus.choices, default=TrainingStatus.PLANNED
    )
    note = models.TextField("说明", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_on = models.DateField("录入日期")

    class Meta:
        ordering = ["-planned_on", "-held_on", "-id"]
        verbose_name = "培训"
        verbose_name_plural = "培训"

    def __str__(self):
        return self.title

    @property
    def day(self):
        return self.held_on or self.planned_on

    def participant_names(self):
        return [n.strip() for n in (self.participants or "").splitlines() if n.strip()]

    def masked_participants(self):
        return [mask_name(n) for n in self.participant_names()]
