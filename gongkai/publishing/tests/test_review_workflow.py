import io
from datetime import date, datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from gongkai.audit.models import AuditEvent
from gongkai.core.clock import CHINA
from gongkai.publishing import workflow
from gongkai.publishing.models import Document, DocumentState, IndexCounter, RevisionStatus
from gongkai.publishing.workflow import WorkflowError

from .factories import content, draft, published

pytestmark = pytest.mark.django_db
NOW = datetime(2024, 3, 20, 10, 0, tzinfo=CHINA)


@time_machine.travel(NOW, tick=False)
def test_draft_to_published_assigns_index_number_and_audits_every_step(
    editor_a, reviewer_a, unit_a
):
    document = draft(editor_a, unit_a)
    workflow.submit(actor=editor_a, document=document)
    workflow.review(
        actor=reviewer_a,
        document=document,
        confidentiality_result="不涉密，同意公开",
        disclosure_confirmed=True,
    )
    workflow.publish(actor=reviewer_a, document=document)
    document.refresh_from_db()
    assert document.state == DocumentState.PUBLISHED
    assert document.index_number == f"{unit_a.index_code}/2024-00001"
    assert document.published_at == NOW
    actions = list(
        AuditEvent.objects.for_target(document).order_by("id").values_list("action", "actor_label")
    )
    assert [a for a, _ in actions] == [
        "publishing.create",
        "publishing.submit",
        "publishing.review",
        "publishing.publish",
    ]
    assert Document.objects.published().get() == document


def test_reviewer_cannot_review_own_draft(editor_a, unit_a):
    from gongkai.accounts.models import Membership

    Membership.objects.create(user=editor_a, unit=unit_a, role="reviewer")
    document = draft(editor_a, unit_a)
    workflow.submit(actor=editor_a, document=document)
    with pytest.raises(PermissionDenied):
        workflow.review(
            actor=editor_a,
            document=document,
            confidentiality_result="同意",
            disclosure_confirmed=True,
        )


def test_editor_of_other_unit_cannot_create_or_submit(editor_a, editor_b, unit_a):
    with pytest.raises(PermissionDenied):
        draft(editor_b, unit_a)
    document = draft(editor_a, unit_a)
    with pytest.raises(PermissionDenied):
        workflow.submit(actor=editor_b, document=document)


def test_cannot_publish_before_review(editor_a, reviewer_a, unit_a):
    document = draft(editor_a, unit_a)
    workflow.submit(actor=editor_a, document=document)
    with pytest.raises(WorkflowError, match="不能执行"):
        workflow.publish(actor=reviewer_a, document=document)


@time_machine.travel(NOW, tick=False)
def test_index_numbers_are_sequential_per_unit_and_year_and_never_reused(
    editor_a, reviewer_a, unit_a
):
    first = published(editor_a, reviewer_a, unit_a)
    workflow.withdraw(actor=reviewer_a, document=first, reason="内容有误")
    second = published(editor_a, reviewer_a, unit_a)
    assert second.index_number.endswith("/2024-00002")
    first.refresh_from_db()
    assert first.index_number.endswith("/2024-00001")
    assert IndexCounter.objects.get(unit=unit_a, year=2024).last == 2


@time_machine.travel(NOW, tick=False)
def test_unit_pattern_gives_its_own_index_numbers(admin_a, editor_a, reviewer_a, unit_a):
    workflow.save_guide(
        actor=admin_a,
        unit=unit_a,
        data={
            "arrangement": "按法定公开事项编排。",
            "obtaining": "网站查阅。",
            "applying": "书面申请。",
            "index_pattern": "{unit_code}-{year}{month}-{sequence:03d}",
        },
    )
    first = published(editor_a, reviewer_a, unit_a)
    second = published(editor_a, reviewer_a, unit_a)
    assert [first.index_number, second.index_number] == [
        f"{unit_a.index_code}-202403-001",
        f"{unit_a.index_code}-202403-002",
    ]


@time_machine.travel(NOW, tick=False)
def test_revision_keeps_index_number_and_history(editor_a, reviewer_a, unit_a):
    document = published(editor_a, reviewer_a, unit_a)
    number = document.index_number
    workflow.start_revision(actor=editor_a, document=document, change_note="更正联系电话")
    workflow.update_draft(
        actor=editor_a,
        document=document,
        content=content(title="关于做好2024年春季森林防火工作的通知（修订）"),
    )
    workflow.submit(actor=editor_a, document=document)
    workflow.review(
        actor=reviewer_a,
        document=document,
        confidentiality_result="同意",
        disclosure_confirmed=True,
    )
    workflow.publish(actor=reviewer_a, document=document)
    document.refresh_from_db()
    assert document.index_number == number
    assert document.version == 2 and document.title.endswith("（修订）")
    statuses = list(document.revisions.order_by("number").values_list("status", flat=True))
    assert statuses == [RevisionStatus.SUPERSEDED, RevisionStatus.PUBLISHED]
    assert AuditEvent.objects.for_target(document).filter(action="publishing.revise").exists()


def test_scheduled_publication_happens_when_due(editor_a, reviewer_a, unit_a):
    with time_machine.travel(NOW, tick=False):
        document = draft(editor_a, unit_a)
        workflow.submit(actor=editor_a, document=document)
        workflow.review(
            actor=reviewer_a,
            document=document,
            confidentiality_result="同意",
            disclosure_confirmed=True,
        )
        later = datetime(2024, 3, 21, 9, 0, tzinfo=CHINA)
        workflow.publish(actor=reviewer_a, document=document, at=later)
        assert workflow.publish_due().published == 0
    with time_machine.travel(datetime(2024, 3, 21, 9, 5, tzinfo=CHINA), tick=False):
        assert workflow.publish_due().published == 1
    document.refresh_from_db()
    assert document.state == DocumentState.PUBLISHED


def _reviewed(editor, reviewer, unit, **overrides):
    """A reviewed draft; findings (e.g. a 成文日期 after today) are let through first."""
    document = draft(editor, unit, **overrides)
    for finding in workflow.open_revision(document).findings.all():
        workflow.override_finding(
            actor=reviewer, document=document, fingerprint=finding.fingerprint, reason="预先准备"
        )
    workflow.submit(actor=editor, document=document)
    workflow.review(
        actor=reviewer, document=document, confidentiality_result="同意", disclosure_confirmed=True
    )
    return document


@time_machine.travel(NOW, tick=False)
def test_scheduling_before_the_date_written_is_refused_and_nothing_saved(
    editor_a, reviewer_a, unit_a
):
    document = _reviewed(editor_a, reviewer_a, unit_a, date_written=date(2024, 3, 25))
    too_early = datetime(2024, 3, 24, 23, 30, tzinfo=CHINA)
    with pytest.raises(WorkflowError, match="定时发布日期不能早于成文日期.*2024-03-25"):
        workflow.publish(actor=reviewer_a, document=document, at=too_early)
    revision = workflow.open_revision(document)
    assert revision.status == RevisionStatus.REVIEWED and revision.scheduled_for is None
    assert not AuditEvent.objects.for_target(document).filter(action="publishing.schedule")
    on_the_day = datetime(2024, 3, 25, 8, 0, tzinfo=CHINA)
    workflow.publish(actor=reviewer_a, document=document, at=on_the_day)
    assert workflow.open_revision(document).status == RevisionStatus.SCHEDULED


def test_one_scheduled_item_that_cannot_go_out_does_not_stop_the_others(
    editor_a, reviewer_a, unit_a
):
    from django.core.management import call_command

    from gongkai.publishing.models import Revision

    later = datetime(2024, 3, 21, 9, 0, tzinfo=CHINA)
    with time_machine.travel(NOW, tick=False):
        stuck = _reviewed(editor_a, reviewer_a, unit_a, title="卡住的通知")
        fine = _reviewed(editor_a, reviewer_a, unit_a, title="正常的通知")
        for document in (stuck, fine):
            workflow.publish(actor=reviewer_a, document=document, at=later)
    # As left by a version that did not check the date when scheduling.
    Revision.objects.filter(document=stuck).update(date_written=date(2024, 3, 28))
    out, err = io.StringIO(), io.StringIO()
    with time_machine.travel(later, tick=False):
        call_command("publishing_daily", stdout=out, stderr=err)
    fine.refresh_from_db()
    stuck.refresh_from_db()
    assert fine.state == DocumentState.PUBLISHED
    assert stuck.state == DocumentState.UNPUBLISHED
    assert workflow.open_revision(stuck).status == RevisionStatus.SCHEDULED
    assert "定时发布：1 条" in out.getvalue() and "新提醒" in out.getvalue()
    assert "定时发布失败：《卡住的通知》" in err.getvalue()
    assert "发布日期不能早于成文日期" in err.getvalue()


def test_automatic_publication_is_attributed_to_the_reviewer_who_scheduled_it(
    editor_a, reviewer_a, unit_a
):
    from gongkai.accounts.tests.factories import StaffFactory

    scheduler = StaffFactory(
        username="reviewer-a2", membership__unit=unit_a, membership__role="reviewer"
    )
    later = datetime(2024, 3, 21, 9, 0, tzinfo=CHINA)
    with time_machine.travel(NOW, tick=False):
        document = _reviewed(editor_a, reviewer_a, unit_a)
        workflow.publish(actor=scheduler, document=document, at=later)
    with time_machine.travel(later, tick=False):
        workflow.publish_due()
    event = AuditEvent.objects.for_target(document).get(action="publishing.publish")
    assert event.actor == scheduler
    assert event.data["automatic"] is True and event.data["scheduled_for"] == later.isoformat()
    assert event.reason == "按预定时间自动发布"
    assert document.revisions.get().published_by == scheduler


@time_machine.travel(NOW, tick=False)
def test_publication_before_date_written_is_refused_and_nothing_changes(
    editor_a, reviewer_a, unit_a
):
    document = draft(
        editor_a, unit_a, date_written=date(2024, 3, 25), doc_number="测政办发〔2024〕8号"
    )
    revision = workflow.open_revision(document)
    # The metadata check flags a future date; a reviewer lets it through to reach publication.
    for finding in revision.findings.all():
        workflow.override_finding(
            actor=reviewer_a, document=document, fingerprint=finding.fingerprint, reason="预先准备"
        )
    workflow.submit(actor=editor_a, document=document)
    workflow.review(
        actor=reviewer_a,
        document=document,
        confidentiality_result="同意",
        disclosure_confirmed=True,
    )
    with pytest.raises(WorkflowError, match="发布日期不能早于成文日期"):
        workflow.publish(actor=reviewer_a, document=document)
    document.refresh_from_db()
    assert document.state == DocumentState.UNPUBLISHED and document.index_number is None
    assert not IndexCounter.objects.filter(unit=unit_a, last__gt=0).exists()


@time_machine.travel(NOW, tick=False)
def test_withdraw_needs_reason_and_keeps_record(editor_a, reviewer_a, unit_a):
    from gongkai.search.models import IndexOperation

    document = published(editor_a, reviewer_a, unit_a)
    with pytest.raises(WorkflowError):
        workflow.withdraw(actor=reviewer_a, document=document, reason=" ")
    workflow.withdraw(actor=reviewer_a, document=document, reason="信息有误")
    document.refresh_from_db()
    assert document.state == DocumentState.WITHDRAWN and document.withdrawal_reason == "信息有误"
    assert Document.objects.public().filter(pk=document.pk).exists()
    assert not Document.objects.published().filter(pk=document.pk).exists()
    ops = list(
        IndexOperation.objects.filter(document_id=document.pk)
        .order_by("id")
        .values_list("op", flat=True)
    )
    assert ops == ["upsert", "delete"]


def test_script_in_body_is_refused_with_message(editor_a, unit_a):
    with pytest.raises(WorkflowError, match="onclick"):
        draft(editor_a, unit_a, body_html='<p onclick="x()">正文</p>')
    assert not Document.objects.exists()


def test_unnormalisable_doc_number_is_refused(editor_a, unit_a):
    with pytest.raises(WorkflowError, match="无法识别文号"):
        draft(editor_a, unit_a, doc_number="二〇二四年第七号")
    assert not Document.objects.exists()


def test_bracket_doc_number_is_normalised_on_save(editor_a, unit_a):
    document = draft(editor_a, unit_a, doc_number="测政办发[2024]7号")
    assert workflow.open_revision(document).doc_number == "测政办发〔2024〕7号"
