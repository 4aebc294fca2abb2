"""The lists' API carries the flags the public pages show: a list not updated within the
office's period, a milestone passed unmet, an answer given or owed after its deadline."""

import pytest

from gongkai.lists import services

from .factories import power, published
from .test_key_tasks import task
from .test_proposals import proposal

pytestmark = pytest.mark.django_db


def test_a_list_past_the_offices_period_is_stale_in_the_api(
    client, at, government, office, unit_a, editor_a, reviewer_a
):
    services.save_setting(
        actor=office, government=government, kind="powers", required=True, stale_after_days=180
    )
    at(2026, 3, 2)
    published("powers", [power("XK-1")], unit=unit_a, editor=editor_a, reviewer=reviewer_a)
    at(2026, 8, 29)
    summary = client.get("/api/v1/lists", {"unit": "unit-a"}).json()[0]
    assert (summary["is_stale"], summary["stale_after_days"]) == (False, 180)
    at(2026, 8, 30)
    assert client.get("/api/v1/lists", {"unit": "unit-a"}).json()[0]["is_stale"] is True
    assert client.get("/api/v1/lists/powers/unit-a").json()["is_stale"] is True


def test_flagged_rows_are_named_in_the_api(client, at, unit_a, editor_a, reviewer_a):
    at(2026, 7, 15)
    tasks = [
        task("MS-1", "老旧小区改造", "2026-12-31"),
        task("MS-2", "西城片区改造", "2026-06-30"),
    ]
    published("key_tasks", tasks, unit=unit_a, editor=editor_a, reviewer=reviewer_a)
    answers = [
        proposal("JY-1", "增设公交站点", "2026-03-10", "2026-05-28"),
        proposal("JY-2", "延长公交运营时间", "2026-03-10", "2026-06-20"),
        proposal("JY-3", "改造人行天桥", "2026-03-10", result="办理中"),
    ]
    published("proposals", answers, unit=unit_a, editor=editor_a, reviewer=reviewer_a)
    assert client.get("/api/v1/lists/key_tasks/unit-a").json()["variance"] == {"MS-2": "逾期未完成"}
    assert client.get("/api/v1/lists/proposals/unit-a").json()["variance"] == {
        "JY-2": "逾期答复",
        "JY-3": "逾期未答复",
    }


def test_the_flags_are_described_in_the_openapi_schema(client):
    schemas = client.get("/api/openapi.json").json()["components"]["schemas"]
    assert "更新周期" in schemas["ListSummary"]["properties"]["is_stale"]["description"]
    assert "逾期未完成" in schemas["ListOut"]["properties"]["variance"]["description"]
    assert "逾期公示" in schemas["EnforcementDecisionOut"]["properties"]["is_late"]["description"]
