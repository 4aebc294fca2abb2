"""Takes out of the search index what leaves the public face with the date alone: enforcement
decisions whose publication period has ended. Run once a day (after midnight)."""

from django.core.management.base import BaseCommand

from gongkai.core.clock import local_today
from gongkai.operations import jobs
from gongkai.search import services


class Command(BaseCommand):
    help = "把公示期已满的执法决定移出站内检索（每天运行一次）。"

    def handle(self, *args, **options):
        with jobs.recorded("search_daily") as run:
            count = services.enqueue_expired(local_today())
            run.summary = f"移出检索 {count} 项"
        self.stdout.write(f"公示期已满、移出检索 {count} 项。")
