"""The demo builds through the workflow and covers every status and outcome."""

import io

from gongkai.applications.models import Application, Reply, Status
from gongkai.applications.outcomes import Outcome


def test_demo_covers_every_status_and_outcome(holiday_calendar, at):
    from gongkai.accounts import demo as accounts_demo
    from gongkai.applications import demo
    from gongkai.units import demo as units_demo

    at(2026, 11, 27)
    out = io.StringIO()
    units_demo.load(out)
    accounts_demo.load(out)
    demo.load(out)
    demo.load(out)  # idempotent
    assert Application.objects.count() == demo.COUNT >= 200
    assert set(Application.objects.values_list("status", flat=True)) == set(Status.values)
    assert set(Reply.objects.values_list("outcome", flat=True)) == set(Outcome.values)
