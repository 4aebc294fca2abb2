"""The first administrator accounts of an installation (or a replacement when none can log in):
run on the server by whoever operates it, recorded in the audit trail as done from the command
line. The password is read from the terminal, or from GONGKAI_NEW_PASSWORD for scripts."""

import getpass
import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from gongkai.accounts import services
from gongkai.accounts.roles import ADMINISTRATOR_ROLES
from gongkai.units.models import Unit


class Command(BaseCommand):
    help = "创建系统管理员、安全管理员或审计管理员账号（三员分立，每个账号只有一个管理员角色）"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=sorted(ADMINISTRATOR_ROLES))
        parser.add_argument("--name", required=True, help="姓名")
        parser.add_argument("--government", required=True, help="人民政府的单位代码")

    def handle(self, *args, **options):
        unit = Unit.objects.filter(code=options["government"]).first()
        if unit is None:
            raise CommandError(f"没有代码为 {options['government']} 的单位。")
        password = os.environ.get("GONGKAI_NEW_PASSWORD") or getpass.getpass("初始密码：")
        try:
            user = services.create_administrator(
                actor=None,
                username=options["username"],
                password=password,
                last_name=options["name"],
                unit=unit,
                role=options["role"],
            )
        except ValidationError as error:
            raise CommandError("；".join(error.messages)) from None
        self.stdout.write(f"已创建 {user.username}（{options['role']}），首次登录须修改密码。")
