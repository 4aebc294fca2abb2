"""Renders every static public page again (after a deployment or a template change) and
removes copies of pages that no longer exist. Readers keep the old copy of each page until
its new one replaces it."""

import sys

from django.core.management.base import BaseCommand

from gongkai.pages import renderer


class Command(BaseCommand):
    help = "重新生成本机全部静态公开页面（显示进度）。"

    def handle(self, *args, **options):
        interactive = sys.stdout.isatty()

        def progress(done: int, total: int) -> None:
            every = max(1, total // (100 if interactive else 10))
            if done % every == 0 or done == total:
                self.stdout.write(_bar(done, total), ending="\r" if interactive else "\n")

        count = renderer.rebuild(progress=progress)
        if interactive:
            self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"静态页面已重新生成：{count} 个页面。"))


def _bar(done: int, total: int, width: int = 30) -> str:
    share = done / total if total else 1.0
    filled = int(width * share)
    return f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {share:4.0%}"
