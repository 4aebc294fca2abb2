from django.core.management.base import BaseCommand

from gongkai.core.clock import local_today
from gongkai.interaction.reminders import send_daily_reminders
from gongkai.operations import jobs


class Command(BaseCommand):
    help = "发送政民互动留言答复期限提醒（工作台提醒和电子邮件），每天运行一次。"

    def handle(self, *args, **options):
        with jobs.recorded("interaction_daily") as run:
            count = send_daily_reminders(today=local_today())
            run.summary = f"新增提醒 {count} 条"
        self.stdout.write(f"新增提醒 {count} 条。")
