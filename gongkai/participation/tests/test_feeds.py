"""The drafts open for comment today as an Atom feed, linked from the list and kept among the
static pages that turn with the date."""

from datetime import timedelta

import pytest

from gongkai.core.clock import local_today
from gongkai.pages import registry
from gongkai.participation import workflow

from .factories import consultation_input, open_consultation

pytestmark = pytest.mark.django_db


def test_the_feed_holds_only_drafts_open_for_comment_today(
    at, client, editor_a, reviewer_a, unit_a
):
    at(2026, 3, 2)
    short = open_consultation(
        editor_a,
        reviewer_a,
        unit_a,
        title="七天征求意见的草案",
        ends_on=local_today() + timedelta(days=6),
        is_major=False,
    )
    later = open_consultation(
        editor_a,
        reviewer_a,
        unit_a,
        title="下月开始征求意见的草案",
        starts_on=local_today() + timedelta(days=20),
        ends_on=local_today() + timedelta(days=50),
    )
    workflow.create_consultation(
        actor=editor_a, unit=unit_a, **consultation_input(title="尚未发布的草案")
    )
    response = client.get("/consultations/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = response.content.decode()
    assert "七天征求意见的草案" in feed and f"/consultations/{short.pk}/" in feed
    assert "下月开始" not in feed and "尚未发布" not in feed
    at(2026, 3, 25)
    feed = client.get("/consultations/feed/").content.decode()
    assert "七天征求意见的草案" not in feed and f"/consultations/{later.pk}/" in feed


def test_the_list_links_its_feed_and_the_feed_is_a_static_page_turning_with_the_date(client):
    page = client.get("/consultations/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in page
    assert page.count('href="/consultations/feed/"') == 2
    assert "/consultations/feed/" in registry.all_pages()
    assert "/consultations/feed/" in registry.dated_pages("2026-03-01")
    assert "/consultations/feed/" in registry.consultation_pages("unit-a")
