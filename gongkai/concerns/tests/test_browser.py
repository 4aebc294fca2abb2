"""The office registers an incident, records the first response, links the 回应 document the
street published through review, and closes it; the public finds the response and a press
conference — every page passing axe, on a phone and a desktop, without JavaScript needed."""

import pytest

from gongkai.accounts.tests.factories import PASSWORD
from gongkai.concerns import workflow
from gongkai.concerns.models import Incident, IncidentStatus
from gongkai.publishing.tests.factories import published

from .conftest import moment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, user):
    page.goto("/console/login/")
    page.get_by_label("用户名").fill(user.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_an_incident_from_registration_to_the_published_response(
    browser_page, axe, known_calendar, at, street, office, street_editor, street_reviewer, width
):
    at(2026, 12, 3, 10)
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    _sign_in(page, office)
    page.goto("/console/concerns/")
    axe(page)
    page.get_by_role("link", name="登记舆情").click()
    page.get_by_label("舆情事项").fill("东湖街道垃圾清运不及时")
    page.get_by_label("舆情概要").fill("网民反映小区垃圾多日未清运。")
    page.locator("#id_source").select_option("online")
    page.get_by_label("级别").select_option("general")
    page.get_by_label("属地").select_option(label=street.full_name)
    page.get_by_label("发现时间").fill("2026-12-03T08:00")
    axe(page)
    page.get_by_role("button", name="登记").click()
    page.get_by_text("责任主体为东湖街道").wait_for()
    axe(page)
    incident = Incident.objects.get()
    assert incident.handling_unit == street

    page.get_by_label("首次回应内容").fill("已派员核实，今日内清运完毕。")
    page.get_by_label("回应渠道").fill("政务微博")
    page.get_by_role("button", name="记录首次回应").click()
    page.get_by_text("已记录首次回应").wait_for()

    # The street writes the response and publishes it through the ordinary review.
    response = published(
        street_editor,
        street_reviewer,
        street,
        title="关于东湖街道垃圾清运问题的回应",
        doc_type="response",
    )
    page.reload()
    page.get_by_label("回应文件").select_option(label=response.title)
    page.get_by_role("button", name="关联回应文件").click()
    page.get_by_text("已关联回应文件").wait_for()
    page.get_by_role("button", name="回应办结").click()
    page.get_by_text("已回应办结").first.wait_for()
    axe(page)
    assert Incident.objects.get().status == IncidentStatus.RESPONDED
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    conference = workflow.record_press_conference(
        actor=street_editor,
        unit=street,
        title="东湖街道环境卫生整治新闻发布会",
        held_at=moment(2026, 12, 3, 9, 0),
        speakers="王建国 街道办事处主任",
        topics="环境卫生整治",
        transcript="主持人：大家好。",
        documents=[response],
    )
    workflow.publish_press_conference(actor=street_reviewer, conference=conference)
    context = page.context
    context.clear_cookies()
    for url in ("/concerns/responses/", "/concerns/press/", f"/concerns/press/{conference.pk}/"):
        page.goto(url)
        axe(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, url
    page.goto("/concerns/responses/")
    page.get_by_role("link", name=response.title).click()
    page.get_by_role("heading", name=response.title).wait_for()
