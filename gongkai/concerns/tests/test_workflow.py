"""The incident's life: registered to the unit that answers for it, handed on, answered first,
answered in full by a published 回应 document, or closed as needing no answer; every step
audited, bad input refused in Chinese with nothing changed."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.audit.models import AuditEvent
from gongkai.concerns import workflow
from gongkai.concerns.models import Incident, IncidentStatus, Level
from gongkai.publishing import workflow as publishing
from gongkai.publishing.tests.factories import draft, published

from .conftest import incident_input, moment

pytestmark = pytest.mark.django_db


def _events(incident):
    return list(
        AuditEvent.objects.filter(target_type="concerns.incident", target_id=str(incident.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )


def test_a_general_incident_goes_to_the_street_and_a_significant_one_to_the_district(
    known_calendar, government, street, office
):
    general = workflow.register_incident(actor=office, **incident_input(street))
    significant = workflow.register_incident(
        actor=office, **incident_input(street, level=Level.SIGNIFICANT)
    )
    assert general.responsible_unit == general.handling_unit == street
    assert significant.responsible_unit == government
    assert general.number.endswith("-0001") and significant.number.endswith("-0002")
    assert _events(general) == ["register_incident"]


def test_the_street_registers_its_own_incidents_but_not_the_districts(
    known_calendar, government, street, street_editor, unit_a, editor_a
):
    workflow.register_incident(actor=street_editor, **incident_input(street))
    with pytest.raises(PermissionDenied):
        workflow.register_incident(actor=editor_a, **incident_input(street))
    # A district-level incident in the street: the street may enter it, the district answers.
    incident = workflow.register_incident(
        actor=street_editor, **incident_input(street, level=Level.SIGNIFICANT)
    )
    assert incident.responsible_unit == government


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": " "}, "title", "请填写舆情事项"),
        ({"level": "huge"}, "level", "请选择舆情级别"),
        ({"source": "rumour"}, "source", "请选择舆情来源"),
        ({"detected_at": moment(2026, 12, 31, 9, 0)}, "detected_at", "不能晚于现在"),
        ({"source": "referral"}, "referring_office", "须选择转办机关"),
        ({"referral_number": "市转1号"}, "referring_office", "只有来源为“上级转办”"),
    ],
)
def test_bad_input_is_refused_in_chinese_and_nothing_is_kept(
    known_calendar, at, street, office, overrides, field, message
):
    at(2026, 12, 3)
    with pytest.raises(ValidationError) as caught:
        workflow.register_incident(actor=office, **incident_input(street, **overrides))
    assert message in " ".join(caught.value.message_dict[field])
    assert not Incident.objects.exists()


def test_a_department_is_no_territory(known_calendar, unit_a, office):
    with pytest.raises(ValidationError) as caught:
        workflow.register_incident(actor=office, **incident_input(unit_a))
    assert "territory_unit" in caught.value.message_dict


def test_contact_data_is_encrypted_at_rest_and_masked(known_calendar, street, office):
    from django.db import connection

    incident = workflow.register_incident(
        actor=office,
        **incident_input(
            street, source="petition", contact_name="张海生", contact_phone="13912345678"
        ),
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT contact_name, contact_phone FROM concerns_incident WHERE id = %s",
            [incident.pk],
        )
        stored = " ".join(cursor.fetchone())
    assert "张海生" not in stored and "13912345678" not in stored
    incident.refresh_from_db()
    assert incident.masked_contact_name == "张**"
    assert incident.masked_contact_phone == "139****5678"


def test_the_district_hands_an_incident_to_its_department_and_no_further(
    known_calendar, government, street, unit_a, office, editor_b
):
    incident = workflow.register_incident(
        actor=office, **incident_input(street, level=Level.SIGNIFICANT)
    )
    incident = workflow.assign_incident(actor=office, incident=incident, unit=unit_a, note="主管")
    assert incident.handling_unit == unit_a
    with pytest.raises(PermissionDenied):
        workflow.assign_incident(actor=editor_b, incident=incident, unit=unit_a)
    general = workflow.register_incident(actor=office, **incident_input(street))
    with pytest.raises(ValidationError):
        workflow.assign_incident(actor=office, incident=general, unit=unit_a)
    assert _events(incident) == ["register_incident", "assign_incident"]


def _response(editor, reviewer, unit, publish=True, **overrides):
    data = {"title": "关于加装电梯工程进展情况的回应", "doc_type": "response", **overrides}
    if publish:
        return published(editor, reviewer, unit, **data)
    return draft(editor, unit, **data)


def test_an_incident_closes_only_once_its_response_is_published(
    known_calendar, at, street, street_editor, street_reviewer
):
    at(2026, 12, 2, 11)
    incident = workflow.register_incident(actor=street_editor, **incident_input(street))
    incident = workflow.record_first_response(
        actor=street_editor, incident=incident, text="已派员核实。", channel="政务微博"
    )
    assert incident.status == IncidentStatus.FIRST_RESPONDED
    response = _response(street_editor, street_reviewer, street, publish=False)
    incident = workflow.link_response(actor=street_editor, incident=incident, document=response)
    with pytest.raises(ValidationError, match="尚未通过审核发布"):
        workflow.close_as_responded(actor=street_reviewer, incident=incident)
    publishing.submit(actor=street_editor, document=response)
    publishing.review(
        actor=street_reviewer,
        document=response,
        confidentiality_result="同意公开",
        disclosure_confirmed=True,
    )
    publishing.publish(actor=street_reviewer, document=response)
    # The editor may not sign it off; the reviewer may.
    with pytest.raises(PermissionDenied):
        workflow.close_as_responded(actor=street_editor, incident=incident)
    incident = workflow.close_as_responded(actor=street_reviewer, incident=incident)
    assert incident.status == IncidentStatus.RESPONDED
    assert incident.responded_at is not None and not incident.full_late(incident.responded_at)
    assert _events(incident) == [
        "register_incident",
        "record_first_response",
        "link_response",
        "close_as_responded",
    ]
    with pytest.raises(ValidationError):
        workflow.record_first_response(
            actor=street_editor, incident=incident, text="再次回应", channel="网站"
        )


def test_only_a_response_of_the_handling_unit_can_be_linked(
    known_calendar, street, street_editor, street_reviewer, editor_a, reviewer_a, unit_a
):
    incident = workflow.register_incident(actor=street_editor, **incident_input(street))
    notice = published(street_editor, street_reviewer, street)
    with pytest.raises(ValidationError, match="文种应为“回应”"):
        workflow.link_response(actor=street_editor, incident=incident, document=notice)
    elsewhere = _response(editor_a, reviewer_a, unit_a)
    with pytest.raises(ValidationError, match="承办单位或责任主体"):
        workflow.link_response(actor=street_editor, incident=incident, document=elsewhere)
    incident.refresh_from_db()
    assert incident.response_document is None


def test_a_published_response_is_also_the_first_response_when_none_came_before(
    known_calendar, at, street, street_editor, street_reviewer
):
    at(2026, 12, 2, 11)
    incident = workflow.register_incident(actor=street_editor, **incident_input(street))
    response = _response(street_editor, street_reviewer, street)
    workflow.link_response(actor=street_editor, incident=incident, document=response)
    incident = workflow.close_as_responded(actor=street_reviewer, incident=incident)
    assert incident.first_response_at == incident.responded_at


def test_only_the_office_closes_an_incident_as_needing_no_response_and_says_why(
    known_calendar, street, street_reviewer, office
):
    incident = workflow.register_incident(actor=office, **incident_input(street))
    with pytest.raises(PermissionDenied):
        workflow.dismiss_incident(actor=street_reviewer, incident=incident, reason="重复")
    with pytest.raises(ValidationError):
        workflow.dismiss_incident(actor=office, incident=incident, reason=" ")
    incident = workflow.dismiss_incident(actor=office, incident=incident, reason="与YQ重复")
    assert incident.status == IncidentStatus.DISMISSED
    assert not incident.full_late(moment(2027, 6, 1, 0, 0))


def test_a_referral_reports_back_once(known_calendar, at, street, street_editor, office):
    at(2026, 12, 2, 11)
    incident = workflow.register_incident(
        actor=office,
        **incident_input(
            street, source="referral", referring_office="city", referral_number="市转〔2026〕8号"
        ),
    )
    incident = workflow.report_referral(
        actor=street_editor, incident=incident, report="已核实并回应，详见回应文件。"
    )
    assert incident.reported_at is not None and not incident.report_late(incident.reported_at)
    with pytest.raises(ValidationError, match="已报告过"):
        workflow.report_referral(actor=street_editor, incident=incident, report="再报")
    other = workflow.register_incident(actor=office, **incident_input(street))
    with pytest.raises(ValidationError, match="上级转办"):
        workflow.report_referral(actor=office, incident=other, report="报告")


def test_every_action_has_its_transitions_and_closed_is_final():
    closed = {IncidentStatus.RESPONDED, IncidentStatus.DISMISSED}
    for name, edges in workflow.TRANSITIONS.items():
        if name in ("report_referral", "escalate_unreported_referral"):
            continue  # a referral's report is owed after the incident is closed
        assert not any(source in closed for source, _ in edges), name
