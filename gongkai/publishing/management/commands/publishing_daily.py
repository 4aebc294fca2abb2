"""Daily housekeeping of proactive disclosure; run it from cron shortly after midnight (and,
for scheduled publication, every few minutes with --publish-only)."""

from django.core.management.base import BaseCommand

from gongkai.core.clock import local_today
from gongkai.operations import jobs
from gongkai.publishing import workflow


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
        for document, problem in due.failed:
            # Left scheduled: it is tried again on every run until a reviewer returns it.
            self.stderr.write(
                f"定时发布失败：《{document}》（{document.unit.short_name}，ID {document.pk}）"
                f"仍为定时发布状态，原因：{problem} 请审核人退回修改后重新发布。"
            )
        return due.published
