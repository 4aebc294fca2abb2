"""Work-point tasks due soon or late remind the responsible unit's staff (console and e-mail)
from the daily job; done tasks and other units are left alone; running twice adds nothing."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from gongkai.operations.models import OutgoingMail
from gongkai.oversight import workpoints
from gongkai.oversight.models import WorkReminder, WorkTask

pytestmark = pytest.mark.django_db
D = datetime.date

LINES = [
    "（一）做好政策文件解读。（责任单位：甲局、乙局）（完成时限：2026年6月30日前）",
]


@pytest.fixture
def plan(office, government, unit_a, unit_b, at):
    at(2026, 2, 1)
    points, _ = workpoints.parse_points(LINES, government)
    return workpoints.create_plan(
        actor=office, government=government, year=2026, title="", points=points
    )


def test_due_soon_late_and_done(plan, editor_a, editor_b, reviewer_a, unit_a, unit_b, at):
    editor_a.email = "a@example.gov.cn"
    editor_a.save()
    at(2026, 6, 23)  # 7 calendar days before the deadline
    assert workpoints.send_work_reminders(today=D(2026, 6, 23)) == 2
    assert workpoints.send_work_reminders(today=D(2026, 6, 23)) == 0
    texts = set(WorkReminder.objects.values_list("user__username", "text"))
    assert ("editor-a", next(t for u, t in texts if u == "editor-a")) in texts
    assert all("还有7个自然日" in t for _, t in texts)
    assert not WorkReminder.objects.filter(user=reviewer_a).exists()  # reviewers do not report
    assert OutgoingMail.objects.filter(to="a@example.gov.cn").count() == 1
    assert workpoints.send_work_reminders(today=D(2026, 6, 24)) == 0  # not a reminder day
    task_a = WorkTask.objects.get(unit=unit_a)
    at(2026, 6, 30)
    workpoints.report_progress(actor=editor_a, task=task_a, text="已完成。", done=True)
    at(2026, 7, 1)
    assert workpoints.send_work_reminders(today=D(2026, 7, 1)) == 1
    late = WorkReminder.objects.get(created_on=D(2026, 7, 1))
    assert late.user == editor_b and "已超过完成时限（2026-06-30）1个自然日" in late.text
    assert workpoints.send_work_reminders(today=D(2026, 7, 2)) == 0
    assert workpoints.send_work_reminders(today=D(2026, 7, 8)) == 1  # weekly while late


def test_the_daily_job_reminds_and_the_reminders_page_lists_them(
    plan, editor_b, unit_b, at, client_of
):
    at(2026, 6, 29)
    call_command("oversight_daily", stdout=io.StringIO())
    reminder = WorkReminder.objects.get(user=editor_b)
    assert "还有1个自然日" in reminder.text
    page = client_of(editor_b).get(reverse("console-oversight:reminders")).content.decode()
    assert reminder.text in page
    task = WorkTask.objects.get(unit=unit_b)
    assert reverse("console-oversight:work-task", args=[task.pk]) in page
