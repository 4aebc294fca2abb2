"""Recording the runs of scheduled jobs, so that a job that stopped running is noticed."""

from contextlib import contextmanager
from datetime import timedelta

from gongkai.core.clock import local_now

from .models import JobRun

# The daily jobs the health check expects to have run within MAX_AGE.
DAILY_JOBS = (
    "publishing_daily",
    "applications_daily",
    "oversight_daily",
    "interaction_daily",
    "search_daily",
)
# Jobs cron starts more often, with the longest silence the health check tolerates: the
# escalation of late incidents runs every 15 minutes, and a deadline measured in hours cannot
# wait a day for its escalation, so three missed runs are already a problem.
FREQUENT_JOBS = {"concerns_escalate": timedelta(hours=1)}
# Every watched job with the age after which its last run is too old.
WATCHED_JOBS = {
    **{job: timedelta(hours=26) for job in DAILY_JOBS},
    **FREQUENT_JOBS,
}


@contextmanager
def recorded(job: str):
    """Wrap a job's work: its start is recorded at once (a run that dies midway shows as
    started, never finished), its end and outcome when it returns or raises. The block may
    set `run.summary`."""
    run, _created = JobRun.objects.update_or_create(
        job=job,
        defaults={"started_at": local_now(), "finished_at": None, "succeeded": False},
    )
    try:
        yield run
    except BaseException as exc:
        run.summary = f"失败：{exc}"[:300]
        run.finished_at = local_now()
        run.save(update_fields=["summary", "finished_at"])
        raise
    run.succeeded, run.finished_at = True, local_now()
    run.save(update_fields=["succeeded", "finished_at", "summary"])
