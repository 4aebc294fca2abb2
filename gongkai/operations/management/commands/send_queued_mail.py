"""`manage.py send_queued_mail`: sends the e-mail whose time has come (run every few
minutes from cron; applications_daily also sends after writing its reminders)."""

from django.core.management.base import BaseCommand

from gongkai.operations import mail


class Command(BaseCommand):
    help = (
        "发送待发送的电子邮件；发送失败的按 5、10、20、40、80 分钟间隔重试，仍失败则在工作台提示。"
    )

    def handle(self, *args, **options):
        sent, failed = mail.send_pending()
        self.stdout.write(f"已发送 {sent} 封，放弃 {failed} 封。")
