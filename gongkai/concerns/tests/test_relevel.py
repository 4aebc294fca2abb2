"""An incident whose weight turns out otherwise is re-levelled: the tier that answers follows the
new level, both deadlines are recomputed from the moment it was found under the new level's
limits (never restarted), and the change is audited with its reason."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.audit.models import AuditEvent
from gongkai.concerns import workflow
from gongkai.concerns.models import EscalationReason, Incident, Level

from .conftest import incident_input, moment

pytestmark = pytest.mark.django_db

FOUND = moment(2026, 12, 2, 9, 0)  # a Wednesday


def _register(office, street, level=Level.GENERAL):
    return workflow.register_incident(
        actor=office, **incident_input(street, level=level, detected_at=FOUND)
    )


def test_raising_the_level_hands_it_up_with_the_shorter_limits_counted_from_discovery(
    policy, known_calendar, at, government, street, office
):
    at(2026, 12, 3, 6)
    incident = _register(office, street)
    assert incident.full_response_due == moment(2026, 12, 16, 23, 59, 59)
    incident = workflow.relevel_incident(
        actor=office, incident=incident, level=Level.SIGNIFICANT, reason="多家媒体转载，影响扩大"
    )
    incident.refresh_from_db()
    assert incident.level == Level.SIGNIFICANT
    assert incident.responsible_unit == incident.handling_unit == government
    # 24 hours from Wednesday 09:00; 5 working days after Wednesday is the next Wednesday.
    assert incident.first_response_due == moment(2026, 12, 3, 9, 0)
    assert incident.full_response_due == moment(2026, 12, 9, 23, 59, 59)
    assert (incident.first_response_limit, incident.full_response_limit) == (
        "24小时",
        "5个工作日",
    )
    event = AuditEvent.objects.get(action="relevel_incident")
    assert event.actor == office and event.reason == "多家媒体转载，影响扩大"
    assert event.data["before"]["level"] == Level.GENERAL
    assert event.data["before"]["full_response_due"] == "2026-12-16T23:59:59+08:00"
    assert event.data["full_response_due"] == "2026-12-09T23:59:59+08:00"


def test_lowering_the_level_gives_it_back_to_the_street_with_the_longer_limits(
    policy, known_calendar, at, government, street, street_editor, office
):
    at(2026, 12, 3, 6)
    incident = _register(office, street, level=Level.SIGNIFICANT)
    incident = workflow.relevel_incident(
        actor=office, incident=incident, level=Level.GENERAL, reason="经核实影响限于本街道"
    )
    assert incident.responsible_unit == incident.handling_unit == street
    assert incident.first_response_due == moment(2026, 12, 4, 9, 0)
    assert incident.full_response_due == moment(2026, 12, 16, 23, 59, 59)
    # Now the street's own: its staff see it and may change it again.
    workflow.relevel_incident(
        actor=street_editor, incident=incident, level=Level.SIGNIFICANT, reason="再次升级"
    )


def test_a_new_level_never_restarts_the_clock_a_passed_deadline_is_late_at_once(
    policy, known_calendar, at, government, street, office
):
    at(2026, 12, 2, 16)
    incident = _register(office, street)
    assert workflow.escalate_late() == []
    incident = workflow.relevel_incident(
        actor=office, incident=incident, level=Level.MAJOR, reason="引发全网关注"
    )
    # Five hours from 09:00 ended at 14:00, before the re-levelling at 16:00.
    assert incident.first_response_due == moment(2026, 12, 2, 14, 0)
    assert incident.first_late(moment(2026, 12, 2, 16, 0))
    [escalation] = workflow.escalate_late()
    assert escalation.reason == EscalationReason.FIRST_LATE


def test_a_deadline_already_met_stays_met_under_the_new_limits(
    policy, known_calendar, at, street, street_editor, office
):
    at(2026, 12, 2, 11)
    incident = _register(office, street)
    incident = workflow.record_first_response(
        actor=street_editor, incident=incident, text="已派员核实。", channel="政务微博"
    )
    at(2026, 12, 3, 6)
    incident = workflow.relevel_incident(
        actor=office, incident=incident, level=Level.EXTRAORDINARY, reason="省级媒体关注"
    )
    # The first response came at 11:00, within five hours of 09:00.
    assert not incident.first_late(moment(2026, 12, 3, 6, 0))
    assert incident.full_response_due == moment(2026, 12, 3, 9, 0)


@pytest.mark.parametrize(
    ("level", "reason", "field", "message"),
    [
        (Level.GENERAL, "理由", "level", "已经是“一般”"),
        ("huge", "理由", "level", "请选择舆情级别"),
        (Level.SIGNIFICANT, "  ", "reason", "请说明调整级别的理由"),
    ],
)
def test_bad_input_is_refused_in_chinese_and_nothing_changes(
    policy, known_calendar, at, street, office, level, reason, field, message
):
    at(2026, 12, 3, 6)
    incident = _register(office, street)
    with pytest.raises(ValidationError) as caught:
        workflow.relevel_incident(actor=office, incident=incident, level=level, reason=reason)
    assert message in " ".join(caught.value.message_dict[field])
    kept = Incident.objects.get(pk=incident.pk)
    assert (kept.level, kept.full_response_due) == (Level.GENERAL, incident.full_response_due)
    assert not AuditEvent.objects.filter(action="relevel_incident").exists()


def test_only_those_responsible_may_relevel_and_only_while_open(
    policy, known_calendar, at, street, town, editor_a, office
):
    at(2026, 12, 3, 6)
    incident = _register(office, town)
    with pytest.raises(PermissionDenied):
        workflow.relevel_incident(
            actor=editor_a, incident=incident, level=Level.SIGNIFICANT, reason="理由"
        )
    workflow.dismiss_incident(actor=office, incident=incident, reason="经核实不属实")
    with pytest.raises(ValidationError, match="不能执行此操作"):
        workflow.relevel_incident(
            actor=office, incident=incident, level=Level.SIGNIFICANT, reason="理由"
        )


def test_relevelling_through_the_console(
    policy, known_calendar, at, government, street, office, client_of
):
    at(2026, 12, 3, 6)
    incident = _register(office, street)
    client = client_of(office)
    page = client.get(f"/console/concerns/{incident.pk}/").content.decode()
    assert "调整级别" in page
    response = client.post(
        f"/console/concerns/{incident.pk}/relevel/",
        {"level": Level.SIGNIFICANT, "reason": "多家媒体转载"},
        follow=True,
    )
    assert "已调整级别" in response.content.decode()
    assert Incident.objects.get(pk=incident.pk).level == Level.SIGNIFICANT
    response = client.post(
        f"/console/concerns/{incident.pk}/relevel/",
        {"level": Level.SIGNIFICANT, "reason": "重复"},
        follow=True,
    )
    assert "已经是“较大”" in response.content.decode()
