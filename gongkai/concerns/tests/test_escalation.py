"""A missed deadline sends the incident one step up, once per deadline; the office sees late
incidents on its dashboard and among the oversight indicators."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from gongkai.audit.models import AuditEvent
from gongkai.concerns import workflow
from gongkai.concerns.models import EscalationReason, Level
from gongkai.operations.models import JobRun
from gongkai.oversight import services as oversight

from .conftest import incident_input, moment

pytestmark = pytest.mark.django_db


@pytest.fixture
def late_incident(known_calendar, at, government, street, office, time_machine):
    """A general incident in the street found Monday 30 November 2026 09:00: first response
    due Wednesday 09:00 (48 hours), full response at the end of 14 December (10 working
    days)."""
    at(2026, 11, 30, 10)
    return workflow.register_incident(
        actor=office, **incident_input(street, detected_at=moment(2026, 11, 30, 9, 0))
    )


def test_nothing_is_escalated_before_a_deadline_passes(late_incident):
    assert workflow.escalate_late(moment=moment(2026, 12, 2, 9, 0)) == []


def test_a_missed_first_response_goes_to_the_district_once(late_incident, government):
    done = workflow.escalate_late(moment=moment(2026, 12, 2, 9, 0, 1))
    assert [(e.reason, e.from_unit, e.to_unit) for e in done] == [
        (EscalationReason.FIRST_LATE, late_incident.territory, government)
    ]
    assert workflow.escalate_late(moment=moment(2026, 12, 3, 9, 0)) == []
    late_incident.refresh_from_db()
    assert late_incident.escalated_to == government
    event = AuditEvent.objects.get(action="escalate_incident")
    assert event.actor is None and event.data["to_unit"] == government.pk


def test_a_second_missed_deadline_goes_a_step_further(
    known_calendar, at, government, street, gov_office, unit_a, office
):
    at(2026, 11, 30, 10)
    incident = workflow.register_incident(
        actor=office,
        **incident_input(street, level=Level.SIGNIFICANT, detected_at=moment(2026, 11, 30, 9, 0)),
    )
    workflow.assign_incident(actor=office, incident=incident, unit=unit_a)
    first = workflow.escalate_late(moment=moment(2026, 12, 1, 10, 0))
    assert [(e.from_unit, e.to_unit) for e in first] == [(unit_a, gov_office)]
    # Significant: the full response is due at the end of Monday 7 December.
    second = workflow.escalate_late(moment=moment(2026, 12, 8, 0, 0))
    assert [(e.reason, e.from_unit, e.to_unit) for e in second] == [
        (EscalationReason.FULL_LATE, gov_office, gov_office)
    ]


def test_an_answered_incident_is_not_escalated(late_incident, office):
    workflow.record_first_response(
        actor=office, incident=late_incident, text="正在核实", channel="政府网站"
    )
    assert workflow.escalate_late(moment=moment(2026, 12, 3, 9, 0)) == []


def test_a_late_referral_report_is_escalated_even_after_the_response(
    known_calendar, at, street, office
):
    at(2026, 11, 30, 10)
    incident = workflow.register_incident(
        actor=office,
        **incident_input(
            street,
            source="referral",
            referring_office="province",
            referral_number="省转〔2026〕5号",
            referral_due=moment(2026, 12, 1, 17, 0),
            detected_at=moment(2026, 11, 30, 9, 0),
        ),
    )
    workflow.record_first_response(actor=office, incident=incident, text="已回应", channel="微博")
    done = workflow.escalate_late(moment=moment(2026, 12, 1, 18, 0))
    assert [e.reason for e in done] == [EscalationReason.REPORT_LATE]


def test_the_office_escalates_by_hand_with_a_reason(late_incident, office, street_editor):
    with pytest.raises(Exception):  # noqa: B017 — PermissionDenied for the street's editor
        workflow.escalate_incident(actor=street_editor, incident=late_incident, note="催办")
    escalation = workflow.escalate_incident(
        actor=office, incident=late_incident, note="社会关注度高"
    )
    assert escalation.reason == EscalationReason.BY_HAND


def test_the_job_is_recorded(late_incident, time_machine):
    time_machine.move_to(moment(2026, 12, 2, 10, 0), tick=False)
    out = io.StringIO()
    call_command("concerns_escalate", stdout=out)
    assert "提级督办 1 件次" in out.getvalue()
    run = JobRun.objects.get(job="concerns_escalate")
    assert run.succeeded and run.summary == "提级督办 1 件次"


def test_a_late_incident_is_a_problem_of_its_handling_unit_for_the_office(
    late_incident, street, time_machine
):
    indicator = oversight.indicator_named("late_incident")
    assert indicator is not None
    time_machine.move_to(moment(2026, 12, 2, 8, 0), tick=False)
    assert oversight.problems(indicator, [street], moment(2026, 12, 2, 8, 0).date()) == []
    time_machine.move_to(moment(2026, 12, 3, 8, 0), tick=False)
    found = oversight.problems(indicator, [street], moment(2026, 12, 3, 8, 0).date())
    assert [(p.unit_id, p.key) for p in found] == [(street.pk, f"incident:{late_incident.pk}")]
    assert "首次回应超时" in found[0].subject


def test_the_offices_dashboard_shows_late_incidents(late_incident, office, client_of, time_machine):
    time_machine.move_to(moment(2026, 12, 3, 8, 0), tick=False)
    client = client_of(office)
    page = client.get(reverse("console:dashboard")).content.decode()
    assert "政务舆情" in page and late_incident.number in page
    oversight_page = client.get(reverse("console-oversight:index")).content.decode()
    assert "政务舆情回应超时" in oversight_page


def test_a_referral_answered_but_not_reported_is_still_escalated(
    known_calendar, at, street, street_editor, street_reviewer, office
):
    from gongkai.publishing.tests.factories import published

    at(2026, 11, 30, 10)
    incident = workflow.register_incident(
        actor=office,
        **incident_input(
            street,
            source="referral",
            referring_office="city",
            referral_number="市转〔2026〕9号",
            referral_due=moment(2026, 12, 1, 17, 0),
            detected_at=moment(2026, 11, 30, 9, 0),
        ),
    )
    response = published(
        street_editor, street_reviewer, street, title="关于噪声问题的回应", doc_type="response"
    )
    workflow.link_response(actor=street_editor, incident=incident, document=response)
    workflow.close_as_responded(actor=street_reviewer, incident=incident)
    done = workflow.escalate_late(moment=moment(2026, 12, 2, 9, 0))
    assert [e.reason for e in done] == [EscalationReason.REPORT_LATE]
