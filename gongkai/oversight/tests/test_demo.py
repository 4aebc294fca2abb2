"""The supervision demo is built through the workflow on the days it shows, relative to the
load day: nobody acts before their account exists, nothing is dated after the load moment,
the work points are issued in January and reported on before the load day, and loading twice
adds nothing."""

import datetime
import io

import pytest
from django.db.models import F

from gongkai.audit.models import AuditEvent
from gongkai.core.clock import local_date, local_now, local_today
from gongkai.oversight import demo
from gongkai.oversight.models import (
    InspectionRun,
    ProgressReport,
    Rectification,
    RectificationStatus,
    Training,
    TrainingStatus,
    WorkPlan,
    WorkTask,
)

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.mark.parametrize("load_day", [D(2026, 1, 8), D(2026, 12, 3)], ids=str)
def test_the_demo_is_dated_from_the_load_day(at, load_day, known_calendar):
    from gongkai.accounts import demo as accounts_demo
    from gongkai.units import demo as units_demo

    at(load_day.year, load_day.month, load_day.day, 15)
    for module in (units_demo, accounts_demo, demo):
        module.load(io.StringIO())
    now, today = local_now(), local_today()

    events = AuditEvent.objects.filter(action__in=OVERSIGHT_ACTIONS)
    assert events.count() > 20
    assert not events.filter(created_at__gt=now).exists()
    assert not events.filter(actor__date_joined__gt=F("created_at")).exists()

    runs = InspectionRun.objects.all()
    assert runs.count() == demo.HISTORY_DAYS
    assert all(local_date(r.started_at) == r.day <= today for r in runs)

    plan = WorkPlan.objects.get()
    assert plan.year == today.year and plan.created_on == min(D(today.year, 1, 15), today)
    for report in ProgressReport.objects.select_related("task"):
        assert plan.created_on <= report.reported_on <= today
    annual = WorkTask.objects.get(unit__code="qzfb", point__deadline=D(today.year, 1, 31))
    assert annual.done_on is not None and not annual.is_late(today)

    tasks = Rectification.objects.all()
    assert set(tasks.values_list("status", flat=True)) == set(RectificationStatus.values)
    for task in tasks:
        assigned = AuditEvent.objects.for_target(task).get(action="assign_rectification")
        assert local_date(assigned.created_at) == task.created_on
        assert today - datetime.timedelta(days=demo.HISTORY_DAYS) < task.created_on < today
        assert (task.closed_on or task.created_on) <= today

    for course in Training.objects.all():
        assert course.created_on <= today
        if course.status == TrainingStatus.HELD:
            assert course.held_on < today

    before = AuditEvent.objects.count()
    demo.load(io.StringIO())
    assert AuditEvent.objects.count() == before


OVERSIGHT_ACTIONS = (
    "import_catalogue",
    "adopt_catalogue_item",
    "assign_rectification",
    "submit_rectification",
    "close_rectification",
    "create_work_plan",
    "report_work_progress",
    "plan_training",
    "record_training",
)
