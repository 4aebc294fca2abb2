"""`manage.py check_consistency`: exits 1 and lists every problem found (see
`operations.consistency`); exits 0 and says so when there is none."""

from django.core.management.base import BaseCommand, CommandError

from gongkai.operations import consistency


class Command(BaseCommand):
    help = (
        "核对数据库与文件、检索索引、答复期限和审计记录是否一致；发现问题时列出并以非零状态退出。"
    )

    def handle(self, *args, **options):
        problems = consistency.run_all()
        for problem in problems:
            self.stdout.write(str(problem))
        if problems:
            raise CommandError(f"发现 {len(problems)} 个不一致之处。")
        self.stdout.write("一致性检查通过：未发现问题。")
