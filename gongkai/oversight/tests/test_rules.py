"""The document rules: expired documents nobody cleared up; policies without interpretation;
the daily command stores a run."""

import datetime
import io

import pytest
from django.core.management import call_command

from gongkai.oversight import services
from gongkai.oversight.models import Indicator, InspectionRun
from gongkai.publishing import vocabularies as v
from gongkai.publishing.tests.factories import normative, published

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2026, 12, 3)


def _rule(code, units, day=TODAY):
    return services.problems(Indicator.objects.get(code=code), units, day)


def test_an_expired_normative_document_left_alone_is_found(at, unit_a, editor_a, reviewer_a):
    at(2026, 3, 1)
    old = published(
        editor_a,
        reviewer_a,
        unit_a,
        data=normative(expiry_date=D(2026, 6, 30), needs_interpretation=False),
    )
    at(2026, 12, 3)
    found = _rule("expired_validity", [unit_a])
    assert [(p.key, p.since, p.days_late) for p in found] == [
        (f"document:{old.pk}", D(2026, 7, 1), (D(2026, 12, 3) - D(2026, 6, 30)).days)
    ]
    assert _rule("expired_validity", [unit_a], D(2026, 6, 30)) == []  # last day in force


def test_a_policy_without_interpretation_until_one_is_published(at, unit_a, editor_a, reviewer_a):
    at(2026, 3, 1)
    policy = published(editor_a, reviewer_a, unit_a, data=normative())
    at(2026, 12, 3)
    assert [p.key for p in _rule("no_interpretation", [unit_a])] == [f"document:{policy.pk}"]
    published(
        editor_a,
        reviewer_a,
        unit_a,
        title="《测试区老旧小区改造管理办法》政策解读",
        doc_type=v.INTERPRETATION,
        interprets_id=policy.pk,
        statutory_category="a20.01",
    )
    assert _rule("no_interpretation", [unit_a]) == []


def test_the_daily_command_inspects_each_government(submit, at, unit_a, government):
    submit(unit_a)
    at(2026, 12, 3)
    out = io.StringIO()
    call_command("oversight_daily", stdout=out)
    run = InspectionRun.objects.get(government=government)
    assert run.day == D(2026, 12, 3)
    assert run.findings.filter(unit=unit_a, indicator__code="overdue_application").count() == 1
    assert "测试区" in out.getvalue()


def test_a_guide_not_updated_after_the_working_body_changed(at, unit_a, office, admin_a):
    from gongkai.publishing import workflow as publishing_workflow
    from gongkai.units.services import update_unit

    at(2026, 11, 2)
    publishing_workflow.save_guide(actor=admin_a, unit=unit_a, data={"arrangement": "按条例"})
    at(2026, 11, 10)
    update_unit(actor=office, unit=unit_a, body_name="甲局办公室（政务公开科）")
    at(2026, 12, 3)
    found = _rule("stale_guide", [unit_a])
    assert [(p.key, p.since) for p in found] == [("guide", D(2026, 11, 10))]
    publishing_workflow.save_guide(actor=admin_a, unit=unit_a, data={"arrangement": "按条例办理"})
    assert _rule("stale_guide", [unit_a]) == []
    # A change that is not about the working body asks nothing of the guide.
    at(2026, 12, 4)
    update_unit(actor=office, unit=unit_a, short_name="甲局")
    assert _rule("stale_guide", [unit_a], D(2026, 12, 4)) == []
