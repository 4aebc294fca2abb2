from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from gongkai.applications.tokens import issue_token
from gongkai.units.models import Unit


class Command(BaseCommand):
    help = (
        "为一个单位签发 API 令牌，供其他平台登记政府信息公开申请。令牌只显示这一次，"
        "系统只保存其摘要。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="单位代码，如 fgj")
        parser.add_argument("--name", required=True, help="令牌名称，如使用该令牌的平台")

    def handle(self, *args, unit, name, **options):
        found = Unit.objects.filter(code=unit).first()
        if found is None:
            raise CommandError(f"没有代码为“{unit}”的单位。")
        try:
            _token, raw = issue_token(actor=None, unit=found, name=name)
        except ValidationError as error:
            raise CommandError("；".join(error.messages)) from None
        self.stdout.write(f"已为{found.full_name}签发令牌“{name.strip()}”（只显示这一次）：")
        self.stdout.write(raw)
