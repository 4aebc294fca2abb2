import datetime
import io
import time

import pytest

from gongkai.audit.models import AuditEvent
from gongkai.core.clock import local_today
from gongkai.interaction import demo
from gongkai.interaction.models import FaqEntry, Forward, Question, Status


@pytest.fixture
def demo_district(db, known_calendar):
    from gongkai.accounts import demo as accounts_demo
    from gongkai.units import demo as units_demo

    for module in (units_demo, accounts_demo):
        module.load(io.StringIO())


def test_a_year_of_questions_through_the_workflow(demo_district):
    started = time.monotonic()
    demo.load(io.StringIO())
    assert time.monotonic() - started < 60
    count = Question.objects.count()
    demo.load(io.StringIO())
    assert Question.objects.count() == count > 100
    today = local_today()
    first = Question.objects.order_by("received_on").first()
    assert first.received_on <= today - datetime.timedelta(days=300)
    assert Question.objects.published().count() > 50
    assert Question.objects.filter(status=Status.ANSWERED, consent_to_publish=False).exists()
    assert Question.objects.answered_late().exists()
    assert Question.objects.overdue(today).count() >= 2
    assert Forward.objects.exists()
    for forward in Forward.objects.select_related("question"):
        # A forward never restarts the clock: the due date is the one of the day received.
        event = AuditEvent.objects.for_target(forward.question).get(action="interaction.submit")
        assert event.data["due_date"] == str(forward.question.due_date)
    assert FaqEntry.objects.public().count() >= 5
    assert not Question.objects.published().filter(public_text__contains="139").exists()
