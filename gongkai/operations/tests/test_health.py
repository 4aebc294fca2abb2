"""The operator's monitoring reads `GET /healthz` (and a person `manage.py status`): whether
the database answers, how far the search index lags behind the outbox, how much disk is
left and when the daily jobs last ran — counts and times only, never personal data."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from gongkai.operations import health, jobs
from gongkai.operations.models import JobRun
from gongkai.publishing.tests.factories import published
from gongkai.search.models import IndexOperation

pytestmark = pytest.mark.django_db


def run_daily_jobs():
    call_command("search_daily", stdout=StringIO())
    call_command("publishing_daily", stdout=StringIO(), stderr=StringIO())
    call_command("applications_daily", stdout=StringIO())
    call_command("oversight_daily", stdout=StringIO())
    call_command("interaction_daily", stdout=StringIO())
    call_command("concerns_escalate", stdout=StringIO())


def test_a_fresh_installation_reports_what_has_not_happened_yet(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "warning"
    assert report["database"]["ok"] is True
    assert report["search"]["built"] is False
    assert "本机检索索引尚未建立。" in report["problems"]
    assert "定时任务 publishing_daily 从未运行。" in report["problems"]
    assert report["disk"]["free_bytes"] > 0


def test_all_well_once_the_index_is_built_and_the_daily_jobs_ran(client):
    call_command("rebuild_search_index", stdout=StringIO())
    run_daily_jobs()
    report = client.get("/healthz").json()
    assert report["status"] == "ok", report["problems"]
    assert report["jobs"]["applications_daily"]["succeeded"] is True
    assert response_has_no_names(report)


def response_has_no_names(report) -> bool:
    return set(report) == {"status", "problems", "database", "search", "jobs", "disk"}


def test_the_daily_inspection_is_one_of_the_daily_jobs_watched(at, time_machine):
    at(2026, 9, 24)
    assert "oversight_daily" in jobs.DAILY_JOBS
    call_command("publishing_daily", stdout=StringIO(), stderr=StringIO())
    call_command("applications_daily", stdout=StringIO())
    call_command("interaction_daily", stdout=StringIO())
    call_command("search_daily", stdout=StringIO())
    assert "定时任务 oversight_daily 从未运行。" in health.snapshot()["problems"]
    call_command("oversight_daily", stdout=StringIO())
    run = JobRun.objects.get(job="oversight_daily")
    assert run.succeeded and run.summary.startswith("自查发现问题")
    assert not any("oversight_daily" in p for p in health.snapshot()["problems"])
    time_machine.shift(timedelta(hours=27))
    assert "定时任务 oversight_daily 已超过 26 小时没有运行。" in health.snapshot()["problems"]


def test_an_index_falling_behind_is_reported_with_the_oldest_wait(
    client, editor_a, reviewer_a, unit_a, at, time_machine
):
    at(2026, 9, 24)
    call_command("rebuild_search_index", stdout=StringIO())
    published(editor_a, reviewer_a, unit_a)
    time_machine.shift(timedelta(minutes=15))
    report = client.get("/healthz").json()
    assert report["search"]["pending_operations"] == IndexOperation.objects.count() == 1
    assert report["search"]["oldest_pending_seconds"] >= 15 * 60
    assert any(p.startswith("检索索引落后") for p in report["problems"])


def test_a_daily_job_that_stopped_running_or_failed_is_reported(at, time_machine):
    at(2026, 9, 24)
    run_daily_jobs()
    time_machine.shift(timedelta(hours=27))
    assert "定时任务 publishing_daily 已超过 26 小时没有运行。" in health.snapshot()["problems"]
    with pytest.raises(RuntimeError), jobs.recorded("applications_daily"):
        raise RuntimeError("邮件服务器无响应")
    run = JobRun.objects.get(job="applications_daily")
    assert (run.succeeded, run.summary) == (False, "失败：邮件服务器无响应")
    assert run.started_at == timezone.now()
    assert "定时任务 applications_daily 最近一次运行没有成功完成。" in health.snapshot()["problems"]


def test_a_database_that_does_not_answer_makes_the_check_fail(client, monkeypatch):
    def broken():
        raise OSError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_status_prints_the_same_report(client):
    out = StringIO()
    call_command("status", "--json", stdout=out)
    assert json.loads(out.getvalue())["problems"] == client.get("/healthz").json()["problems"]
    out = StringIO()
    call_command("status", stdout=out)
    assert "状态：需要注意" in out.getvalue()
    assert "问题：本机检索索引尚未建立。" in out.getvalue()


def test_status_exits_non_zero_when_the_platform_cannot_serve(monkeypatch):
    monkeypatch.setattr(
        health,
        "snapshot",
        lambda: {
            "status": "error",
            "problems": [],
            "database": {"ok": False, "vendor": "x"},
            "disk": {"free_bytes": 0, "free_fraction": 0},
        },
    )
    with pytest.raises(CommandError):
        call_command("status", stdout=StringIO())


def test_the_question_reminders_are_one_of_the_daily_jobs_watched(at, time_machine):
    at(2026, 9, 24)
    assert "定时任务 interaction_daily 从未运行。" in health.snapshot()["problems"]
    call_command("interaction_daily", stdout=StringIO())
    assert JobRun.objects.get(job="interaction_daily").succeeded
    assert not any("interaction_daily" in p for p in health.snapshot()["problems"])
    time_machine.shift(timedelta(hours=27))
    assert "定时任务 interaction_daily 已超过 26 小时没有运行。" in health.snapshot()["problems"]


def test_the_escalation_of_late_incidents_is_watched_on_its_own_quarter_hour_clock(
    at, time_machine
):
    at(2026, 9, 24, 9)
    run_daily_jobs()
    JobRun.objects.filter(job="concerns_escalate").delete()
    assert "定时任务 concerns_escalate 从未运行。" in health.snapshot()["problems"]
    call_command("concerns_escalate", stdout=StringIO())
    time_machine.shift(timedelta(minutes=50))
    assert not any("concerns_escalate" in p for p in health.snapshot()["problems"])
    # Cron stopped: after an hour without a run the operator hears of it, long before a day.
    time_machine.shift(timedelta(minutes=15))
    report = health.snapshot()
    assert "定时任务 concerns_escalate 已超过 1 小时没有运行。" in report["problems"]
    assert not any("daily" in p for p in report["problems"])
    assert report["jobs"]["concerns_escalate"]["succeeded"] is True
