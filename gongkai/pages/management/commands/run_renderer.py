"""Keeps this node's static copies of public pages in step with the database. Run one per
node beside the application (in production as its own service; `make run` starts it)."""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from gongkai.pages import renderer


class Command(BaseCommand):
    help = "持续把页面生成队列应用到本机静态页面（--once 只处理当前积压后退出）。"

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="处理完当前积压后退出")
        parser.add_argument("--interval", type=float, default=0.5, help="空闲时的轮询间隔（秒）")

    def handle(self, *args, once=False, interval=0.5, **options):
        if renderer.read_marker() is None:
            self.stdout.write("本机静态页面尚未生成，先全部生成……")
            self.stdout.write(f"已生成 {renderer.rebuild()} 个页面。")
        while True:
            rendered = renderer.run_once()
            if rendered:
                self.stdout.write(f"已重新生成 {rendered} 个页面。")
                continue
            if once:
                return
            close_old_connections()
            time.sleep(interval)
