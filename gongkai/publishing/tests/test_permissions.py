"""Who may do what: each unit's staff see only their own unit's items."""

import pytest
from django.urls import reverse

from gongkai.publishing import workflow

from .factories import draft, published

pytestmark = pytest.mark.django_db

GET_VIEWS = ["detail", "edit"]
POST_VIEWS = ["submit", "review", "publish", "return", "revise", "withdraw", "override", "attach"]


@pytest.mark.parametrize("name", GET_VIEWS + POST_VIEWS)
def test_staff_of_another_unit_get_404(client_of, editor_a, editor_b, unit_a, name):
    document = draft(editor_a, unit_a)
    client = client_of(editor_b)
    url = reverse(f"console-publishing:{name}", args=[document.pk])
    response = client.get(url) if name in GET_VIEWS else client.post(url, {"reason": "x"})
    assert response.status_code == 404


def test_other_units_items_are_not_listed(client_of, editor_a, editor_b, unit_a):
    document = draft(editor_a, unit_a, title="甲局内部草稿")
    assert (
        document.title
        not in client_of(editor_b).get(reverse("console-publishing:list")).content.decode()
    )
    assert (
        document.title
        in client_of(editor_a).get(reverse("console-publishing:list")).content.decode()
    )


def test_editor_cannot_review_or_publish(client_of, editor_a, unit_a):
    document = draft(editor_a, unit_a)
    workflow.submit(actor=editor_a, document=document)
    client = client_of(editor_a)
    response = client.post(
        reverse("console-publishing:review", args=[document.pk]),
        {"confidentiality_result": "同意", "disclosure_confirmed": "on"},
    )
    assert response.status_code == 403
    assert workflow.open_revision(document).status == "submitted"


def test_reviewer_cannot_create_drafts(client_of, reviewer_a):
    assert client_of(reviewer_a).get(reverse("console-publishing:new")).status_code == 403


def test_office_supervises_every_unit_of_its_government(client_of, editor_a, office, unit_a):
    document = draft(editor_a, unit_a)
    assert (
        client_of(office).get(reverse("console-publishing:detail", args=[document.pk])).status_code
        == 200
    )


def test_anonymous_is_sent_to_login(client, editor_a, unit_a):
    document = draft(editor_a, unit_a)
    response = client.get(reverse("console-publishing:detail", args=[document.pk]))
    assert response.status_code == 302 and response["Location"].startswith("/console/login/")


def test_drafts_are_not_public(client, editor_a, unit_a):
    document = draft(editor_a, unit_a)
    assert client.get(reverse("publishing:document", args=[document.pk])).status_code == 404
    assert client.get(f"/api/v1/documents/{document.pk}").status_code == 404


def test_not_proactive_items_never_reach_the_portal(client, editor_a, reviewer_a, unit_a):
    document = published(
        editor_a, reviewer_a, unit_a, disclosure="on_application", statutory_category=""
    )
    assert client.get(reverse("publishing:document", args=[document.pk])).status_code == 404
    assert client.get("/api/v1/documents").json()["items"] == []


def test_guide_is_kept_by_the_unit_administrator(client_of, admin_a, editor_a, unit_a):
    url = reverse("console-publishing:guide", args=[unit_a.code])
    assert client_of(editor_a).get(url).status_code == 403
    client = client_of(admin_a)
    response = client.post(
        url,
        {
            "arrangement": "按法定公开事项分类",
            "obtaining": "网站查阅",
            "applying": "在线申请",
            "index_pattern": "{unit_code}/{year}-{sequence:05d}",
        },
    )
    assert response.status_code == 302
    assert (
        "按法定公开事项分类"
        in client.get(reverse("portal:column-guide", args=[unit_a.code])).content.decode()
    )
