import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from gongkai.core.tests.pages import broken_references
from gongkai.participation import views, workflow
from gongkai.participation.models import Comment
from gongkai.publishing.tests.factories import published

from .factories import open_consultation, publish_feedback_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(at, editor_a, reviewer_a, unit_a):
    at(2026, 3, 2)
    return open_consultation(editor_a, reviewer_a, unit_a)


def _post(client, consultation, **data):
    return client.post(f"/consultations/{consultation.pk}/comment/", data)


def test_anyone_comments_without_an_account_on_a_paragraph(client, consultation):
    page = client.get(f"/consultations/{consultation.pk}/").content.decode()
    assert f"/consultations/{consultation.pk}/comment/?paragraph=2" in page
    form = client.get(f"/consultations/{consultation.pk}/comment/?paragraph=2").content.decode()
    assert 'value="2" selected' in form
    response = _post(client, consultation, paragraph="2", text="步行十分钟太远，建议五分钟。")
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.paragraph == 2 and comment.name == ""


def test_an_empty_comment_is_refused_with_a_chinese_message(client, consultation):
    response = _post(client, consultation, text="")
    assert response.status_code == 200
    assert "有错误" in response.content.decode()
    assert not Comment.objects.exists()


def test_name_and_contact_are_encrypted_at_rest_and_masked(client, consultation, editor_a):
    _post(client, consultation, text="建议增加网点。", name="张小明", contact="13912345678")
    comment = Comment.objects.get()
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, contact FROM participation_comment")
        raw = cursor.fetchone()
    assert "张小明" not in raw[0] and "13912345678" not in raw[1]
    assert comment.name == "张小明"
    workflow.show_comment(actor=editor_a, comment=comment)
    page = client.get(f"/consultations/{consultation.pk}/").content.decode()
    assert "张**" in page and "张小明" not in page and "1391" not in page
    client.force_login(editor_a)
    console = client.get(f"/console/participation/{consultation.pk}/").content.decode()
    assert "139****5678" in console and "13912345678" not in console


def test_the_comment_form_is_throttled_per_client_without_a_captcha(client, consultation):
    for _ in range(views.THROTTLE.count):
        assert _post(client, consultation, text="意见").status_code == 302
    response = _post(client, consultation, text="意见")
    assert "提交过于频繁" in response.content.decode()
    assert Comment.objects.count() == views.THROTTLE.count
    other = _post(client, consultation, text="意见", REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200  # the test client's address is fixed: still throttled


def test_after_closing_the_feedback_report_and_final_document_are_public(
    at, client, consultation, editor_a, reviewer_a, unit_a
):
    comment = workflow.submit_comment(consultation=consultation, text="建议公示投诉电话。")
    group = workflow.show_comment(actor=editor_a, comment=comment).group
    workflow.dispose_group(
        actor=editor_a, group=group, disposition="adopted", reason="已在第三条增加。"
    )
    at(2026, 4, 10)
    final = published(editor_a, reviewer_a, unit_a, title="测试区早餐便民网点设置管理办法")
    report = publish_feedback_report(
        editor_a, reviewer_a, consultation, summary="共采纳1组意见。", final_document=final
    )
    workflow.close_consultation(actor=reviewer_a, consultation=consultation)
    page = client.get(f"/consultations/{consultation.pk}/").content.decode()
    assert "意见采纳情况" in page and "已在第三条增加。" in page
    assert final.get_absolute_url() in page and report.get_absolute_url() in page
    assert "发表意见" not in page
    assert broken_references(page) == []
    closed = client.get(f"/consultations/{consultation.pk}/comment/").content.decode()
    assert "不在征求意见期内" in closed


def test_drafts_are_not_public_and_the_list_separates_stages(
    at, client, editor_a, reviewer_a, unit_a
):
    at(2026, 3, 2)
    from .factories import consultation_input

    draft = workflow.create_consultation(
        actor=editor_a, unit=unit_a, **consultation_input(title="未发布的草案")
    )
    open_consultation(editor_a, reviewer_a, unit_a, title="正在征求的草案")
    assert client.get(f"/consultations/{draft.pk}/").status_code == 404
    listing = client.get("/consultations/").content.decode()
    assert "正在征求的草案" in listing and "未发布的草案" not in listing
    assert "意见征集" in client.get("/").content.decode()


def test_console_pages_are_scoped_to_the_units_staff(client, consultation, editor_b, office):
    client.force_login(editor_b)
    assert client.get(f"/console/participation/{consultation.pk}/").status_code == 404
    assert consultation.title not in client.get("/console/participation/").content.decode()
    client.force_login(office)
    assert client.get(f"/console/participation/{consultation.pk}/").status_code == 200


def test_a_consultation_on_a_major_decision_links_its_catalogue_entry(
    at, client, government, office, editor_a, reviewer_a, unit_a, editor_b, unit_b
):
    from gongkai.decisions.tests.factories import catalogue, decision_fields, government_staff

    at(2026, 1, 5)
    publisher = government_staff(government, "office", "office-publisher")
    made = catalogue(office, government, decisions=[decision_fields(unit_a)], publisher=publisher)
    decision = made.decisions.get()
    at(2026, 3, 2)
    from .factories import consultation_input

    with pytest.raises(ValidationError):
        workflow.create_consultation(
            actor=editor_b, unit=unit_b, decision=decision, **consultation_input()
        )
    consultation = workflow.create_consultation(
        actor=editor_a, unit=unit_a, decision=decision, **consultation_input(is_major=False)
    )
    assert consultation.is_major
    workflow.open_consultation(actor=reviewer_a, consultation=consultation)
    page = client.get(f"/consultations/{consultation.pk}/").content.decode()
    assert decision.get_absolute_url() in page
    assert list(decision.consultations.all()) == [consultation]
