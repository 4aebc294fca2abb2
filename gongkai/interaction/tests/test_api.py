"""The API: published answers (the masked copies only), submitting, and the asker's lookup."""

import pytest

from gongkai.interaction import workflow
from gongkai.interaction.models import Question

from .helpers import answered

pytestmark = pytest.mark.django_db


def test_published_answers_list_and_detail_show_only_the_masked_copies(
    known_calendar, client, government, unit_a, office, editor_a
):
    question = answered(government, office, unit_a, editor_a)
    unpublished = answered(government, office, unit_a, editor_a)
    workflow.publish_answer(
        actor=office,
        question=question,
        public_subject="小学新生报名时间",
        public_text="请问网上报名什么时候开始？",
        public_answer=question.answer,
    )
    listed = client.get("/api/v1/questions").json()
    assert [row["id"] for row in listed] == [question.pk]
    assert listed[0]["asker"] == "李**"
    assert "13912345678" not in str(listed)
    assert client.get("/api/v1/questions", {"q": "报名 小学"}).json()[0]["id"] == question.pk
    assert client.get("/api/v1/questions", {"q": "公租房"}).json() == []
    assert client.get(f"/api/v1/questions/{question.pk}").json()["unit"] == unit_a.code
    assert client.get(f"/api/v1/questions/{unpublished.pk}").status_code == 404


def test_submitting_and_looking_up_through_the_api(known_calendar, client, government, unit_a):
    body = {
        "kind": "letter",
        "government": government.code,
        "unit": unit_a.code,
        "title": "建议增设公交线路",
        "text": "建议增设一条经过东湖街道的公交线路。",
        "consent_to_publish": True,
    }
    response = client.post("/api/v1/questions", body, content_type="application/json")
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["tracking_number"].startswith("XX")
    question = Question.objects.get(tracking_number=data["tracking_number"])
    assert question.requested_unit == unit_a
    access = {"tracking_number": data["tracking_number"], "access_code": data["access_code"]}
    status = client.post("/api/v1/questions/status", access, content_type="application/json")
    assert status.json()["state"] == "received" and status.json()["answer"] is None
    access["access_code"] = "WRONG"
    assert (
        client.post("/api/v1/questions/status", access, content_type="application/json")
    ).status_code == 404
    bad = client.post("/api/v1/questions", {**body, "title": ""}, content_type="application/json")
    assert bad.status_code == 400 and "title" in bad.json()["errors"]
