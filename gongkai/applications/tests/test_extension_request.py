"""An editor asks the head of the openness body to approve an extension; the head is told
(dashboard and e-mail), the page's next step names the head, and the head approves or not."""

from datetime import date as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.applications import workflow
from gongkai.applications.models import Application, ExtensionDecision, LetterKind
from gongkai.audit.models import AuditEvent
from gongkai.operations.models import OutgoingMail

pytestmark = pytest.mark.django_db


def _next_step(page):
    return page.split('id="next-step-title"', 1)[1].split("</section>", 1)[0]


@pytest.fixture
def asked(submit, unit_a, editor_a, head_a, at):
    head_a.email = "head@example.gov.cn"
    head_a.save()
    application = submit(unit_a, on=(2026, 9, 24))
    at(2026, 10, 20)
    request = workflow.request_extension(
        actor=editor_a, application=application, working_days=15, reason="涉及档案需要调取。"
    )
    return Application.objects.get(pk=application.pk), request


def test_the_editor_asks_and_the_head_is_told_on_the_dashboard_and_by_mail(
    asked, client_of, head_a, editor_a
):
    application, request = asked
    mail = OutgoingMail.objects.get(to="head@example.gov.cn")
    assert mail.subject == "延期答复待您审批"
    assert application.tracking_number in mail.body and "15 个工作日" in mail.body
    dashboard = client_of(head_a).get("/console/").content.decode()
    assert "待您审批的延期答复" in dashboard
    assert f"申请 {application.tracking_number} 的答复期限延长 15 个工作日" in dashboard
    # The editor is not asked to approve anything.
    assert "待您审批的延期答复" not in client_of(editor_a).get("/console/").content.decode()
    event = AuditEvent.objects.get(action="application.request_extension")
    assert event.actor_id == editor_a.pk


def test_the_next_step_names_the_head_and_only_the_head_gets_the_approval_form(
    asked, client, head_a, editor_a
):
    application, _ = asked
    url = f"/console/applications/{application.pk}/"
    client.force_login(editor_a)
    step = _next_step(client.get(url).content.decode())
    assert "下一步：等待政府信息公开工作机构负责人" in step
    assert "请求将答复期限延长15个工作日" in step and "涉及档案需要调取。" in step
    assert 'value="extend_deadline"' not in step
    client.force_login(head_a)
    page = client.get(url).content.decode()
    step = _next_step(page)
    assert "下一步：批准延期答复" in step
    assert 'value="extend_deadline"' in step and 'value="decline_extension"' in step
    assert 'name="working_days" value="15"' in step  # what was asked, for the head to confirm
    assert "<summary>请负责人批准延期</summary>" not in page


def test_the_head_approves_through_the_page(asked, client_of, head_a):
    application, request = asked
    response = client_of(head_a).post(
        f"/console/applications/{application.pk}/extend_deadline/",
        {"working_days": "15", "reason": "涉及档案需要调取。", "approved_on": "2026-10-20"},
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.decision == ExtensionDecision.APPROVED and request.decided_by == head_a
    application.refresh_from_db()
    assert application.extension.working_days == 15
    assert application.letters.filter(kind=LetterKind.EXTENSION).exists()
    assert application.due_date == D(2026, 11, 19)


def test_the_head_declines_with_a_reason_and_the_editor_answers_in_time(
    asked, head_a, editor_a, client_of
):
    application, request = asked
    editor_a.email = "editor@example.gov.cn"
    editor_a.save()
    with pytest.raises(ValidationError):
        workflow.decline_extension(actor=head_a, application=application, note=" ")
    with pytest.raises(PermissionDenied):
        workflow.decline_extension(actor=editor_a, application=application, note="不同意")
    workflow.decline_extension(
        actor=head_a, application=application, note="档案已电子化，可在期限内答复。"
    )
    request.refresh_from_db()
    assert request.decision == ExtensionDecision.DECLINED
    assert OutgoingMail.objects.filter(to="editor@example.gov.cn").exists()
    page = client_of(editor_a).get(f"/console/applications/{application.pk}/").content.decode()
    assert "下一步：答复" in _next_step(page)
    assert "未批准延期请求" in page  # the history reads as a sentence


def test_one_request_at_a_time_and_none_without_a_head(submit, unit_b, editor_b, asked, editor_a):
    application, _ = asked
    with pytest.raises(ValidationError, match="等待审批"):
        workflow.request_extension(
            actor=editor_a, application=application, working_days=5, reason="再请求"
        )
    other = submit(unit_b, on=(2026, 10, 20))
    with pytest.raises(ValidationError, match="负责人"):
        workflow.request_extension(actor=editor_b, application=other, working_days=5, reason="多")
