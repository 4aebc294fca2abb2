"""`manage.py status`: what `GET /healthz` reports, for a person at the terminal."""

import json

from django.core.management.base import BaseCommand, CommandError

from gongkai.operations import health

LABELS = {"ok": "正常", "warning": "需要注意", "error": "故障"}


class Command(BaseCommand):
    help = (
        "显示运行状态：数据库、检索索引与待处理索引操作、磁盘空间、"
        "定时任务（每日任务和舆情提级督办）最近一次运行。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="输出与 /healthz 相同的 JSON")

    def handle(self, *args, **options):
        report = health.snapshot()
        if options.get("json"):
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            self._print(report)
        if report["status"] == "error":
            raise CommandError("平台无法正常服务。")

    def _print(self, report):
        self.stdout.write(f"状态：{LABELS[report['status']]}")
        database = report["database"]
        self.stdout.write(
            f"数据库：{database['vendor']}，"
            + (f"{database['ms']} 毫秒响应" if database["ok"] else "无法连接")
        )
        if "search" in report:
            search = report["search"]
            self.stdout.write(
                f"检索索引：{'已建立' if search['built'] else '未建立'}，"
                f"已应用到第 {search['applied_upto']} 项操作，"
                f"待处理 {search['pending_operations']} 项"
                f"（最早的已等待 {search['oldest_pending_seconds']} 秒）"
            )
            for job, run in report["jobs"].items():
                last = run["last_started"] or "从未运行"
                outcome = {True: "成功", False: "未成功完成", None: ""}[run["succeeded"]]
                self.stdout.write(f"定时任务 {job}：最近一次 {last} {outcome}".rstrip())
        disk = report["disk"]
        self.stdout.write(
            f"磁盘：剩余 {disk['free_bytes'] / 2**30:.1f} GiB（{disk['free_fraction']:.0%}）"
        )
        for problem in report["problems"]:
            self.stdout.write(f"问题：{problem}")
