"""Every five minutes (cron): retry a due-date recomputation that failed after a calendar
change, with back-off (5, 10, 20, 40, 80 minutes, then every 2 hours) until it succeeds; the
office sees the system alert, with the attempts so far, until then."""

from django.core.management.base import BaseCommand, CommandError

from gongkai.applications.services import retry_recomputation


class Command(BaseCommand):
    help = "重试节假日安排修改后未完成的答复期限重新计算（按退避间隔）。"

    def handle(self, *args, **options):
        try:
            lines = retry_recomputation()
        except Exception as exc:
            raise CommandError(f"期限重新计算仍未成功，已记录在系统提醒中：{exc}") from exc
        if lines is None:
            self.stdout.write("没有到期需要重试的期限重新计算。")
        else:
            self.stdout.write(f"已补做期限重新计算：{len(lines)} 处变化，系统提醒已消除。")
