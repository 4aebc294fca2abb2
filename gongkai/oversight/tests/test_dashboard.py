"""The office's dashboard: per unit, every number a link to the list behind it; a unit sees
only its own row; reminders in full and paged."""

import datetime
import re

import pytest
from django.urls import reverse

from gongkai.applications.models import Reminder
from gongkai.core.clock import CHINA
from gongkai.oversight import services
from gongkai.oversight.models import Indicator
from gongkai.publishing.models import Column
from gongkai.publishing.tests.factories import published
from gongkai.reports.models import AnnualReport, ReportStatus

pytestmark = pytest.mark.django_db
D = datetime.date


def _links(html):
    return re.findall(r'href="(/console/oversight/units/[^"]+)"', html)


def test_every_number_links_to_the_list_behind_it(
    submit, at, unit_a, unit_b, government, office, client_of
):
    late = submit(unit_a)  # due 2026-10-29
    at(2026, 12, 3)
    client = client_of(office)
    html = client.get(reverse("console-oversight:index")).content.decode()
    links = _links(html)
    assert links, "the dashboard shows numbers with links"
    indicators, rows = services.dashboard_rows(
        services.Unit.objects.filter(government=government), D(2026, 12, 3)
    )
    counted = {
        (row.unit.pk, cell.indicator.code): cell.count
        for row in rows
        for cell in row.cells
        if cell.count
    }
    assert {
        tuple(re.match(r"/console/oversight/units/(\d+)/([\w-]+)/", link).groups())
        for link in links
    } == {(str(pk), code) for pk, code in counted}
    for link in links:
        page = client.get(link)
        assert page.status_code == 200
        pk, code = re.match(r"/console/oversight/units/(\d+)/([\w-]+)/", link).groups()
        listed = page.content.decode().count("<tr>") - 1  # the header row
        assert listed == counted[(int(pk), code)], link
    overdue = reverse("console-oversight:problems", args=[unit_a.pk, "overdue_application"])
    assert overdue in links
    assert late.tracking_number in client.get(overdue).content.decode()
    assert counted.get((unit_b.pk, "overdue_application")) is None


def test_annual_reports_missing_or_late_with_days_late(at, unit_a, unit_b, government, editor_a):
    at(2026, 12, 3)
    AnnualReport.objects.create(
        unit=unit_b,
        year=2025,
        status=ReportStatus.PUBLISHED,
        created_by=editor_a,
        published_at=datetime.datetime(2026, 2, 10, 9, tzinfo=CHINA),
    )
    indicator = Indicator.objects.get(code="annual_report")
    found = {
        p.unit_id: p
        for p in services.problems(indicator, [unit_a, unit_b, government], D(2026, 12, 3))
    }
    assert found[unit_a.pk].days_late == (D(2026, 12, 3) - D(2026, 1, 31)).days
    assert "逾期未发布" in found[unit_a.pk].subject
    assert found[unit_b.pk].days_late == 10  # published 10 February: late for good
    assert "逾期发布" in found[unit_b.pk].subject
    assert found[government.pk].days_late == (D(2026, 12, 3) - D(2026, 3, 31)).days
    assert found[unit_a.pk].since == D(2026, 2, 1)


def test_annual_report_on_time_is_no_problem(at, unit_a, editor_a):
    at(2026, 12, 3)
    AnnualReport.objects.create(
        unit=unit_a,
        year=2025,
        status=ReportStatus.PUBLISHED,
        created_by=editor_a,
        published_at=datetime.datetime(2026, 1, 31, 23, tzinfo=CHINA),  # still 31 January
    )
    indicator = Indicator.objects.get(code="annual_report")
    assert services.problems(indicator, [unit_a], D(2026, 12, 3)) == []
    # Before the deadline nothing is late yet.
    assert services.problems(indicator, [unit_a], D(2027, 1, 20)) == []


def test_a_unit_sees_only_its_own_row(submit, at, unit_a, unit_b, editor_a, client_of):
    submit(unit_b)
    at(2026, 12, 3)
    client = client_of(editor_a)
    html = client.get(reverse("console-oversight:index")).content.decode()
    assert "甲局" in html and "乙局" not in html
    assert all(f"/units/{unit_a.pk}/" in link for link in _links(html))
    other = reverse("console-oversight:problems", args=[unit_b.pk, "overdue_application"])
    assert client.get(other).status_code == 404


def test_empty_and_stale_columns_and_empty_statutory_items(at, unit_a, editor_a, reviewer_a, today):
    news = Column.objects.create(unit=unit_a, name="工作动态", slug="news")
    notices = Column.objects.create(unit=unit_a, name="通知公告", slug="notices")
    Column.objects.create(unit=unit_a, name="财政资金", slug="money")
    at(2026, 11, 2)
    published(editor_a, reviewer_a, unit_a, column_id=news.pk, title="十一月工作动态")
    at(2026, 11, 30)
    published(editor_a, reviewer_a, unit_a, column_id=notices.pk, title="停水通知")
    at(2026, 12, 3)
    by_code = {i.code: i for i in Indicator.objects.all()}
    stale = services.problems(by_code["stale_news"], [unit_a], today)
    assert [p.key for p in stale] == [f"column:{news.pk}"]
    assert stale[0].since == D(2026, 11, 17) and stale[0].days_late == 17
    assert services.problems(by_code["stale_notice"], [unit_a], today) == []
    empty = services.problems(by_code["empty_column"], [unit_a], today)
    assert [p.subject for p in empty] == ["栏目“财政资金”无内容"]
    missing = services.problems(by_code["empty_category"], [unit_a], today)
    assert [p.key for p in missing] == ["category:a20.07"]  # 财政预算、决算
    published(editor_a, reviewer_a, unit_a, statutory_category="a20.07", title="2026年部门预算")
    assert services.problems(by_code["empty_category"], [unit_a], today) == []


def test_changing_the_period_changes_what_is_stale(at, unit_a, editor_a, reviewer_a, today):
    news = Column.objects.create(unit=unit_a, name="要闻", slug="news")
    at(2026, 11, 2)
    published(editor_a, reviewer_a, unit_a, column_id=news.pk, title="要闻一则")
    at(2026, 12, 3)
    indicator = Indicator.objects.get(code="stale_news")
    assert len(services.problems(indicator, [unit_a], today)) == 1
    indicator.period_days = 40
    indicator.save()
    assert services.problems(indicator, [unit_a], today) == []


def test_reminders_are_listed_in_full_and_paged(submit, at, unit_a, editor_a, client_of):
    application = submit(unit_a)
    at(2026, 12, 3)
    for n in range(35):
        Reminder.objects.create(
            user=editor_a,
            application=application,
            text=f"提醒第{n:02d}条",
            created_on=D(2026, 10, 1) + datetime.timedelta(days=n),
        )
    client = client_of(editor_a)
    first = client.get(reverse("console-oversight:reminders")).content.decode()
    second = client.get(reverse("console-oversight:reminders") + "?page=2").content.decode()
    shown = re.findall(r"提醒第(\d\d)条", first) + re.findall(r"提醒第(\d\d)条", second)
    assert sorted(shown) == [f"{n:02d}" for n in range(35)]
    assert "共 35 条" in first
