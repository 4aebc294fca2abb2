"""The holiday calendar as data: one row per year with its current dates, and an
append-only revision for every change (who, when, from which source, why)."""

from datetime import date

from django.conf import settings
from django.db import models

from .calendar import YearEntry


class Source(models.TextChoices):
    CHINESECALENDAR = "chinesecalendar", "安装时从 chinesecalendar 载入"
    NOTICE = "notice", "粘贴国务院办公厅通知"
    MANUAL = "manual", "手工录入或更正"
    IMPORT = "import", "命令行导入通知"


class CalendarYear(models.Model):
    """A year whose holiday arrangement is known. Dates are ISO strings; a notice's dates may
    reach into the previous December (e.g. the 2019 New Year break began 2018-12-30)."""

    year = models.PositiveSmallIntegerField("年份", unique=True)
    holidays = models.JSONField("放假日期", default=list)
    workdays = models.JSONField("调休上班日期", default=list)
    names = models.JSONField("节日名称", default=dict, blank=True)
    source = models.CharField("来源", max_length=20, choices=Source.choices)
    source_note = models.CharField("依据", max_length=200, blank=True)
    updated_at = models.DateTimeField("最后修改时间")
    updated_by_label = models.CharField("最后修改人", max_length=150)

    class Meta:
        ordering = ["-year"]
        verbose_name = "节假日安排年度"
        verbose_name_plural = "节假日安排年度"

    def __str__(self):
        return f"{self.year}年节假日安排"

    def holiday_dates(self) -> list[date]:
        return [date.fromisoformat(d) for d in self.holidays]

    def workday_dates(self) -> list[date]:
        return [date.fromisoformat(d) for d in self.workdays]

    def entry(self) -> YearEntry:
        return YearEntry(
            year=self.year,
            holidays=frozenset(self.holiday_dates()),
            workdays=frozenset(self.workday_dates()),
            names={date.fromisoformat(k): v for k, v in self.names.items()},
        )


class CalendarRevisionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("节假日安排的修改记录只能追加，不能修改")

    def delete(self):
        raise PermissionError("节假日安排的修改记录只能追加，不能删除")


class CalendarRevision(models.Model):
    """One saved state of a year, kept for ever. Append-only."""

    calendar_year = models.ForeignKey(
        CalendarYear, on_delete=models.PROTECT, related_name="revisions"
    )
    number = models.PositiveIntegerField("版本")
    holidays = models.JSONField("放假日期", default=list)
    workdays = models.JSONField("调休上班日期", default=list)
    names = models.JSONField("节日名称", default=dict, blank=True)
    source = models.CharField("来源", max_length=20, choices=Source.choices)
    source_note = models.CharField("依据", max_length=200, blank=True)
    notice_text = models.TextField("通知原文", blank=True)
    reason = models.TextField("修改理由", blank=True)
    created_at = models.DateTimeField("时间")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    created_by_label = models.CharField("操作人", max_length=150)
    changes = models.JSONField("变化", default=dict, blank=True)

    objects = CalendarRevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-calendar_year__year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["calendar_year", "number"], name="unique_revision")
        ]
        verbose_name = "节假日安排修改记录"
        verbose_name_plural = "节假日安排修改记录"

    def __str__(self):
        return f"{self.calendar_year} 第{self.number}版"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("节假日安排的修改记录只能追加，不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("节假日安排的修改记录只能追加，不能删除")
