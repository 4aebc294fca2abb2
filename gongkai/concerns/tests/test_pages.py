"""What each reader sees: a unit its own incidents, the office all of its government's, the
public only published responses and press conferences — on the pages and through the API."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.concerns import workflow
from gongkai.concerns.models import Level, PressConference
from gongkai.pages import registry
from gongkai.publishing.tests.factories import published

from .conftest import incident_input, moment

pytestmark = pytest.mark.django_db


@pytest.fixture
def incidents(known_calendar, at, government, street, town, office):
    at(2026, 12, 2, 11)
    return {
        "street": workflow.register_incident(actor=office, **incident_input(street)),
        "town": workflow.register_incident(
            actor=office, **incident_input(town, title="青石镇河道漂浮物问题")
        ),
        "district": workflow.register_incident(
            actor=office, **incident_input(street, level=Level.SIGNIFICANT, title="区级舆情")
        ),
    }


def test_a_unit_sees_its_own_incidents_and_no_others(incidents, street_editor, client_of):
    client = client_of(street_editor)
    page = client.get(reverse("console-concerns:list") + "?show=all").content.decode()
    assert incidents["street"].number in page
    assert incidents["town"].number not in page
    assert incidents["district"].number not in page
    other = reverse("console-concerns:detail", args=[incidents["town"].pk])
    assert client.get(other).status_code == 404
    assert (
        client.post(reverse("console-concerns:close", args=[incidents["town"].pk])).status_code
        == 404
    )


def test_the_office_sees_every_incident_of_its_government(incidents, office, client_of):
    page = client_of(office).get(reverse("console-concerns:list")).content.decode()
    assert all(i.number in page for i in incidents.values())


def test_the_unit_an_incident_is_escalated_to_sees_it(
    incidents, government, client_of, time_machine
):
    from gongkai.accounts.tests.factories import StaffFactory

    district_editor = StaffFactory(
        username="district-editor", membership__unit=government, membership__role="editor"
    )
    client = client_of(district_editor)
    url = reverse("console-concerns:detail", args=[incidents["town"].pk])
    assert client.get(url).status_code == 404
    workflow.escalate_late(moment=moment(2026, 12, 5, 0, 0))
    page = client.get(url).content.decode()
    assert "首次回应超时" in page and "青石镇" in page


def test_registering_through_the_console(known_calendar, at, street, street_editor, client_of):
    at(2026, 12, 3)
    client = client_of(street_editor)
    form = client.get(reverse("console-concerns:register")).content.decode()
    assert "东湖街道" in form
    response = client.post(
        reverse("console-concerns:register"),
        {
            "title": "街道垃圾清运不及时",
            "summary": "市民反映小区垃圾多日未清运。",
            "source": "petition",
            "level": "general",
            "territory_unit": street.pk,
            "detected_at": "2026-12-02T09:00",
            "contact_name": "李四海",
            "contact_phone": "13800001111",
        },
    )
    assert response.status_code == 302
    detail = client.get(response["Location"]).content.decode()
    assert "李**" in detail and "138****1111" in detail
    assert "李四海" not in detail and "13800001111" not in detail


def test_a_bad_form_changes_nothing_and_says_why(known_calendar, street, street_editor, client_of):
    client = client_of(street_editor)
    response = client.post(
        reverse("console-concerns:register"),
        {
            "title": "",
            "summary": "x",
            "source": "online",
            "level": "general",
            "territory_unit": street.pk,
            "detected_at": "昨天",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and "请按“年-月-日 时:分”填写时间" in page


def _conference(actor, unit, documents=(), **overrides):
    data = {
        "title": "东岚区冬季供暖保障新闻发布会",
        "held_at": moment(2026, 12, 1, 15, 0),
        "place": "区政府新闻发布厅",
        "speakers": "王建国 区政府副区长\n李海燕 区住建局局长",
        "topics": "冬季供暖保障措施",
        "transcript": "主持人：各位记者朋友，下午好。",
        **overrides,
    }
    return workflow.record_press_conference(actor=actor, unit=unit, documents=documents, **data)


def test_press_conferences_are_public_only_once_published_by_someone_else(
    known_calendar, at, unit_a, editor_a, reviewer_a, client
):
    at(2026, 12, 2, 11)
    document = published(editor_a, reviewer_a, unit_a, title="冬季供暖保障方案")
    conference = _conference(editor_a, unit_a, documents=[document])
    assert client.get(reverse("concerns:press", args=[conference.pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        workflow.publish_press_conference(actor=editor_a, conference=conference)
    workflow.publish_press_conference(actor=reviewer_a, conference=conference)
    page = client.get(reverse("concerns:press", args=[conference.pk])).content.decode()
    assert "李海燕 区住建局局长" in page and "冬季供暖保障方案" in page
    assert (
        "东岚区冬季供暖保障新闻发布会"
        in client.get(reverse("concerns:press-list")).content.decode()
    )
    api = client.get(f"/api/v1/concerns/press-conferences/{conference.pk}").json()
    assert api["speakers"] == ["王建国 区政府副区长", "李海燕 区住建局局长"]
    assert api["documents"][0]["title"] == "冬季供暖保障方案"
    workflow.withdraw_press_conference(actor=reviewer_a, conference=conference, reason="内容有误")
    assert client.get(reverse("concerns:press", args=[conference.pk])).status_code == 404
    assert client.get("/api/v1/concerns/press-conferences").json() == []


def test_a_press_conference_links_only_published_documents(known_calendar, unit_a, editor_a):
    from gongkai.publishing.tests.factories import draft

    unpublished = draft(editor_a, unit_a)
    with pytest.raises(ValidationError, match="已发布的政府信息"):
        _conference(editor_a, unit_a, documents=[unpublished])
    with pytest.raises(ValidationError, match="已经举行"):
        _conference(editor_a, unit_a, held_at=moment(2027, 1, 1, 9, 0))
    assert not PressConference.objects.exists()


def test_the_public_sees_published_responses_only(
    known_calendar, at, street, street_editor, street_reviewer, client
):
    at(2026, 12, 2, 11)
    from gongkai.publishing.tests.factories import draft

    published(
        street_editor, street_reviewer, street, title="关于垃圾清运问题的回应", doc_type="response"
    )
    draft(street_editor, street, title="关于路灯问题的回应（草稿）", doc_type="response")
    published(street_editor, street_reviewer, street, title="普通通知")
    page = client.get(reverse("concerns:responses")).content.decode()
    assert "关于垃圾清运问题的回应" in page
    assert "路灯" not in page and "普通通知" not in page
    titles = [r["title"] for r in client.get("/api/v1/concerns/responses").json()]
    assert titles == ["关于垃圾清运问题的回应"]


def test_incidents_have_no_public_page_or_endpoint(incidents, client):
    detail = reverse("console-concerns:detail", args=[incidents["street"].pk])
    assert client.get(detail).status_code == 302  # to the login page
    assert "YQ" not in client.get("/api/v1/concerns/responses").content.decode()


def test_the_pages_are_in_the_registry_and_the_site_map(
    known_calendar, at, unit_a, editor_a, reviewer_a, client
):
    at(2026, 12, 2, 11)
    conference = _conference(editor_a, unit_a)
    workflow.publish_press_conference(actor=reviewer_a, conference=conference)
    pages = set(registry.all_pages())
    assert {
        reverse("concerns:responses"),
        reverse("concerns:press-list"),
        reverse("concerns:press", args=[conference.pk]),
    } <= pages
    site_map = client.get(reverse("portal:site-map")).content.decode()
    assert reverse("concerns:responses") in site_map
    assert reverse("concerns:press-list") in site_map
    # Withdrawing re-renders (and so removes) the conference's page.
    workflow.withdraw_press_conference(actor=reviewer_a, conference=conference, reason="有误")
    from gongkai.pages.models import RenderOperation

    last = RenderOperation.objects.latest("id")
    pages = registry.affected(last.subject, last.object_id)
    assert reverse("concerns:press", args=[conference.pk]) in pages
    assert reverse("portal:home") not in pages


def test_a_unit_is_offered_only_the_actions_its_roles_reach(
    incidents, street_editor, office, client_of
):
    url = reverse("console-concerns:detail", args=[incidents["street"].pk])
    editor_page = client_of(street_editor).get(url).content.decode()
    assert "记录首次回应" in editor_page
    assert "提级督办（政务公开办）" not in editor_page and "回应办结" not in editor_page
    office_page = client_of(office).get(url).content.decode()
    assert "提级督办（政务公开办）" in office_page and "回应办结" in office_page
