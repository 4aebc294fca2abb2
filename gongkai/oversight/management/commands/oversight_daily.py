"""The daily inspection (自查) of every unit of every government; run it from cron after
publishing_daily. --links also fetches every link found in published documents (slow, goes
out to the network through the SSRF-safe client)."""

from django.core.management.base import BaseCommand

from gongkai.core.clock import local_today
from gongkai.operations import jobs
from gongkai.oversight import services, workpoints
from gongkai.units.models import Unit, UnitKind


class Command(BaseCommand):
    help = "对各单位的公开栏目进行每日自查，记录问题和得分。"

    def add_arguments(self, parser):
        parser.add_argument("--links", action="store_true", help="同时检查失效链接")

    def handle(self, *args, links=False, **options):
        with jobs.recorded("oversight_daily") as run:
            today = local_today()
            found = 0
            for government in Unit.objects.active().filter(kind=UnitKind.GOVERNMENT):
                link_problems = None
                if links:
                    from gongkai.oversight import links as link_check

                    link_problems = link_check.broken_links(government)
                inspection = services.run_inspection(government, today, link_problems=link_problems)
                count = inspection.findings.count()
                found += count
                self.stdout.write(f"{government.short_name}：发现问题 {count} 项")
            reminded = workpoints.send_work_reminders(today=today)
            self.stdout.write(f"工作要点任务提醒 {reminded} 条")
            run.summary = f"自查发现问题 {found} 项，工作要点任务提醒 {reminded} 条"
