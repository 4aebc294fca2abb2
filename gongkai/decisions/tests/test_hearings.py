"""Hearings: a notice published by someone who did not draft it, registration by anyone in
its window (personal data encrypted and masked), a fair selection that can be re-run, and the
record published."""

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from gongkai.core.clock import CHINA
from gongkai.decisions import rules, workflow
from gongkai.decisions.models import HearingState, Registration

pytestmark = pytest.mark.django_db


def _hearing(editor, unit, *, rule="lottery", seats=3, **overrides):
    fields = {
        "subject": "测试区公交票价调整听证会",
        "description": "拟调整基础票价。",
        "held_at": datetime(2026, 12, 28, 14, 30, tzinfo=CHINA),
        "place": "测试区行政中心一楼会议室",
        "registration_opens": date(2026, 12, 3),
        "registration_closes": date(2026, 12, 10),
        "how_to_register": "在线报名。",
        "seats": seats,
        "rule": rule,
        **overrides,
    }
    return workflow.create_hearing(actor=editor, unit=unit, **fields)


@pytest.fixture
def announced(at, editor_a, reviewer_a, unit_a):
    at(2026, 12, 3, 9)
    hearing = _hearing(editor_a, unit_a)
    return workflow.announce_hearing(actor=reviewer_a, hearing=hearing)


def _register(hearing, n):
    return workflow.register_for_hearing(
        hearing=hearing, kind="public", name=f"王{n}明", phone=f"138000000{n:02d}"
    )


def test_the_drafter_cannot_publish_the_notice(at, editor_a, unit_a):
    at(2026, 12, 3, 9)
    hearing = _hearing(editor_a, unit_a)
    with pytest.raises(PermissionDenied):
        workflow.announce_hearing(actor=editor_a, hearing=hearing)


def test_a_notice_with_registration_after_the_hearing_is_refused(at, editor_a, unit_a):
    at(2026, 12, 3, 9)
    with pytest.raises(ValidationError, match="早于举行日期"):
        _hearing(editor_a, unit_a, registration_closes=date(2026, 12, 30))


def test_registration_is_encrypted_masked_and_once_per_phone(client, announced):
    response = client.post(
        f"/hearings/{announced.pk}/register/",
        {"kind": "public", "name": "王建国", "phone": "13800001001", "viewpoint": "同意"},
    )
    assert response.status_code == 200 and "报名编号" in response.content.decode()
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, phone FROM decisions_registration")
        stored = cursor.fetchone()
    assert "王建国" not in stored[0] and "13800001001" not in stored[1]
    with pytest.raises(ValidationError, match="已经报名"):
        workflow.register_for_hearing(
            hearing=announced, kind="public", name="王建国", phone="138 0000 1001"
        )
    assert Registration.objects.count() == 1


def test_registration_outside_its_window_changes_nothing(at, client, announced):
    at(2026, 12, 11, 9)
    response = client.post(
        f"/hearings/{announced.pk}/register/",
        {"kind": "public", "name": "王建国", "phone": "13800001001"},
    )
    assert "当前不在报名期内" in response.content.decode()
    assert not Registration.objects.exists()


def test_lottery_can_be_rerun_from_the_published_seed(at, client, announced, editor_a):
    for n in range(1, 8):
        _register(announced, n)
    with pytest.raises(ValidationError, match="报名截止后"):
        workflow.select_participants(actor=editor_a, hearing=announced)
    at(2026, 12, 11, 9)
    hearing = workflow.select_participants(actor=editor_a, hearing=announced, seed="公证-4417")
    selected = set(
        Registration.objects.filter(hearing=hearing, selected=True).values_list("number", flat=True)
    )
    numbers = list(
        Registration.objects.filter(hearing=hearing).order_by("id").values_list("number", flat=True)
    )
    assert len(selected) == 3
    assert selected == set(rules.draw_order("公证-4417", numbers)[:3])
    page = client.get(hearing.get_absolute_url()).content.decode()
    assert "公证-4417" in page and "王*" in page and "王1明" not in page


def test_first_come_selects_the_earliest(at, editor_a, reviewer_a, unit_a):
    at(2026, 12, 3, 9)
    hearing = _hearing(editor_a, unit_a, rule="first_come", seats=2)
    workflow.announce_hearing(actor=reviewer_a, hearing=hearing)
    made = []
    for n in range(1, 5):
        at(2026, 12, 3, 9 + n)
        made.append(_register(hearing, n))
    at(2026, 12, 11, 9)
    workflow.select_participants(actor=editor_a, hearing=hearing)
    chosen = Registration.objects.filter(hearing=hearing, selected=True)
    assert {r.pk for r in chosen} == {made[0].pk, made[1].pk}


def test_record_with_personal_numbers_is_refused_then_published(
    at, client, announced, editor_a, reviewer_a
):
    _register(announced, 1)
    at(2026, 12, 11, 9)
    workflow.select_participants(actor=editor_a, hearing=announced)
    at(2026, 12, 29, 9)
    with pytest.raises(ValidationError, match="个人信息"):
        workflow.publish_hearing_record(
            actor=reviewer_a,
            hearing=announced,
            record_text="参加人王某（电话13800001001）发言。",
            outcome="采纳。",
        )
    workflow.publish_hearing_record(
        actor=reviewer_a,
        hearing=announced,
        record_text="参加人王某发言。",
        outcome="采纳延长换乘时间的意见。",
    )
    announced.refresh_from_db()
    assert announced.state == HearingState.HELD
    page = client.get(announced.get_absolute_url()).content.decode()
    assert "参加人王某发言" in page and "采纳延长换乘时间的意见" in page


def test_hearing_pages_and_api(client, announced):
    assert announced.subject in client.get("/hearings/").content.decode()
    data = client.get("/api/v1/hearings").json()
    assert data[0]["title"] == announced.subject
    detail = client.get(f"/api/v1/hearings/{announced.pk}").json()
    assert detail["seats"] == 3 and detail["rule"] == "lottery"
    assert client.get(f"/hearings/{announced.pk + 99}/").status_code == 404


def test_a_draft_hearing_is_not_public(at, client, editor_a, unit_a):
    at(2026, 12, 3, 9)
    hearing = _hearing(editor_a, unit_a)
    assert client.get(hearing.get_absolute_url()).status_code == 404
    assert client.get(f"/hearings/{hearing.pk}/register/").status_code == 404


def test_cancelled_hearing_says_why(at, client, announced, reviewer_a):
    workflow.cancel_hearing(actor=reviewer_a, hearing=announced, reason="方案需重新论证")
    assert "方案需重新论证" in client.get(announced.get_absolute_url()).content.decode()


def test_unit_b_cannot_select_unit_as_participants(at, announced, editor_b):
    at(2026, 12, 11, 9)
    with pytest.raises(PermissionDenied):
        workflow.select_participants(actor=editor_b, hearing=announced)
    assert announced.registration_closes + timedelta(days=1) == date(2026, 12, 11)
