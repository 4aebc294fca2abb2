from django.core.management.base import BaseCommand

from gongkai.concerns.workflow import escalate_late
from gongkai.operations import jobs


class Command(BaseCommand):
    help = (
        "政务舆情超时提级督办：首次回应、完整回应或转办报告超过时限的，提交上一级督办。"
        "每15分钟运行一次。"
    )

    def handle(self, *args, **options):
        with jobs.recorded("concerns_escalate") as run:
            done = escalate_late()
            run.summary = f"提级督办 {len(done)} 件次"
        self.stdout.write(f"提级督办 {len(done)} 件次。")
