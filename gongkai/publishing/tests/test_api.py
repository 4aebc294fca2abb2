from datetime import datetime, timedelta

import pytest
import time_machine

from gongkai.core.clock import CHINA
from gongkai.publishing import samplefiles, workflow
from gongkai.publishing.models import LinkKind

from .factories import draft, normative, published

pytestmark = pytest.mark.django_db
START = datetime(2024, 3, 20, 10, tzinfo=CHINA)


def _publish_series(editor, reviewer, unit, n):
    documents = []
    for i in range(n):
        with time_machine.travel(START + timedelta(minutes=i), tick=False):
            documents.append(published(editor, reviewer, unit, title=f"通知{i}"))
    return documents


def test_cursor_pagination_walks_every_item_once_newest_first(client, editor_a, reviewer_a, unit_a):
    documents = _publish_series(editor_a, reviewer_a, unit_a, 5)
    seen, cursor = [], ""
    while True:
        page = client.get("/api/v1/documents", {"limit": 2, "cursor": cursor}).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == [d.pk for d in reversed(documents)]


def test_filters_match_the_portal(
    client, editor_a, reviewer_a, unit_a, unit_b, editor_b, reviewer_b
):
    with time_machine.travel(START, tick=False):
        a = published(
            editor_a,
            reviewer_a,
            unit_a,
            title="甲",
            subject="04.01",
            doc_type="report",
            statutory_category="a20.07",
        )
        b = published(editor_b, reviewer_b, unit_b, title="乙")
    ids = lambda **q: [i["id"] for i in client.get("/api/v1/documents", q).json()["items"]]  # noqa: E731
    assert ids(unit=unit_a.code) == [a.pk]
    assert ids(subject="04") == [a.pk]
    assert ids(type="notice") == [b.pk]
    assert ids(category="a20.07") == [a.pk]
    assert ids(year=2023) == []
    assert client.get("/api/v1/documents", {"unit": "nope"}).status_code == 400
    assert client.get("/api/v1/documents", {"cursor": "garbage!"}).status_code == 400
    assert client.get("/api/v1/documents", {"limit": 1000}).status_code == 400


def test_one_document_has_metadata_body_attachments_and_links(client, editor_a, reviewer_a, unit_a):
    with time_machine.travel(START, tick=False):
        old = published(
            editor_a, reviewer_a, unit_a, data=normative(doc_number="测政发〔2024〕1号")
        )
        document = draft(
            editor_a, unit_a, **normative(title="新办法", doc_number="测政发〔2024〕2号")
        )
        workflow.update_draft(
            actor=editor_a,
            document=document,
            content=normative(title="新办法", doc_number="测政发〔2024〕2号"),
            links=[{"kind": LinkKind.REPLACES, "target": old.pk}],
        )
        workflow.add_attachment(
            actor=editor_a,
            document=document,
            data=samplefiles.pdf_bytes([["x"]]),
            filename="附件.pdf",
        )
        workflow.submit(actor=editor_a, document=document)
        workflow.review(
            actor=reviewer_a,
            document=document,
            confidentiality_result="同意",
            disclosure_confirmed=True,
        )
        workflow.publish(actor=reviewer_a, document=document)
    data = client.get(f"/api/v1/documents/{document.pk}").json()
    assert data["title"] == "新办法" and data["doc_number"] == "测政发〔2024〕2号"
    assert data["index_number"].endswith("/2024-00002") and data["validity"] == "not_yet"
    assert data["body_text"].startswith("各有关单位")
    assert [a["name"] for a in data["attachments"]] == ["附件.pdf"]
    assert data["links"] == [
        {
            "relation": "replaces",
            "relation_label": "替代",
            "document_id": old.pk,
            "title": old.title,
        }
    ]
    back = client.get(f"/api/v1/documents/{old.pk}").json()
    assert back["links"][0]["relation"] == "replaces_by"
    assert (
        back["links"][0]["relation_label"] == "被替代"
        and back["links"][0]["document_id"] == document.pk
    )


def test_openapi_lists_the_document_endpoints(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/v1/documents" in paths and "/api/v1/documents/{document_id}" in paths
