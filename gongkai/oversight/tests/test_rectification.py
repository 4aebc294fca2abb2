"""Rectification through its transition table: the office assigns, the unit submits
evidence, the office returns or closes; each step audited; repeat problems flagged."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.audit.models import AuditEvent
from gongkai.oversight import services, workflow
from gongkai.oversight.models import Finding, Rectification, RectificationStatus

pytestmark = pytest.mark.django_db
D = datetime.date
S = RectificationStatus


@pytest.fixture
def finding(submit, at, unit_a, government):
    submit(unit_a)
    at(2026, 12, 3)
    run = services.run_inspection(government, D(2026, 12, 3))
    return run.findings.get(unit=unit_a, indicator__code="overdue_application")


def test_every_function_is_in_the_table_and_the_table_names_only_functions():
    for name in workflow.TRANSITIONS:
        assert callable(getattr(workflow, name))
    assert set(workflow.TRANSITIONS) == {
        "assign_rectification",
        "submit_rectification",
        "return_rectification",
        "close_rectification",
    }


def test_assign_submit_return_submit_close(finding, office, editor_a, client_of):
    task = workflow.assign_rectification(
        actor=office, finding=finding, deadline=D(2026, 12, 10), requirement="三日内答复"
    )
    assert task.status == S.OPEN and not task.repeat
    with pytest.raises(ValidationError):  # not yet submitted: nothing to close
        workflow.close_rectification(actor=office, task=task)
    with pytest.raises(ValidationError) as error:
        workflow.submit_rectification(actor=editor_a, task=task, evidence="  ")
    assert "整改情况" in str(error.value)
    assert Rectification.objects.get().status == S.OPEN
    workflow.submit_rectification(actor=editor_a, task=task, evidence="已于12月4日答复。")
    task.refresh_from_db()
    workflow.return_rectification(actor=office, task=task, reason="未附答复书")
    task.refresh_from_db()
    assert task.status == S.OPEN and task.review_note == "未附答复书"
    workflow.submit_rectification(
        actor=editor_a, task=task, evidence="答复书见链接", evidence_url="/console/applications/"
    )
    task.refresh_from_db()
    workflow.close_rectification(actor=office, task=task, note="整改到位")
    task.refresh_from_db()
    assert task.status == S.CLOSED and task.closed_on == D(2026, 12, 3)
    actions = list(
        AuditEvent.objects.filter(target_type="oversight.rectification")
        .order_by("id")
        .values_list("action", "from_state", "to_state")
    )
    assert actions == [
        ("assign_rectification", "", "open"),
        ("submit_rectification", "open", "submitted"),
        ("return_rectification", "submitted", "open"),
        ("submit_rectification", "open", "submitted"),
        ("close_rectification", "submitted", "closed"),
    ]


def test_roles_are_checked(finding, office, editor_a, editor_b):
    with pytest.raises(PermissionDenied):
        workflow.assign_rectification(actor=editor_a, finding=finding, deadline=D(2026, 12, 10))
    task = workflow.assign_rectification(actor=office, finding=finding, deadline=D(2026, 12, 10))
    with pytest.raises(PermissionDenied):
        workflow.submit_rectification(actor=editor_b, task=task, evidence="别的单位")
    workflow.submit_rectification(actor=editor_a, task=task, evidence="已答复")
    with pytest.raises(PermissionDenied):
        workflow.close_rectification(actor=editor_a, task=task)


def test_bad_deadline_and_duplicate_task_are_refused(finding, office):
    with pytest.raises(ValidationError):
        workflow.assign_rectification(actor=office, finding=finding, deadline=D(2026, 12, 1))
    workflow.assign_rectification(actor=office, finding=finding, deadline=D(2026, 12, 10))
    with pytest.raises(ValidationError):
        workflow.assign_rectification(actor=office, finding=finding, deadline=D(2026, 12, 10))
    assert Rectification.objects.count() == 1


def test_a_problem_back_after_closing_is_a_repeat(finding, office, editor_a, government, at):
    task = workflow.assign_rectification(actor=office, finding=finding, deadline=D(2026, 12, 10))
    workflow.submit_rectification(actor=editor_a, task=task, evidence="已答复")
    workflow.close_rectification(actor=office, task=task)
    at(2026, 12, 4)
    run = services.run_inspection(government, D(2026, 12, 4))
    again = run.findings.get(key=finding.key)
    assert again.repeat
    second = workflow.assign_rectification(actor=office, finding=again, deadline=D(2026, 12, 8))
    assert second.repeat


def test_pages_of_the_workflow(finding, office, editor_a, client_of, unit_a):
    client = client_of(office)
    problems = reverse("console-oversight:problems", args=[unit_a.pk, "overdue_application"])
    assert (
        reverse("console-oversight:assign", args=[finding.pk])
        in client.get(problems).content.decode()
    )
    response = client.post(
        reverse("console-oversight:assign", args=[finding.pk]),
        {"deadline": "2026-12-01", "requirement": ""},
    )
    assert "整改期限不能早于今天" in response.content.decode()
    response = client.post(
        reverse("console-oversight:assign", args=[finding.pk]), {"deadline": "2026-12-10"}
    )
    task = Rectification.objects.get()
    assert response["Location"] == reverse("console-oversight:rectification", args=[task.pk])
    unit_client = client_of(editor_a)
    page = reverse("console-oversight:rectification", args=[task.pk])
    assert "报送整改情况" in unit_client.get(page).content.decode()
    unit_client.post(page, {"evidence": "已答复申请人"})
    client = client_of(office)
    client.post(page, {"decision": "close", "note": "到位"})
    task.refresh_from_db()
    assert task.status == S.CLOSED


def test_dashboard_counts_open_rectifications_with_a_link(finding, office, client_of, unit_a):
    workflow.assign_rectification(actor=office, finding=finding, deadline=D(2026, 12, 10))
    client = client_of(office)
    html = client.get(reverse("console-oversight:index")).content.decode()
    link = reverse("console-oversight:rectifications") + f"?unit={unit_a.pk}"
    assert link in html
    listing = client.get(link).content.decode()
    assert finding.subject in listing


def test_inspection_stores_findings_and_scores_as_history(unit_b, finding, government, unit_a):
    run = finding.run
    scores = {s.unit_id: s for s in run.scores.all()}
    assert scores[unit_a.pk].points < scores[unit_b.pk].points
    again = services.run_inspection(government, D(2026, 12, 3))  # same day: replaced
    assert Finding.objects.filter(run__day=D(2026, 12, 3)).count() == again.findings.count()
