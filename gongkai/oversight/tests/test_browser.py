"""In a real browser, without JavaScript: the office's dashboard, the list behind a number, a
rectification and the reminders pass axe."""

import datetime

import pytest

from gongkai.accounts.tests.factories import PASSWORD
from gongkai.oversight import catalogue, defaults, services, workflow, workpoints
from gongkai.oversight.models import Indicator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, user):
    page.goto("/console/login/")
    page.get_by_label("用户名").fill(user.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()


def test_supervision_pages_pass_axe(browser_page, axe, submit, at, unit_a, government, office):
    defaults.install(Indicator)  # a transactional test starts without migration data
    submit(unit_a)
    at(2026, 12, 3)
    run = services.run_inspection(government, datetime.date(2026, 12, 3))
    finding = run.findings.get(indicator__code="overdue_application")
    task = workflow.assign_rectification(
        actor=office, finding=finding, deadline=datetime.date(2026, 12, 10)
    )
    catalogue.import_catalogue(
        actor=office, data=catalogue.template_xlsx(), filename="模板.xlsx", level="county"
    )
    item = catalogue.CatalogueItem.objects.get()
    adoption = catalogue.adopt(actor=office, unit=unit_a, item=item)
    points, _ = workpoints.parse_points(
        ["（一）做好解读。（责任单位：甲局）（完成时限：2026年6月底前）"], government
    )
    plan = workpoints.create_plan(
        actor=office, government=government, year=2026, title="", points=points
    )
    work_task = plan.points.get().tasks.get()
    page = browser_page
    _login(page, office)
    for path in (
        "/console/oversight/",
        f"/console/oversight/units/{unit_a.pk}/overdue_application/",
        "/console/oversight/rectifications/",
        f"/console/oversight/rectifications/{task.pk}/",
        f"/console/oversight/findings/{finding.pk}/assign/",
        "/console/oversight/reminders/",
        "/console/oversight/history/",
        "/console/oversight/month/?month=2026-12",
        "/console/oversight/catalogues/",
        f"/console/oversight/catalogues/{item.version_id}/",
        f"/console/oversight/catalogues/units/{unit_a.pk}/",
        f"/console/oversight/catalogues/adoptions/{adoption.pk}/",
        "/console/oversight/work-points/",
        f"/console/oversight/work-points/{plan.pk}/",
        f"/console/oversight/work-points/tasks/{work_task.pk}/",
        f"/console/oversight/work-points/units/{unit_a.pk}/2026/",
    ):
        page.goto(path)
        axe(page)
    assert page.console_errors == []
