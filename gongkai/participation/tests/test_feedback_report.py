"""The feedback report (意见采纳情况) is a real published document: generated from the
dispositions, of its own kind, linked to the final document, reviewed and published like any
document (the personal-data gate included), and the consultation closes only on the version
that matches the dispositions as they stand."""

import pytest
from django.core.exceptions import ValidationError

from gongkai.audit.models import AuditEvent
from gongkai.participation import workflow
from gongkai.participation.models import ConsultationStatus
from gongkai.publishing import vocabularies as v
from gongkai.publishing import workflow as publishing
from gongkai.publishing.models import Document, DocumentState
from gongkai.publishing.tests.factories import published

from .factories import open_consultation, publish_feedback_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(at, editor_a, reviewer_a, unit_a):
    """A consultation whose period ended, with two groups answered."""
    at(2026, 3, 2)
    consultation = open_consultation(editor_a, reviewer_a, unit_a)
    for text in ("建议公示投诉电话。", "早餐网点应当延长营业到上午十点。"):
        comment = workflow.submit_comment(consultation=consultation, text=text)
        workflow.show_comment(actor=editor_a, comment=comment)
    first, second = consultation.groups.order_by("number")
    workflow.dispose_group(
        actor=editor_a, group=first, disposition="adopted", reason="已在第三条增加。"
    )
    workflow.dispose_group(
        actor=editor_a, group=second, disposition="not_adopted", reason="营业时间由经营者自定。"
    )
    at(2026, 4, 2)
    consultation.refresh_from_db()
    return consultation


def test_the_report_is_a_document_of_its_own_kind_written_from_the_dispositions(
    client, answered, editor_a, reviewer_a, unit_a
):
    final = published(editor_a, reviewer_a, unit_a, title="测试区早餐便民网点设置管理办法")
    report = workflow.draft_feedback_report(
        actor=editor_a, consultation=answered, summary="感谢各方参与。", final_document=final
    )
    assert (report.unit, report.doc_type, report.state) == (
        unit_a,
        v.FEEDBACK,
        DocumentState.UNPUBLISHED,
    )
    assert report.title == "《测试区早餐便民网点设置管理办法》公开征求意见采纳情况"
    body = report.revisions.get().body_html
    assert "采纳1组，部分采纳0组，未采纳1组" in body
    assert "已在第三条增加。" in body and "营业时间由经营者自定。" in body
    assert final.get_absolute_url() in body and "感谢各方参与。" in body
    # Not public until it passes review: the consultation's page does not link it.
    page = client.get(f"/consultations/{answered.pk}/").content.decode()
    assert f"/documents/{report.pk}/" not in page
    assert client.get(f"/documents/{report.pk}/").status_code == 404
    event = AuditEvent.objects.get(action="participation.feedback_report")
    assert event.data["document"] == report.pk and event.data["not_adopted"] == 1
    assert AuditEvent.objects.for_target(report).filter(action="publishing.create").exists()


def test_it_waits_for_every_answer_and_names_only_the_units_own_documents(
    at, editor_a, reviewer_a, unit_a, editor_b, reviewer_b, unit_b
):
    at(2026, 3, 2)
    consultation = open_consultation(editor_a, reviewer_a, unit_a)
    comment = workflow.submit_comment(consultation=consultation, text="建议公示投诉电话。")
    comment = workflow.show_comment(actor=editor_a, comment=comment)
    with pytest.raises(ValidationError, match="征求意见期尚未结束"):
        workflow.draft_feedback_report(actor=editor_a, consultation=consultation)
    at(2026, 4, 2)
    with pytest.raises(ValidationError, match="1组意见没有处理结果"):
        workflow.draft_feedback_report(actor=editor_a, consultation=consultation)
    workflow.dispose_group(
        actor=editor_a, group=comment.group, disposition="partly", reason="部分采纳。"
    )
    other = published(editor_b, reviewer_b, unit_b, title="乙局的文件")
    with pytest.raises(ValidationError) as caught:
        workflow.draft_feedback_report(
            actor=editor_a, consultation=consultation, final_document=other
        )
    assert "本单位" in caught.value.message_dict["final_document"][0]
    assert not Document.objects.filter(doc_type=v.FEEDBACK).exists()


def test_personal_data_in_a_comment_stops_the_report_at_the_gate(at, editor_a, reviewer_a, unit_a):
    at(2026, 3, 2)
    consultation = open_consultation(editor_a, reviewer_a, unit_a)
    comment = workflow.submit_comment(
        consultation=consultation, text="网点太少，有问题请打我电话13912345678联系。"
    )
    comment = workflow.show_comment(actor=editor_a, comment=comment)
    workflow.dispose_group(
        actor=editor_a, group=comment.group, disposition="adopted", reason="增加网点。"
    )
    at(2026, 4, 2)
    report = workflow.draft_feedback_report(actor=editor_a, consultation=consultation)
    with pytest.raises(publishing.WorkflowError, match="检查发现问题尚未处理"):
        publishing.submit(actor=editor_a, document=report)
    with pytest.raises(ValidationError, match="尚未通过审核发布"):
        workflow.close_consultation(actor=reviewer_a, consultation=consultation)


def test_a_disposition_changed_after_publication_needs_a_new_version_before_closing(
    at, answered, editor_a, reviewer_a
):
    report = publish_feedback_report(editor_a, reviewer_a, answered)
    group = answered.groups.get(number=2)
    at(2026, 4, 3)
    workflow.dispose_group(
        actor=editor_a, group=group, disposition="partly", reason="倡导延长到九点半。"
    )
    with pytest.raises(ValidationError, match="又修改了处理结果"):
        workflow.close_consultation(actor=reviewer_a, consultation=answered)
    workflow.draft_feedback_report(actor=editor_a, consultation=answered)
    with pytest.raises(ValidationError, match="新版本尚未通过审核发布"):
        workflow.close_consultation(actor=reviewer_a, consultation=answered)
    publishing.submit(actor=editor_a, document=report)
    with pytest.raises(ValidationError, match="已提交审核"):
        workflow.draft_feedback_report(actor=editor_a, consultation=answered)
    publishing.review(
        actor=reviewer_a,
        document=report,
        confidentiality_result="同意公开",
        disclosure_confirmed=True,
    )
    publishing.publish(actor=reviewer_a, document=report)
    closed = workflow.close_consultation(actor=reviewer_a, consultation=answered)
    assert closed.status == ConsultationStatus.CLOSED
    report.refresh_from_db()
    assert report.version == 2 and "倡导延长到九点半。" in report.body_html
    assert AuditEvent.objects.get(action="participation.close").data["feedback_report"] == (
        report.pk
    )


def test_the_console_generates_the_report_and_a_reviewer_closes(
    answered, editor_a, reviewer_a, client_of
):
    editor = client_of(editor_a)
    page = editor.get(f"/console/participation/{answered.pk}/").content.decode()
    assert "请先生成意见采纳情况" in page and "生成意见采纳情况" in page
    response = editor.post(
        f"/console/participation/{answered.pk}/feedback-report/",
        {"summary": "感谢参与。", "final_document": ""},
        follow=True,
    )
    assert "已生成意见采纳情况" in response.content.decode()
    answered.refresh_from_db()
    report = answered.feedback_report
    assert f"/console/publishing/{report.pk}/" in response.content.decode()
    reviewer = client_of(reviewer_a)
    refused = reviewer.post(f"/console/participation/{answered.pk}/close/", follow=True)
    assert "尚未通过审核发布" in refused.content.decode()
    publishing.submit(actor=editor_a, document=report)
    publishing.review(
        actor=reviewer_a,
        document=report,
        confidentiality_result="同意公开",
        disclosure_confirmed=True,
    )
    publishing.publish(actor=reviewer_a, document=report)
    done = reviewer.post(f"/console/participation/{answered.pk}/close/", follow=True)
    assert "已办结" in done.content.decode()
    data = reviewer.get(f"/api/v1/consultations/{answered.pk}").json()
    assert data["feedback_report_url"] == f"/documents/{report.pk}/"
