"""Contingency plans (突发事件应急预案, Art. 20 (12)): their own public list of the plans in
force, kept current by validity as normative documents are."""

from datetime import date

import pytest
from django.urls import reverse

from gongkai.publishing import workflow
from gongkai.publishing.models import Validity
from gongkai.publishing.tests.factories import content, draft, published

pytestmark = pytest.mark.django_db

PLAN = "测试区防汛应急预案"


def plan(**overrides):
    fields = {
        "title": PLAN,
        "statutory_category": "a20.12",
        "is_contingency_plan": True,
        "effective_date": date(2026, 6, 1),
        "expiry_date": date(2027, 5, 31),
    }
    return content(**{**fields, **overrides})


def test_the_list_shows_plans_in_force_and_drops_them_when_they_expire(
    client, editor_a, reviewer_a, unit_a, at
):
    at(2026, 5, 20)
    document = published(editor_a, reviewer_a, unit_a, data=plan())
    assert document.validity == Validity.NOT_YET
    url = reverse("publishing:contingency-plans")
    assert PLAN not in client.get(url).content.decode()
    at(2026, 6, 1)
    workflow.update_validity(today=date(2026, 6, 1))
    document.refresh_from_db()
    assert document.validity == Validity.IN_FORCE
    page = client.get(url).content.decode()
    assert PLAN in page and "2027-05-31" in page
    at(2027, 6, 1)
    assert workflow.update_validity(today=date(2027, 6, 1)) == 1
    document.refresh_from_db()
    assert document.validity == Validity.EXPIRED
    assert PLAN not in client.get(url).content.decode()
    assert "现行有效的应急预案" in client.get("/").content.decode()


def test_a_plan_needs_its_effective_date_and_the_emergency_category(editor_a, unit_a):
    document = draft(editor_a, unit_a, **plan(effective_date=None, statutory_category="a20.01"))
    with pytest.raises(workflow.WorkflowError) as refused:
        workflow.submit(actor=editor_a, document=document)
    assert "施行日期" in str(refused.value) and "应急预案、预警信息" in str(refused.value)
