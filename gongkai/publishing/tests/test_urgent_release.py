"""Urgent release (应急信息发布): a designated approver publishes a submitted notice at once;
the approval is audited, a reviewer owes a review within the set hours, and the notice is in a
banner on every public page and first in listings until the mark is lifted."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from gongkai.audit.models import AuditEvent
from gongkai.core.clock import local_now
from gongkai.pages import renderer
from gongkai.pages.models import RenderOperation
from gongkai.publishing import workflow
from gongkai.publishing.models import UrgentReview
from gongkai.publishing.tests.factories import draft, published

pytestmark = pytest.mark.django_db

NOTICE = "关于暴雨红色预警期间停课停工的紧急通知"


@pytest.fixture
def submitted(editor_a, unit_a):
    document = draft(editor_a, unit_a, title=NOTICE)
    workflow.submit(actor=editor_a, document=document)
    return document


def test_the_head_of_openness_work_publishes_at_once_and_a_review_is_owed(
    submitted, head_a, settings
):
    settings.URGENT_REVIEW_HOURS = 12
    review = workflow.publish_urgent(actor=head_a, document=submitted, reason="暴雨红色预警")
    submitted.refresh_from_db()
    assert submitted.is_published and submitted.is_urgent
    assert review.due_at == review.approved_at + timedelta(hours=12)
    actions = AuditEvent.objects.for_target(submitted).values_list("action", "actor")
    assert ("publishing.urgent_approve", head_a.pk) in list(actions)
    # The banner must reach every page: the whole site is queued for rendering.
    assert RenderOperation.objects.filter(subject="all").exists()


def test_only_a_designated_approver_may_release_urgently(submitted, reviewer_a, editor_a):
    for person in (reviewer_a, editor_a):
        with pytest.raises(PermissionDenied):
            workflow.publish_urgent(actor=person, document=submitted, reason="暴雨")
    assert not UrgentReview.objects.exists()


def test_an_urgent_release_needs_a_reason_and_a_submitted_revision(editor_a, head_a, unit_a):
    document = draft(editor_a, unit_a)
    with pytest.raises(workflow.WorkflowError, match="理由"):
        workflow.publish_urgent(actor=head_a, document=document, reason=" ")
    with pytest.raises(workflow.WorkflowError, match="提交"):
        workflow.publish_urgent(actor=head_a, document=document, reason="暴雨")


def test_the_banner_shows_on_every_public_page_until_lifted(
    client, submitted, head_a, editor_a, reviewer_a, unit_a, unit_b
):
    older = published(editor_a, reviewer_a, unit_a, title="关于春季森林防火的通知")
    workflow.publish_urgent(actor=head_a, document=submitted, reason="暴雨红色预警")
    for url in ("/", f"/units/{unit_b.code}/", older.get_absolute_url(), "/search/"):
        assert NOTICE in client.get(url).content.decode(), url
    home = client.get("/").content.decode()
    assert home.index(NOTICE) < home.index("关于春季森林防火的通知")
    column = client.get(f"/units/{unit_a.code}/statutory/").content.decode()
    listing = column[column.index("<tbody>") :]
    assert listing.index(NOTICE) < listing.index("关于春季森林防火的通知")

    workflow.lift_urgent(actor=head_a, document=submitted)
    assert NOTICE not in client.get(f"/units/{unit_b.code}/").content.decode()
    assert "应急信息" not in client.get(older.get_absolute_url()).content.decode()


def test_static_copies_carry_the_banner_at_once(submitted, head_a, unit_b):
    renderer.rebuild()
    workflow.publish_urgent(actor=head_a, document=submitted, reason="暴雨红色预警")
    renderer.run_once()
    assert NOTICE in renderer.file_for(f"/units/{unit_b.code}/guide/").read_text()
    workflow.lift_urgent(actor=head_a, document=submitted)
    renderer.run_once()
    assert NOTICE not in renderer.file_for(f"/units/{unit_b.code}/guide/").read_text()


def test_a_reviewer_other_than_the_approver_closes_the_review(
    submitted, head_a, reviewer_a, time_machine
):
    review = workflow.publish_urgent(actor=head_a, document=submitted, reason="暴雨红色预警")
    with pytest.raises(workflow.WorkflowError, match="复核意见"):
        workflow.close_urgent_review(actor=reviewer_a, review=review, conclusion="")
    time_machine.move_to(local_now() + timedelta(hours=30), tick=False)
    workflow.close_urgent_review(actor=reviewer_a, review=review, conclusion="内容无误，可继续公开")
    review.refresh_from_db()
    assert review.closed_by == reviewer_a
    event = AuditEvent.objects.for_target(submitted).get(action="publishing.urgent_review")
    assert event.data["late"] is True


def test_the_console_flow_and_the_overdue_review_on_the_dashboard(
    client_of, submitted, head_a, reviewer_a, time_machine
):
    client = client_of(head_a)
    detail = reverse("console-publishing:detail", args=[submitted.pk])
    assert "应急发布" in client.get(detail).content.decode()
    client.post(reverse("console-publishing:urgent", args=[submitted.pk]), {"reason": "暴雨"})
    submitted.refresh_from_db()
    assert submitted.is_urgent
    time_machine.move_to(local_now() + timedelta(hours=25), tick=False)
    client = client_of(reviewer_a)
    dashboard = client.get(reverse("console:dashboard")).content.decode()
    assert "应急发布待复核" in dashboard and "已逾期" in dashboard
    review = UrgentReview.objects.get()
    client.post(
        reverse("console-publishing:urgent-review", args=[submitted.pk, review.pk]),
        {"conclusion": "内容无误"},
    )
    review.refresh_from_db()
    assert review.closed_at is not None


def _same_person(*users):
    from gongkai.accounts.services import person_key
    from gongkai.applications.samples import resident_id

    for user in users:
        user.person_key = person_key(resident_id(9))
        user.save(update_fields=["person_key"])


def test_an_approver_cannot_release_what_they_wrote_through_another_account(
    client_of, submitted, head_a, editor_a
):
    _same_person(head_a, editor_a)
    response = client_of(head_a).post(
        reverse("console-publishing:urgent", args=[submitted.pk]), {"reason": "暴雨"}
    )
    submitted.refresh_from_db()
    assert not submitted.is_published and not UrgentReview.objects.exists()
    assert response.status_code in (200, 302, 400, 403)


def test_the_after_review_is_not_the_authors_by_any_account(
    client_of, submitted, head_a, editor_a, reviewer_a
):
    review = workflow.publish_urgent(actor=head_a, document=submitted, reason="暴雨红色预警")
    _same_person(reviewer_a, editor_a)
    client_of(reviewer_a).post(
        reverse("console-publishing:urgent-review", args=[submitted.pk, review.pk]),
        {"conclusion": "内容无误"},
    )
    review.refresh_from_db()
    assert review.closed_at is None
