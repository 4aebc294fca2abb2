from django.core.management.base import BaseCommand

from gongkai.accounts.demo import DEMO_LOGINS, DEMO_PASSWORD


class Command(BaseCommand):
    help = "Print the demo staff logins."

    def handle(self, *args, **options):
        self.stdout.write(f"演示账号（密码均为 {DEMO_PASSWORD}）：")
        for username, label in DEMO_LOGINS:
            self.stdout.write(f"  {username:<14} {label}")
        self.stdout.write(
            "  其他单位：<单位代码>-editor / -reviewer / -admin / -head，如 jyj-editor"
        )
