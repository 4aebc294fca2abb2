"""The platform's health, for the operator's monitoring (`GET /healthz`) and for
`manage.py status`: the database answers, the search index keeps up with the outbox, the
data disk has room, the daily jobs and the 15-minute escalation of late incidents ran.
Counts and times only — never personal data."""

import shutil
import time
from datetime import timedelta

from django.conf import settings
from django.db import connection

from gongkai.core.clock import local_now

MAX_PENDING_AGE = timedelta(minutes=10)
MIN_FREE_FRACTION = 0.10


def snapshot() -> dict:
    """{"status": "ok" | "warning" | "error", "problems": [...], and one part per check}."""
    problems: list[str] = []
    database = _database(problems)
    report = {"database": database}
    if database["ok"]:
        report["search"] = _search(problems)
        report["jobs"] = _jobs(problems)
    report["disk"] = _disk(problems)
    status = "error" if not database["ok"] else "warning" if problems else "ok"
    return {"status": status, "problems": problems, **report}


def _database(problems) -> dict:
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # whatever the driver raises, the answer is "down"
        problems.append(f"数据库无法连接：{type(exc).__name__}")
        return {"ok": False, "vendor": connection.vendor}
    return {
        "ok": True,
        "vendor": connection.vendor,
        "ms": round((time.perf_counter() - started) * 1000, 1),
    }


def _search(problems) -> dict:
    from gongkai.search import indexer
    from gongkai.search.models import IndexOperation

    marker = indexer.read_marker()
    built = marker is not None and indexer.index_exists()
    pending = IndexOperation.objects.filter(id__gt=marker or 0)
    oldest = pending.order_by("id").values_list("created_at", flat=True).first()
    age = (local_now() - oldest) if oldest else timedelta(0)
    if not built:
        problems.append("本机检索索引尚未建立。")
    elif age > MAX_PENDING_AGE:
        problems.append(f"检索索引落后：最早的待处理索引操作已等待 {int(age.total_seconds())} 秒。")
    return {
        "built": built,
        "applied_upto": marker or 0,
        "pending_operations": pending.count(),
        "oldest_pending_seconds": int(age.total_seconds()),
    }


def _jobs(problems) -> dict:
    from .jobs import WATCHED_JOBS
    from .models import JobRun

    runs = {run.job: run for run in JobRun.objects.filter(job__in=WATCHED_JOBS)}
    now, report = local_now(), {}
    for job, max_age in WATCHED_JOBS.items():
        run = runs.get(job)
        if run is None:
            problems.append(f"定时任务 {job} 从未运行。")
            report[job] = {"last_started": None, "succeeded": None}
            continue
        if now - run.started_at > max_age:
            problems.append(f"定时任务 {job} 已超过 {_hours(max_age)} 小时没有运行。")
        elif not run.succeeded:
            problems.append(f"定时任务 {job} 最近一次运行没有成功完成。")
        report[job] = {
            "last_started": run.started_at.isoformat(),
            "finished": run.finished_at.isoformat() if run.finished_at else None,
            "succeeded": run.succeeded,
        }
    return report


def _hours(age: timedelta) -> str:
    return f"{age.total_seconds() / 3600:g}"


def _disk(problems) -> dict:
    usage = shutil.disk_usage(settings.DATA_DIR)
    free = usage.free / usage.total if usage.total else 0.0
    if free < MIN_FREE_FRACTION:
        problems.append(f"数据目录所在磁盘只剩 {free:.0%} 空间。")
    return {"free_bytes": usage.free, "total_bytes": usage.total, "free_fraction": round(free, 3)}
