"""Daily housekeeping of proactive disclosure; run it from cron shortly after midnight (and,
for scheduled publication, every few minutes with --publish-only)."""

from django.core.management.base import BaseCommand

from gongkai.core.clock import local_today
from gongkai.operations import alerts, jobs
from gongkai.operations.models import AlertKind
from gongkai.publishing import workflow
from gongkai.publishing.models import Revision, RevisionStatus


class Command(BaseCommand):
    help = "发布到期的定时信息，更新规范性文件有效性，提醒即将到期和缺少解读的文件。"

    def add_arguments(self, parser):
        parser.add_argument("--publish-only", action="store_true", help="只发布到期的定时信息")

    def handle(self, *args, publish_only=False, **options):
        if publish_only:
            self._publish_due()
            return
        with jobs.recorded("publishing_daily") as run:
            published = self._publish_due()
            today = local_today()
            changed = workflow.update_validity(today=today)
            alerts = workflow.raise_alerts(today=today)
            self.stdout.write(f"有效性变化：{changed} 件")
            self.stdout.write(f"新提醒：{len(alerts)} 条")
            run.summary = (
                f"定时发布 {published} 条，有效性变化 {changed} 件，新提醒 {len(alerts)} 条"
            )

    def _publish_due(self) -> int:
        due = workflow.publish_due()
        self.stdout.write(f"定时发布：{due.published} 条")
        failed_keys = set()
        for document, problem in due.failed:
            # Left scheduled: it is tried again on every run until a reviewer returns it.
            message = (
                f"定时发布失败：《{document}》（{document.unit.short_name}，ID {document.pk}）"
                f"仍为定时发布状态，原因：{problem} 请审核人退回修改后重新发布。"
            )
            self.stderr.write(message)
            key = f"publish:{document.pk}"
            alerts.raise_alert(
                kind=AlertKind.PUBLISH_FAILED, key=key, message=message, unit=document.unit
            )
            failed_keys.add(key)
        for alert in alerts.open_alerts().filter(kind=AlertKind.PUBLISH_FAILED):
            if alert.key not in failed_keys and not _still_scheduled(alert.key):
                alerts.resolve(alert.key)
        return due.published


def _still_scheduled(key: str) -> bool:
    """Whether the document of a publish-failed alert still waits as scheduled (it is
    resolved once it went out or a reviewer returned it)."""
    document_id = int(key.split(":", 1)[1])
    return Revision.objects.filter(
        document_id=document_id, status=RevisionStatus.SCHEDULED
    ).exists()
