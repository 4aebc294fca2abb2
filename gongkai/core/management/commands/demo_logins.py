from django.conf import settings
from django.core.management.base import BaseCommand

from gongkai.accounts import second_factor
from gongkai.accounts.demo import DEMO_LOGINS, DEMO_PASSWORD
from gongkai.accounts.models import AuthenticatorDevice


class Command(BaseCommand):
    help = "Print the demo staff logins, and how the demo accounts pass the second factor."

    def handle(self, *args, **options):
        self.stdout.write(f"演示账号（密码均为 {DEMO_PASSWORD}）：")
        secret = settings.SECOND_FACTOR_DEMO_SECRET
        confirmed = AuthenticatorDevice.objects.filter(confirmed=True)
        enrolled = set(confirmed.values_list("user__username", flat=True))
        for username, label in DEMO_LOGINS:
            mark = " *" if username in enrolled else ""
            self.stdout.write(f"  {username:<16} {label}{mark}")
        self.stdout.write(
            "  其他单位：<单位代码>-editor / -reviewer / -admin / -head，如 jyj-editor"
        )
        if not enrolled:
            return
        self.stdout.write("")
        self.stdout.write("标 * 的账号登录时还须输入动态口令（第二重验证）：")
        if secret:
            self.stdout.write(f"  演示密钥（仅限开发环境）：{secret}")
            self.stdout.write("  在手机验证器应用中“手动输入”此密钥（基于时间，6 位，30 秒），")
            self.stdout.write(
                f"  或输入此刻的动态口令 {second_factor.current_code(secret)}"
                "（每 30 秒变化；再次运行 python manage.py demo_logins 可看新的口令）。"
            )
        else:
            self.stdout.write("  这些账号在首次登录时设置动态口令（扫描页面上的二维码）。")
