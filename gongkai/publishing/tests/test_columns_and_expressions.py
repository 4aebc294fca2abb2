import pytest
from django.urls import reverse

from gongkai.publishing.models import Column, ForbiddenExpression

from .factories import draft, published

pytestmark = pytest.mark.django_db


def test_unit_administrator_adds_a_column_that_lists_its_items(
    client_of, admin_a, editor_a, reviewer_a, unit_a
):
    url = reverse("console-publishing:columns", args=[unit_a.code])
    assert client_of(editor_a).get(url).status_code == 403
    client = client_of(admin_a)
    assert (
        client.post(
            url, {"name": "财政资金", "slug": "czzj", "statutory_category": "a20.07"}
        ).status_code
        == 302
    )
    duplicate = client.post(url, {"name": "重复", "slug": "czzj"})
    assert "已被使用" in duplicate.content.decode() and Column.objects.count() == 1
    column = Column.objects.get()
    inside = published(editor_a, reviewer_a, unit_a, title="栏目内信息", column_id=column.pk)
    outside = published(editor_a, reviewer_a, unit_a, title="其他信息")
    client.logout()
    page = client.get(
        reverse("portal:column-statutory", args=[unit_a.code]) + "?column=czzj"
    ).content.decode()
    assert inside.title in page and outside.title not in page


def test_office_keeps_the_expression_list_and_checks_use_it(client_of, office, editor_a, unit_a):
    url = reverse("console-publishing:expressions")
    assert client_of(editor_a).get(url).status_code == 403
    client = client_of(office)
    client.post(url, {"phrase": "其它", "suggestion": "其他", "is_active": "on"})
    assert ForbiddenExpression.objects.get().suggestion == "其他"
    document = draft(editor_a, unit_a, body_html="<p>其它事项另行通知。</p>")
    assert document.revisions.get().findings.get().message.startswith("含有“其它”")
    client.post(url, {"phrase": "其它", "suggestion": "其他"})  # unticked: switched off
    assert not ForbiddenExpression.objects.get().is_active
