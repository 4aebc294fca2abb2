import json

import pytest

from gongkai.participation import views, workflow
from gongkai.participation.models import Comment

from .factories import open_consultation

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(at, editor_a, reviewer_a, unit_a):
    at(2026, 3, 2)
    return open_consultation(editor_a, reviewer_a, unit_a)


def _submit(client, pk, **payload):
    return client.post(
        f"/api/v1/consultations/{pk}/comments",
        json.dumps(payload),
        content_type="application/json",
    )


def test_open_consultations_and_one_with_its_groups(client, consultation, editor_a):
    comment = workflow.submit_comment(consultation=consultation, text="建议增加网点。", name="李雷")
    workflow.show_comment(actor=editor_a, comment=comment)
    found = client.get("/api/v1/consultations").json()
    assert [c["id"] for c in found] == [consultation.pk]
    assert found[0]["accepting_comments"] and found[0]["period_days"] == 30
    detail = client.get(f"/api/v1/consultations/{consultation.pk}").json()
    assert detail["paragraphs"][1]["number"] == 2
    assert detail["groups_shown"] == [
        {
            "number": 1,
            "paragraph": None,
            "text": "建议增加网点。",
            "count": 1,
            "disposition": None,
            "reason": "",
        }
    ]
    assert "李雷" not in json.dumps(detail, ensure_ascii=False)


def test_submitting_a_comment_follows_the_forms_rules(client, consultation):
    assert _submit(client, consultation.pk, text="建议", paragraph=1).status_code == 200
    refused = _submit(client, consultation.pk, text="", paragraph=8)
    assert refused.status_code == 400
    assert set(refused.json()["errors"]) == {"text", "paragraph"}
    assert Comment.objects.count() == 1
    assert client.get("/api/v1/consultations/999").status_code == 404


def test_the_api_shares_the_forms_throttle(client, consultation):
    for _ in range(views.THROTTLE.count):
        _submit(client, consultation.pk, text="意见")
    response = _submit(client, consultation.pk, text="意见")
    assert response.status_code == 429
    assert response.json()["detail"] == "提交过于频繁，请一小时后再试。"
