"""Hearings and open meetings as Atom feeds: published ones only, each entry saying where it
stands, linked from the lists and kept among the static pages."""

from datetime import date, datetime

import pytest

from gongkai.core.clock import CHINA
from gongkai.decisions import workflow
from gongkai.pages import registry

pytestmark = pytest.mark.django_db


def _hearing(editor, unit, subject):
    return workflow.create_hearing(
        actor=editor,
        unit=unit,
        subject=subject,
        description="拟调整基础票价。",
        held_at=datetime(2026, 12, 28, 14, 30, tzinfo=CHINA),
        place="测试区行政中心一楼会议室",
        registration_opens=date(2026, 12, 3),
        registration_closes=date(2026, 12, 10),
        how_to_register="在线报名。",
        seats=3,
        rule="lottery",
    )


def test_the_hearings_feed_holds_published_notices(client, editor_a, reviewer_a, unit_a):
    announced = _hearing(editor_a, unit_a, "测试区公交票价调整听证会")
    workflow.announce_hearing(actor=reviewer_a, hearing=announced)
    _hearing(editor_a, unit_a, "尚未公告的听证会")
    response = client.get("/hearings/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = response.content.decode()
    assert "测试区公交票价调整听证会（已发布公告）" in feed
    assert f"/hearings/{announced.pk}/" in feed and "报名截止到2026-12-10" in feed
    assert "尚未公告" not in feed
    page = client.get("/hearings/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in page
    assert page.count('href="/hearings/feed/"') == 2


def test_the_meetings_feed_follows_a_meeting_to_its_decisions(
    at, client, editor_a, reviewer_a, unit_a
):
    meeting = workflow.create_meeting(
        actor=editor_a, unit=unit_a, kind="unit", title="甲局局务会议", held_on=date(2026, 12, 4)
    )
    workflow.add_agenda_item(actor=editor_a, meeting=meeting, title="研究停车收费调整方案")
    assert "甲局局务会议" not in client.get("/meetings/feed/").content.decode()
    workflow.announce_meeting(actor=reviewer_a, meeting=meeting)
    feed = client.get("/meetings/feed/").content.decode()
    assert "甲局局务会议（已发布议题）" in feed and "研究停车收费调整方案" in feed
    at(2026, 12, 4, 17)
    workflow.record_meeting_decisions(actor=reviewer_a, meeting=meeting, outcomes={1: "通过"})
    feed = client.get("/meetings/feed/").content.decode()
    assert "甲局局务会议（已公布会议决定）" in feed and "<updated>2026-12-04T00:00:00+08:00" in feed
    page = client.get("/meetings/").content.decode()
    assert page.count('href="/meetings/feed/"') == 2


def test_the_feeds_are_static_pages():
    pages = registry.decision_pages()
    assert "/hearings/feed/" in pages and "/meetings/feed/" in pages
