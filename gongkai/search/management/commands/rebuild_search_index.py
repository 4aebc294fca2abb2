"""Rebuilds this node's search index from the database. Searches keep answering from the
old index until the rebuild commits."""

import sys

from django.core.management.base import BaseCommand

from gongkai.search import indexer


class Command(BaseCommand):
    help = (
        "从数据库重建本机检索索引（显示进度）：文件，以及征求意见、听证、会议、问答、"
        "新闻发布会、公开清单和执法公示。"
    )

    def handle(self, *args, **options):
        interactive = sys.stdout.isatty()

        def progress(done: int, total: int) -> None:
            every = max(1, total // (100 if interactive else 10))
            if done % every == 0 or done == total:
                self.stdout.write(_bar(done, total), ending="\r" if interactive else "\n")

        count = indexer.rebuild(progress=progress)
        if interactive:
            self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"检索索引已重建：{count} 项公开信息。"))


def _bar(done: int, total: int, width: int = 30) -> str:
    share = done / total if total else 1.0
    filled = int(width * share)
    return f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {share:4.0%}"
