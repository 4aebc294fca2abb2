"""The consistency check an operator runs after a crash, a restore or an upgrade: does what
the database says agree with the files on disk, the search index, the statutory clocks and
the audit trail? Each check returns the problems it found, in words an operator can act on.

Run it while the platform is quiet: a publication committing in the middle of a check may
be reported once and is gone on the next run.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone


@dataclass(frozen=True)
class Problem:
    area: str
    message: str

    def __str__(self):
        return f"[{self.area}] {self.message}"


def run_all() -> list[Problem]:
    problems = []
    for check in CHECKS:
        problems.extend(check())
    return problems


def check_files() -> list[Problem]:
    """Every referenced stored file exists and still has its digest (core.files)."""
    from gongkai.core.files import verify_files

    return [Problem("文件", line) for line in verify_files()]


def check_search_index() -> list[Problem]:
    """Every published document and other public item (search.kinds) is in this node's index
    as published, or an index operation for it waits in the outbox; nothing else is in the
    index unless its removal waits too."""
    from gongkai.search import indexer, kinds
    from gongkai.search.models import IndexOperation

    # Read in this order so that work committing meanwhile is never taken for a loss: the
    # marker before the index it describes, the items before the operations after it.
    marker = indexer.read_marker()
    index = indexer.open_index()
    if marker is None or index is None:
        return [Problem("检索", "本机检索索引尚未建立，请运行 manage.py rebuild_search_index。")]
    indexed = index.indexed_days()
    published = _published_days()
    pending = {
        kinds.key(kind, pk)
        for kind, pk in IndexOperation.objects.filter(id__gt=marker).values_list(
            "kind", "document_id"
        )
    }
    problems = []
    for key, day in sorted(published.items()):
        if key in pending or indexed.get(key) == day:
            continue
        state = "不在检索索引中" if key not in indexed else "在检索索引中仍是旧版本"
        problems.append(Problem("检索", f"已发布{_named(key)} {state}，且没有待处理的索引操作。"))
    for key in sorted(indexed.keys() - published.keys() - pending):
        problems.append(
            Problem("检索", f"{_named(key)} 未发布，却仍在检索索引中，且没有待处理的删除操作。")
        )
    return problems


def _published_days() -> dict[int, int]:
    """Index key → the day each public item is indexed as published on."""
    from gongkai.publishing.models import Document
    from gongkai.search import kinds

    found = {
        pk: timezone.localtime(at).date().toordinal()
        for pk, at in Document.objects.published().values_list("pk", "published_at")
    }
    for source in kinds.ITEM_SOURCES:
        for doc in source.iterate():
            found[kinds.key(source.name, doc.id)] = doc.published_on.toordinal()
    return found


def _named(key: int) -> str:
    from gongkai.search import kinds

    source, pk = kinds.split(key)
    if source == kinds.DOCUMENT:
        return f"文件 {pk}"
    return f"{kinds.LABELS.get(kinds.SOURCES[source].kind, '清单条目')} {pk}"


def check_due_dates() -> list[Problem]:
    """Every open application's stored due date is the one its recorded facts give today."""
    from gongkai.applications.models import Application, Policy
    from gongkai.applications.services import current_calendar, reply_deadline_for

    calendar, policy = current_calendar(), Policy.current()
    problems = []
    applications = (
        Application.objects.open()
        .select_related("extension", "fee_notice")
        .prefetch_related("consultations")
        .order_by("id")
    )
    for application in applications:
        deadline = reply_deadline_for(application, calendar, policy)
        due = deadline.due if deadline else None
        provisional = deadline.provisional if deadline else False
        if (due, provisional) != (application.due_date, application.due_provisional):
            problems.append(
                Problem(
                    "期限",
                    f"申请 {application.tracking_number} 记录的答复期限为 {application.due_date}，"
                    f"按登记的事实重新计算应为 {due}。",
                )
            )
    return problems


def check_audit_chain() -> list[Problem]:
    """The audit trail's hash chain holds from its first kept event to its head."""
    from gongkai.audit.chain import verify_chain

    broken = verify_chain()
    return [Problem("审计", f"审计链在{broken}")] if broken else []


CHECKS: tuple[Callable[[], list[Problem]], ...] = (
    check_files,
    check_search_index,
    check_due_dates,
    check_audit_chain,
)
