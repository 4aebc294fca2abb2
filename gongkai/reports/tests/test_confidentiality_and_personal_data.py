"""Before a report goes public: the reviewer records the confidentiality review (保密审查),
and no narrative may show a resident ID, mobile or bank card number unmasked."""

import pytest
from django.core.exceptions import ValidationError

from gongkai.applications.samples import resident_id
from gongkai.audit.models import AuditEvent
from gongkai.reports import workflow
from gongkai.reports.models import AnnualReport, ReportStatus

from .scenario import approve, small_year

CLEARED = "经审查，不涉及国家秘密、工作秘密和个人隐私，同意公开。"
ID_NUMBER = resident_id(7)
TEST_CARD = "4111 1111 1111 1111"  # passes the Luhn check, as a real card number does


@pytest.fixture
def report(calendar_years, in_2026, unit_a, editor_a):
    small_year(unit_a, editor_a)
    return workflow.generate_report(actor=editor_a, unit=unit_a, year=2025)


@pytest.fixture
def submitted(report, editor_a):
    return workflow.submit_report(actor=editor_a, report=report)


def status_of(report):
    return AnnualReport.objects.get(pk=report.pk).status


def test_approval_records_the_confidentiality_review(submitted, reviewer_a):
    for missing in ("", "   "):
        with pytest.raises(ValidationError, match="请填写保密审查意见"):
            workflow.review_report(
                actor=reviewer_a, report=submitted, approve=True, confidentiality_result=missing
            )
    assert status_of(submitted) == ReportStatus.SUBMITTED
    assert not AuditEvent.objects.filter(action="report.approve").exists()

    workflow.review_report(
        actor=reviewer_a, report=submitted, approve=True, confidentiality_result=f" {CLEARED} "
    )
    reviewed = AnnualReport.objects.get(pk=submitted.pk)
    assert (reviewed.status, reviewed.confidentiality_result) == (ReportStatus.REVIEWED, CLEARED)
    event = AuditEvent.objects.get(action="report.approve", target_id=str(submitted.pk))
    assert event.actor == reviewer_a and event.data == {"confidentiality_result": CLEARED}


def test_overlong_confidentiality_result_is_refused(submitted, reviewer_a):
    with pytest.raises(ValidationError, match="不能超过300字"):
        workflow.review_report(
            actor=reviewer_a, report=submitted, approve=True, confidentiality_result="审" * 301
        )
    assert status_of(submitted) == ReportStatus.SUBMITTED


def test_a_returned_report_is_reviewed_again_from_scratch(submitted, reviewer_a):
    approve(submitted, reviewer_a)
    workflow.review_report(actor=reviewer_a, report=submitted, approve=False, comment="数据有误")
    returned = AnnualReport.objects.get(pk=submitted.pk)
    assert (returned.status, returned.confidentiality_result) == (ReportStatus.DRAFT, "")


def test_a_report_reviewed_without_the_result_is_not_published(submitted, reviewer_a):
    # As a report approved before the result was recorded stands in the database.
    AnnualReport.objects.filter(pk=submitted.pk).update(status=ReportStatus.REVIEWED)
    with pytest.raises(ValidationError, match="没有保密审查意见"):
        workflow.publish_report(actor=reviewer_a, report=submitted)
    assert status_of(submitted) == ReportStatus.REVIEWED


@pytest.mark.parametrize(
    ("section", "text", "heading", "label", "masked", "shown"),
    [
        (
            "overview",
            f"申请人（身份证号{ID_NUMBER}）的申请已办结。",
            "一、总体情况",
            "居民身份证号码",
            ID_NUMBER[:6] + "********" + ID_NUMBER[-4:],
            ID_NUMBER,
        ),
        (
            "problems",
            "群众可拨打13812345678反映问题。",
            "五、存在的主要问题及改进情况",
            "手机号码",
            "138****5678",
            "13812345678",
        ),
        (
            "other",
            f"信息处理费退至申请人银行卡{TEST_CARD}。",
            "六、其他需要报告的事项",
            "银行卡号",
            "411111******1111",
            "4111111111111111",
        ),
    ],
    ids=["resident_id", "mobile", "bank_card"],
)
def test_submission_is_refused_while_a_narrative_shows_personal_data(
    report, editor_a, section, text, heading, label, masked, shown
):
    workflow.update_report(actor=editor_a, report=report, narratives={section: text})
    with pytest.raises(ValidationError) as refused:
        workflow.submit_report(actor=editor_a, report=report)
    message = refused.value.messages[0]
    assert f"“{heading}”：疑似{label} {masked}" in message and "不能提交审核" in message
    assert shown not in message.replace(" ", "")
    assert status_of(report) == ReportStatus.DRAFT


def test_masked_numbers_may_be_submitted(report, editor_a):
    workflow.update_report(
        actor=editor_a,
        report=report,
        narratives={"overview": "群众来电（138****5678）反映的问题已办结。"},
    )
    assert workflow.submit_report(actor=editor_a, report=report).status == ReportStatus.SUBMITTED


def test_publication_is_refused_while_a_narrative_shows_personal_data(submitted, reviewer_a):
    approve(submitted, reviewer_a)
    # As a narrative saved before this check existed stands in the database.
    AnnualReport.objects.filter(pk=submitted.pk).update(problems="联系电话13812345678。")
    with pytest.raises(ValidationError, match="“五、存在的主要问题及改进情况”：疑似手机号码"):
        workflow.publish_report(actor=reviewer_a, report=submitted)
    refused = AnnualReport.objects.get(pk=submitted.pk)
    assert (refused.status, refused.snapshot) == (ReportStatus.REVIEWED, None)


def test_console_review_asks_for_the_confidentiality_result(client_of, submitted, reviewer_a):
    client = client_of(reviewer_a)
    url = f"/console/reports/{submitted.pk}/review/"
    page = client.post(url, {"decision": "approve", "confidentiality_result": ""}, follow=True)
    assert "请填写保密审查意见" in page.content.decode()
    assert status_of(submitted) == ReportStatus.SUBMITTED

    page = client.post(url, {"decision": "approve", "confidentiality_result": CLEARED}, follow=True)
    assert status_of(submitted) == ReportStatus.REVIEWED
    assert f"<dt>保密审查意见</dt><dd>{CLEARED}</dd>" in page.content.decode()


def test_console_submission_names_the_section_with_personal_data(client_of, report, editor_a):
    workflow.update_report(
        actor=editor_a, report=report, narratives={"problems": "联系电话13812345678。"}
    )
    page = client_of(editor_a).post(f"/console/reports/{report.pk}/submit/", follow=True)
    body = page.content.decode()
    assert "“五、存在的主要问题及改进情况”：疑似手机号码 138****5678" in body
    assert "不能提交审核" in body
    assert status_of(report) == ReportStatus.DRAFT
