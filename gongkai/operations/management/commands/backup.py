"""`manage.py backup DEST`: the database, the uploaded files and a manifest of digests."""

from django.core.management.base import BaseCommand, CommandError

from gongkai.operations.backup import BackupError, backup


class Command(BaseCommand):
    help = "备份数据库（SQLite 备份接口或 pg_dump）、上传的文件和加密密钥指纹，附 SHA-256 清单。"

    def add_arguments(self, parser):
        parser.add_argument("dest", help="新的或空的备份目录")

    def handle(self, *args, dest, **options):
        try:
            manifest = backup(dest)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(t["rows"] for t in manifest["tables"].values())
        self.stdout.write(
            f"已备份到 {dest}：{len(manifest['tables'])} 张表 {rows} 行，"
            f"{len(manifest['files'])} 个文件；清单见 manifest.json。"
        )
