import io

import pytest

from gongkai.participation import demo
from gongkai.participation.models import Consultation, ConsultationStatus, Invitation


@pytest.fixture
def demo_district(db, known_calendar):
    from gongkai.accounts import demo as accounts_demo
    from gongkai.units import demo as units_demo

    for module in (units_demo, accounts_demo):
        module.load(io.StringIO())


def test_a_year_of_consultations_open_processing_and_closed(demo_district):
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    found = Consultation.objects.all()
    assert found.count() == len(demo.CONSULTATIONS)
    closed = found.filter(status=ConsultationStatus.CLOSED)
    assert closed.count() == 4
    for consultation in closed:
        stats = consultation.statistics()
        assert stats["undecided"] == 0 and stats["groups"] >= 2
    mass = found.get(title__startswith="东岚区老旧小区加装电梯")
    assert max(g.comments.count() for g in mass.groups.all()) == 14
    processing = found.get(title__startswith="东岚区户外广告")
    assert processing.status == ConsultationStatus.OPEN and processing.statistics()["undecided"]
    assert Invitation.objects.filter(comments__isnull=False).count() == 3


def test_the_draft_of_a_catalogued_major_decision_links_it(demo_district):
    from gongkai.decisions import demo as decisions_demo

    for module in (decisions_demo, demo):
        module.load(io.StringIO())
    linked = Consultation.objects.get(decision__isnull=False)
    assert linked.decision.title in linked.title and linked.is_major
    assert linked.decision.unit == linked.unit
