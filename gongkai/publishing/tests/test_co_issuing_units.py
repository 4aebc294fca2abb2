"""Co-issued documents (联合发文): kept with the document, shown on its page, listed in every
issuing unit's column and given in the API."""

from datetime import datetime

import pytest
import time_machine
from django.urls import reverse

from gongkai.core.clock import CHINA
from gongkai.publishing.models import Document

from .factories import published

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _march_2024():
    with time_machine.travel(datetime(2024, 3, 20, 10, tzinfo=CHINA), tick=False):
        yield


def test_editor_names_co_issuers_in_the_draft_form(client_of, editor_a, unit_a, unit_b):
    response = client_of(editor_a).post(
        reverse("console-publishing:new"),
        {
            "unit": unit_a.pk,
            "title": "关于联合开展检查的通知",
            "disclosure": "proactive",
            "part": "statutory",
            "co_issuers": [unit_b.pk],
        },
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.revisions.get().co_issuer_ids == [unit_b.pk]
    edit = client_of(editor_a).get(reverse("console-publishing:edit", args=[document.pk]))
    assert edit.context["form"].initial["co_issuers"] == [unit_b.pk]


def test_co_issued_document_is_shown_listed_and_in_the_api(
    client, editor_a, reviewer_a, unit_a, unit_b
):
    document = published(
        editor_a, reviewer_a, unit_a, title="甲局乙局联合通知", co_issuer_ids=[unit_b.pk]
    )
    only_a = published(editor_a, reviewer_a, unit_a, title="甲局单独通知")
    assert list(document.co_issuers.all()) == [unit_b]
    page = client.get(document.get_absolute_url()).content.decode()
    assert "测试区甲局、测试区乙局" in page
    column_b = client.get(reverse("portal:column-statutory", args=[unit_b.code])).content.decode()
    assert document.title in column_b and only_a.title not in column_b
    assert client.get(f"/api/v1/documents/{document.pk}").json()["co_issuers"] == [unit_b.code]
    listed = client.get("/api/v1/documents", {"unit": unit_b.code}).json()["items"]
    assert [item["id"] for item in listed] == [document.pk]
