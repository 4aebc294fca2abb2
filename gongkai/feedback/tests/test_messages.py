"""A visitor's 纠错/意见 reaches the openness office: stored, audited, throttled, and on the
office's dashboard; nobody else sees it."""

import pytest
from django.urls import reverse

from gongkai.audit.models import AuditEvent
from gongkai.feedback.models import Message
from gongkai.feedback.views import THROTTLE

pytestmark = pytest.mark.django_db


def _leave(client, government, **overrides):
    data = {
        "government": government.pk,
        "kind": "correction",
        "text": "该通知的附件链接打不开。",
        "contact": "13800138000",
        "page": "/documents/1/",
        **overrides,
    }
    return client.post(reverse("feedback:form"), data)


def test_a_message_reaches_the_office_dashboard_and_is_audited(client, government, office):
    assert _leave(client, government).status_code == 302
    message = Message.objects.get()
    assert message.page == "/documents/1/" and message.contact == "13800138000"
    assert AuditEvent.objects.filter(action="feedback.receive", target_id=str(message.pk)).exists()
    client.force_login(office)
    dashboard = client.get("/console/").content.decode()
    assert "有 1 条公众留言待处理" in dashboard and "附件链接打不开" in dashboard
    inbox = client.get(reverse("console-feedback:inbox")).content.decode()
    assert "13800138000" in inbox


def test_the_office_records_what_it_did(client, government, office):
    _leave(client, government)
    message = Message.objects.get()
    client.force_login(office)
    client.post(reverse("console-feedback:handle", args=[message.pk]), {"reply_note": "已修复"})
    message.refresh_from_db()
    assert message.handled_by == office and message.reply_note == "已修复"
    assert AuditEvent.objects.filter(action="feedback.handle").count() == 1
    assert "没有待处理的公众留言" in client.get("/console/").content.decode()


def test_staff_outside_the_office_cannot_read_messages(client, government, editor_a):
    _leave(client, government)
    client.force_login(editor_a)
    assert client.get(reverse("console-feedback:inbox")).status_code == 403
    assert "公众留言" not in client.get("/console/").content.decode()


def test_an_empty_message_is_refused_with_the_reason_at_the_top(client, government):
    page = _leave(client, government, text="  ").content.decode()
    assert 'href="#id_text"' in page.split('id="error-summary"', 1)[1]
    assert Message.objects.count() == 0


def test_messages_from_one_address_are_throttled(client, government):
    for _ in range(THROTTLE.count):
        assert _leave(client, government).status_code == 302
    page = _leave(client, government).content.decode()
    assert "提交过于频繁" in page and Message.objects.count() == THROTTLE.count


def test_only_a_page_of_this_site_is_kept(client, government):
    _leave(client, government, page="javascript:alert(1)")
    assert Message.objects.get().page == ""
