"""An incident's deadlines as the handler sees them: from the level's policy, late only after
the last moment on time, each deadline judged by when it was met."""

import datetime

import pytest

from gongkai.concerns import workflow
from gongkai.concerns.models import Level

from .conftest import incident_input, moment

pytestmark = pytest.mark.django_db

SECOND = datetime.timedelta(seconds=1)
FOUND = moment(2026, 12, 2, 9, 0)  # a Wednesday


@pytest.mark.parametrize(
    ("level", "first", "full"),
    [
        # Found on Wednesday 2 December 2026 at 09:00.
        (Level.GENERAL, moment(2026, 12, 4, 9, 0), moment(2026, 12, 16, 23, 59, 59)),
        (Level.SIGNIFICANT, moment(2026, 12, 3, 9, 0), moment(2026, 12, 9, 23, 59, 59)),
        (Level.MAJOR, moment(2026, 12, 2, 14, 0), moment(2026, 12, 7, 23, 59, 59)),
        (Level.EXTRAORDINARY, moment(2026, 12, 2, 14, 0), moment(2026, 12, 3, 9, 0)),
    ],
)
def test_each_level_gets_its_deadlines(
    policy, known_calendar, at, government, street, office, level, first, full
):
    at(2026, 12, 3, 6)
    incident = workflow.register_incident(
        actor=office, **incident_input(street, level=level, detected_at=FOUND)
    )
    assert incident.first_response_due == first
    assert incident.full_response_due == full


def test_on_time_up_to_the_last_moment(policy, known_calendar, at, street, office):
    at(2026, 12, 3, 6)
    incident = workflow.register_incident(actor=office, **incident_input(street, detected_at=FOUND))
    due = incident.first_response_due
    assert not incident.first_late(due)
    assert incident.first_late(due + SECOND)
    assert not incident.full_late(incident.full_response_due)
    assert incident.full_late(incident.full_response_due + SECOND)
    assert incident.is_late(due + SECOND)


def test_a_deadline_met_late_stays_late_and_one_met_in_time_stays_in_time(
    policy, known_calendar, at, street, office, time_machine
):
    at(2026, 12, 2, 10)
    incident = workflow.register_incident(
        actor=office,
        **incident_input(street, level=Level.MAJOR, detected_at=moment(2026, 12, 2, 9)),
    )
    time_machine.move_to(moment(2026, 12, 2, 15, 0), tick=False)
    incident = workflow.record_first_response(
        actor=office, incident=incident, text="已派员核实。", channel="政务微博"
    )
    # Answered at 15:00, an hour after 14:00: late for good, whenever asked.
    assert incident.first_late(moment(2026, 12, 30, 9, 0))
    # The full response is still in time until its own deadline.
    assert not incident.full_late(moment(2026, 12, 7, 23, 59, 59))


def test_a_referral_without_a_date_gets_the_policy_default(
    policy, known_calendar, at, street, office
):
    at(2026, 12, 3, 6)
    incident = workflow.register_incident(
        actor=office,
        **incident_input(
            street,
            detected_at=FOUND,
            source="referral",
            referring_office="city",
            referral_number="市府办转〔2026〕12号",
        ),
    )
    # Five working days after Wednesday 2 December.
    assert incident.referral_due == moment(2026, 12, 9, 23, 59, 59)


def test_a_referral_keeps_the_date_its_letter_sets(policy, known_calendar, at, street, office):
    at(2026, 12, 3, 6)
    incident = workflow.register_incident(
        actor=office,
        **incident_input(
            street,
            detected_at=FOUND,
            source="referral",
            referring_office="province",
            referral_number="省府办转〔2026〕3号",
            referral_due=moment(2026, 12, 4, 12, 0),
        ),
    )
    assert incident.referral_due == moment(2026, 12, 4, 12, 0)
    assert not incident.report_late(moment(2026, 12, 4, 12, 0))
    assert incident.report_late(moment(2026, 12, 4, 12, 0, 1))


def test_the_policy_in_force_at_registration_is_kept(
    policy, settings, known_calendar, at, street, office
):
    at(2026, 12, 3, 6)
    incident = workflow.register_incident(actor=office, **incident_input(street, detected_at=FOUND))
    settings.CONCERNS_RESPONSE_LIMITS = {
        **settings.CONCERNS_RESPONSE_LIMITS,
        "general": {"first": (1, "hours"), "full": (1, "hours")},
    }
    incident.refresh_from_db()
    assert incident.first_response_due == moment(2026, 12, 4, 9, 0)
    assert incident.first_response_limit == "48小时"
    assert incident.full_response_limit == "10个工作日"
