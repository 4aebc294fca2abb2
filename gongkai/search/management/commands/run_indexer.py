"""Keeps this node's search index in step with the database. Run one per application node
(in production as its own long-running service; `make run` starts it in the background)."""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from gongkai.search import indexer


class Command(BaseCommand):
    help = "持续把索引操作应用到本机检索索引（--once 只处理当前积压后退出）。"

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="处理完当前积压后退出")
        parser.add_argument("--interval", type=float, default=1.0, help="空闲时的轮询间隔（秒）")

    def handle(self, *args, once=False, interval=1.0, **options):
        index = indexer.open_index()
        if index is None:
            self.stdout.write("本机检索索引尚未建立，先从数据库重建……")
            count = indexer.rebuild()
            self.stdout.write(f"已重建索引：{count} 项公开信息。")
            index = indexer.open_index()
        worker = indexer.Indexer(index)
        while True:
            try:
                applied = worker.run_once()
            except ValueError as exc:
                if not indexer.is_lock_busy(exc):
                    raise
                self.stderr.write("索引正被其他进程（如重建）写入，稍后重试。")
                applied = 0
            if applied:
                self.stdout.write(f"已应用 {applied} 项索引操作。")
                continue
            if once:
                return
            close_old_connections()
            time.sleep(interval)
