import io

import pytest

from gongkai.concerns import demo
from gongkai.concerns.models import Escalation, Incident, IncidentStatus, PressConference
from gongkai.publishing.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_district(known_calendar):
    from gongkai.accounts import demo as accounts_demo
    from gongkai.units import demo as units_demo

    for module in (units_demo, accounts_demo):
        module.load(io.StringIO())


def test_a_year_of_incidents_through_the_workflow(demo_district):
    out = io.StringIO()
    demo.load(out)
    demo.load(io.StringIO())  # idempotent
    incidents = Incident.objects.all()
    assert incidents.count() == len(demo.INCIDENTS)
    assert "件政务舆情" in out.getvalue()
    responded = incidents.filter(status=IncidentStatus.RESPONDED)
    assert responded.count() >= 12
    # Every response is a published 回应 document of the unit that handled the incident.
    for incident in responded.select_related("response_document"):
        assert incident.response_document.is_published
        assert incident.response_document.doc_type == "response"
        assert incident.response_document.unit_id == incident.handling_unit_id
    assert incidents.filter(status=IncidentStatus.DISMISSED).count() == 1
    # Some were answered late and escalated; a referral awaits its report.
    assert Escalation.objects.values("incident").distinct().count() >= 3
    assert incidents.filter(source="referral", reported_at__isnull=False).count() == 3
    assert PressConference.objects.published().count() == 3
    assert {i.level for i in incidents} >= {"general", "significant", "major"}
    assert Document.objects.published().filter(doc_type="response").count() == responded.count()


def test_the_demo_is_dated_in_the_past_year(demo_district):
    from gongkai.core.clock import local_date, local_today

    demo.load(io.StringIO())
    days = [(local_today() - local_date(i.detected_at)).days for i in Incident.objects.all()]
    assert max(days) <= 366 and min(days) >= 0
