"""Review before publication, versions instead of edits, and refusal when an identity fails."""

from datetime import date as D
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.applications.outcomes import ApplicantKind, Outcome
from gongkai.audit.models import AuditEvent
from gongkai.reports import services, workflow
from gongkai.reports.models import AnnualReport, ReportStatus

from .scenario import approve, close_with, publish, register, small_year


@pytest.fixture
def report(calendar_years, in_2026, unit_a, editor_a):
    small_year(unit_a, editor_a)
    return workflow.generate_report(actor=editor_a, unit=unit_a, year=2025)


def test_review_then_publish_freezes_the_tables(report, editor_a, reviewer_a, unit_a):
    workflow.update_report(
        actor=editor_a,
        report=report,
        figures={"licensing.decisions": "1204", "fees.amount": "3.5"},
        figures_source="行政许可数量来自区政务服务平台",
        narratives={"overview": "2025年，本局认真贯彻落实条例。"},
    )
    published = publish(report, editor_a, reviewer_a)
    assert published.status == ReportStatus.PUBLISHED
    assert published.reviewed_by == reviewer_a
    frozen = services.from_snapshot(published.snapshot)
    assert frozen.table2["licensing.decisions"] == 1204
    assert frozen.table2["fees.amount"] == Decimal("3.5")
    assert frozen.table3[("new", "total")] == 3
    assert frozen.table3[("carried_forward", "natural_person")] == 1
    # A reply registered later for 2025 does not change the published figures.
    late = register(unit_a, editor_a, ApplicantKind.NATURAL_PERSON, D(2025, 6, 2))
    close_with(late, editor_a, Outcome.DISCLOSED, D(2025, 6, 10))
    assert (
        services.report_tables(AnnualReport.objects.get(pk=report.pk)).table3[("new", "total")] == 3
    )
    actions = set(
        AuditEvent.objects.filter(target_id=str(report.pk)).values_list("action", flat=True)
    )
    assert {
        "report.generate",
        "report.update",
        "report.submit",
        "report.approve",
        "report.publish",
    } <= actions


def test_author_cannot_review_own_report(report, admin_a):
    report.created_by = admin_a
    report.save()
    workflow.submit_report(actor=admin_a, report=report)
    with pytest.raises(ValidationError, match="审核人不能是报告的撰写人"):
        workflow.review_report(actor=admin_a, report=report, approve=True)


def test_editor_cannot_publish(report, editor_a, reviewer_a):
    workflow.submit_report(actor=editor_a, report=report)
    approve(report, reviewer_a)
    with pytest.raises(PermissionDenied):
        workflow.publish_report(actor=editor_a, report=report)


def test_unreviewed_report_cannot_be_published(report, reviewer_a):
    with pytest.raises(ValidationError, match="不能执行此操作"):
        workflow.publish_report(actor=reviewer_a, report=report)


@pytest.mark.parametrize(
    ("figures", "field", "words"),
    [
        ({"licensing.decisions": "-3"}, "licensing_decisions", "不能为负数"),
        ({"penalty.decisions": "十二"}, "penalty_decisions", "必须是数字"),
        ({"fees.amount": "-0.01"}, "fee_amount", "不能为负数"),
        ({"enforcement.decisions": "1.5"}, "enforcement_decisions", "必须是整数"),
        ({"penalty.decisions": "1" * 30}, "penalty_decisions", "不能超过 999999999 件"),
        ({"penalty.decisions": "1e999999999"}, "penalty_decisions", "不能超过 999999999 件"),
        ({"fees.amount": "1" * 20}, "fee_amount", "不能超过 9999999999.9999 万元"),
        ({"fees.amount": "0.12345"}, "fee_amount", "最多保留 4 位小数"),
    ],
)
def test_bad_figures_are_refused_and_nothing_is_saved(report, editor_a, figures, field, words):
    with pytest.raises(ValidationError) as caught:
        workflow.update_report(
            actor=editor_a,
            report=report,
            figures={"licensing.decisions": "2", "penalty.decisions": "3", **figures},
            narratives={"overview": "新的总体情况"},
        )
    assert words in caught.value.message_dict[field][0]
    report.refresh_from_db()
    assert set(report.entered_figures().values()) == {0}
    assert report.overview == ""


def test_entered_figures_need_a_source_note_before_submission(report, editor_a):
    workflow.update_report(
        actor=editor_a, report=report, figures={"licensing.decisions": "12", "fees.amount": "0.5"}
    )
    with pytest.raises(ValidationError) as caught:
        workflow.submit_report(actor=editor_a, report=report)
    [message] = caught.value.message_dict["figures_source"]
    assert "表二「第二十条第（五）项 行政许可·本年处理决定数量」" in message
    assert "行政事业性收费·本年收费金额" in message
    assert "行政处罚" not in message and "数据来源说明" in message
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and report.submitted_at is None
    workflow.update_report(actor=editor_a, report=report, figures_source="区政务服务平台年度统计")
    assert workflow.submit_report(actor=editor_a, report=report).status == ReportStatus.SUBMITTED


def test_figures_all_zero_need_no_source_note(report, editor_a):
    assert workflow.submit_report(actor=editor_a, report=report).status == ReportStatus.SUBMITTED


def test_published_report_is_not_edited_but_gets_a_new_version(
    report, editor_a, reviewer_a, unit_a
):
    publish(report, editor_a, reviewer_a)
    with pytest.raises(ValidationError, match="已发布的年度报告不能修改"):
        workflow.update_report(actor=editor_a, report=report, narratives={"overview": "改"})
    draft = workflow.new_version(actor=editor_a, report=report, reason="更正行政许可数量")
    assert (draft.version, draft.status, draft.replaces) == (2, ReportStatus.DRAFT, report)
    workflow.update_report(
        actor=editor_a,
        report=draft,
        figures={"licensing.decisions": "7"},
        figures_source="行政许可数量来自区政务服务平台",
    )
    publish(draft, editor_a, reviewer_a)
    report.refresh_from_db()
    assert report.status == ReportStatus.SUPERSEDED
    assert report.licensing_decisions == 0
    versions = AnnualReport.objects.filter(unit=unit_a, year=2025)
    assert list(versions.order_by("version").values_list("status", flat=True)) == [
        "superseded",
        "published",
    ]


def test_publishing_is_refused_when_last_years_carry_forward_does_not_match(
    calendar_years, at, unit_a, editor_a, reviewer_a
):
    at(2025, 1, 15)
    open_at_2024_end = register(unit_a, editor_a, ApplicantKind.NATURAL_PERSON, D(2024, 12, 23))
    report_2024 = workflow.generate_report(actor=editor_a, unit=unit_a, year=2024)
    publish(report_2024, editor_a, reviewer_a)
    # Afterwards someone records a reply dated 2024: 2024's published carry-forward is now wrong.
    close_with(open_at_2024_end, editor_a, Outcome.DISCLOSED, D(2024, 12, 30))
    at(2026, 1, 20)
    report = workflow.generate_report(actor=editor_a, unit=unit_a, year=2025)
    workflow.submit_report(actor=editor_a, report=report)
    approve(report, reviewer_a)
    with pytest.raises(workflow.PublicationRefused) as caught:
        workflow.publish_report(actor=reviewer_a, report=report)
    named = {(v.cell_name, v.record_ids) for v in caught.value.violations}
    assert (
        "表三「二、上年结转政府信息公开申请数量」行「自然人」列",
        (open_at_2024_end.pk,),
    ) in named
    report.refresh_from_db()
    assert report.status == ReportStatus.REVIEWED and report.snapshot is None


def test_narrative_nearly_identical_to_last_year_warns(
    calendar_years, at, unit_a, editor_a, reviewer_a
):
    text = (
        "本局坚持以公开为常态、不公开为例外，全年主动公开政府信息若干条，依申请公开工作规范有序。"
        * 3
    )
    at(2025, 1, 15)
    last_year = workflow.generate_report(actor=editor_a, unit=unit_a, year=2024)
    workflow.update_report(actor=editor_a, report=last_year, narratives={"overview": text})
    publish(last_year, editor_a, reviewer_a)
    at(2026, 1, 20)
    report = workflow.generate_report(actor=editor_a, unit=unit_a, year=2025)
    report = workflow.update_report(
        actor=editor_a, report=report, narratives={"overview": text.replace("若干", "120")}
    )
    [warning] = services.narrative_warnings(report)
    assert "一、总体情况" in warning and "相似度" in warning
    report = workflow.update_report(
        actor=editor_a, report=report, narratives={"overview": "全新的内容，重点说明本年的变化。"}
    )
    assert services.narrative_warnings(report) == []


def test_report_only_for_a_finished_year(calendar_years, in_2026, unit_a, editor_a):
    with pytest.raises(ValidationError, match="已经结束的年度"):
        workflow.generate_report(actor=editor_a, unit=unit_a, year=2026)
