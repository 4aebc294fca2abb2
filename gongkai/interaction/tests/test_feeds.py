"""Published answers as an Atom feed: the masked copies only, linked from the list and kept
among the static pages."""

import pytest

from gongkai.interaction import workflow
from gongkai.pages import registry

from .helpers import answered

pytestmark = pytest.mark.django_db


def test_the_feed_holds_the_published_masked_answers_only(
    known_calendar, client, government, unit_a, office, editor_a
):
    shown = answered(government, office, unit_a, editor_a)
    workflow.publish_answer(
        actor=office,
        question=shown,
        public_subject="新生入学网上报名时间",
        public_text="请问小学新生入学网上报名什么时候开始？",
        public_answer=shown.answer,
    )
    answered(government, office, unit_a, editor_a, subject="没有公开的留言")
    response = client.get("/interaction/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = response.content.decode()
    assert "新生入学网上报名时间" in feed and f"/interaction/{shown.pk}/" in feed
    assert "网上报名于7月1日开始" in feed
    assert "没有公开的留言" not in feed and "李晓红" not in feed and "13912345678" not in feed
    page = client.get("/interaction/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in page
    assert page.count('href="/interaction/feed/"') == 2
    assert "/interaction/feed/" in registry.interaction_pages()
