"""`manage.py restore SRC`: a backup into an empty installation, proven against its manifest."""

from django.core.management.base import BaseCommand, CommandError

from gongkai.operations.backup import BackupError, restore


class Command(BaseCommand):
    help = "把备份恢复到空的安装（空数据库、空文件目录），并核对恢复后的内容与备份清单完全一致。"

    def add_arguments(self, parser):
        parser.add_argument("src", help="manage.py backup 写出的备份目录")

    def handle(self, *args, src, **options):
        try:
            manifest = restore(src)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"已恢复 {manifest['created_at']} 的备份，内容与备份清单一致。"
            "请接着运行 manage.py rebuild_search_index 建立本机检索索引。"
        )
