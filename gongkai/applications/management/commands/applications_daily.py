from django.core.management.base import BaseCommand

from gongkai.applications.reminders import send_daily_reminders
from gongkai.applications.services import retry_recomputation
from gongkai.core.clock import local_today
from gongkai.operations import jobs


class Command(BaseCommand):
    help = "发送依申请公开答复期限提醒（工作台提醒和电子邮件），每天运行一次。"

    def handle(self, *args, **options):
        with jobs.recorded("applications_daily") as run:
            self._retry_recomputation()
            count = send_daily_reminders(today=local_today())
            run.summary = f"新增提醒 {count} 条"
        self.stdout.write(f"新增提醒 {count} 条。")

    def _retry_recomputation(self):
        """A calendar change whose recomputation failed (see workdays.services) is retried
        here too, whatever the back-off, before any reminder counts from a stale due date."""
        lines = retry_recomputation(force=True)
        if lines is not None:
            self.stdout.write(f"已补做节假日安排修改后的期限重新计算：{len(lines)} 处变化。")
