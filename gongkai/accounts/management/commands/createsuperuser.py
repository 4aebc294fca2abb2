"""Refused: under 三员分立 no account stands above the roles, so there is no superuser."""

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "已停用：本平台不设超级用户。管理员账号用 create_administrator 创建。"

    def add_arguments(self, parser):
        parser.add_argument("args", nargs="*")
        parser.add_argument("--noinput", "--no-input", action="store_true")
        parser.add_argument("--username")
        parser.add_argument("--email")
        parser.add_argument("--database")

    def handle(self, *args, **options):
        raise CommandError(
            "本平台不设超级用户（三员分立）。请用 manage.py create_administrator "
            "创建系统管理员、安全管理员或审计管理员账号。"
        )
