from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand

from gongkai.core import files


class Command(BaseCommand):
    help = (
        "List stored files that nothing refers to and that are older than the grace period; "
        "with --delete, remove them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true", help="remove them (default: list)")
        parser.add_argument(
            "--grace-hours",
            type=float,
            default=settings.ORPHAN_FILE_GRACE_HOURS,
            help="only files older than this (default: ORPHAN_FILE_GRACE_HOURS)",
        )

    def handle(self, *args, delete, grace_hours, **options):
        found = files.orphans(grace=timedelta(hours=grace_hours))
        size = files.size_of(found)
        for path in found:
            self.stdout.write(str(path))
            if delete:
                path.unlink(missing_ok=True)
        verb = "已删除" if delete else "可删除（加 --delete 删除）"
        self.stdout.write(
            f"无引用且超过 {grace_hours:g} 小时的文件 {len(found)} 个，"
            f"共 {size / 1048576:.1f} MB，{verb}。"
        )
