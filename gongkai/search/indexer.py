"""Applying the outbox to this node's index, and reporting how far behind it is.

Each node keeps its index in ``<search dir>/<schema version>/`` and, next to it, a marker file
saying up to which `IndexOperation` id it has applied the log. `services.enqueue` makes ids
commit in order, so everything up to the highest id seen is settled. The marker is written
only after the index commit, so a crash in between re-applies a few operations on restart —
harmless, because applying an operation does not replay it: it loads the item's
*current* state and indexes it if public, deletes it otherwise.
"""

import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from django.conf import settings

from . import engine, kinds
from .models import IndexOperation

BATCH_SIZE = 500
WRITER_RETRIES = 30


def search_dir() -> Path:
    configured = getattr(settings, "SEARCH_INDEX_DIR", "")
    return Path(configured) if configured else Path(settings.DATA_DIR) / "search"


def _marker_path() -> Path:
    return search_dir() / f"applied-{engine.SCHEMA_VERSION}.json"


def read_marker() -> int | None:
    """The last applied operation id, or None when this node's index was never built."""
    try:
        return int(json.loads(_marker_path().read_text())["applied_upto"])
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        return None


def write_marker(applied_upto: int) -> None:
    path = _marker_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"applied_upto": applied_upto}))
    os.replace(tmp, path)


def is_lock_busy(exc: Exception) -> bool:
    """tantivy reports a writer held by another process as a ValueError about its lock."""
    return "lock" in str(exc).lower()


def index_exists() -> bool:
    """Whether this node's index has been built (cheap: no index is opened)."""
    return read_marker() is not None and engine.SearchIndex.exists(search_dir())


def open_index(*, create: bool = False) -> engine.SearchIndex | None:
    """This node's index, or None when it has not been built."""
    if not create and not index_exists():
        return None
    return engine.SearchIndex(search_dir())


def latest_operation_id() -> int:
    return IndexOperation.objects.order_by("-id").values_list("id", flat=True).first() or 0


class Indexer:
    """Applies the operations after the marker to one index, in id order."""

    def __init__(self, index: engine.SearchIndex):
        self.index = index

    def run_once(self, limit: int = BATCH_SIZE) -> int:
        """Apply up to `limit` pending operations; returns how many."""
        marker = read_marker() or 0
        ops = list(
            IndexOperation.objects.filter(id__gt=marker)
            .order_by("id")
            .values_list("id", "kind", "document_id")[:limit]
        )
        if not ops:
            return 0
        by_source: dict[str, set[int]] = {}
        for _op_id, kind, item_id in ops:
            by_source.setdefault(kind, set()).add(item_id)
        upserts, deletes = [], []
        for kind, ids in by_source.items():
            docs = load(kind, ids)
            upserts.extend(docs.values())
            deletes.extend(kinds.key(kind, pk) for pk in ids - docs.keys())
        self.index.apply(upserts=upserts, deletes=deletes)
        write_marker(ops[-1][0])
        return len(ops)


def load(kind: str, ids) -> dict[int, engine.SearchDoc]:
    """The public items of one source among `ids`, keyed by item id, with index keys."""
    found = kinds.SOURCES[kind].load(ids)
    if kind == kinds.DOCUMENT:
        return found
    return {pk: replace(doc, id=kinds.key(kind, pk)) for pk, doc in found.items()}


def iter_all() -> Iterator[engine.SearchDoc]:
    """Every public item of every source, with index keys (for a full rebuild)."""
    for source in kinds.SOURCES.values():
        for doc in source.iterate():
            yield (
                doc
                if source.name == kinds.DOCUMENT
                else replace(doc, id=kinds.key(source.name, doc.id))
            )


def public_count() -> int:
    return sum(source.count() for source in kinds.SOURCES.values())


def rebuild(progress=None) -> int:
    """Rebuild this node's index from the database (every source of search.kinds); returns
    the number of items.

    Readers keep the old contents until the single commit at the end. Operations recorded
    while the rebuild runs are applied afterwards by the indexer (harmless if already in).
    """
    # Every operation up to here has committed; its change is what the rebuild reads.
    start_marker = latest_operation_id()
    total = public_count()
    index = engine.SearchIndex(search_dir())

    def counted():
        for done, doc in enumerate(iter_all(), start=1):
            if progress is not None:
                progress(done, total)
            yield doc

    for attempt in range(WRITER_RETRIES):
        try:
            count = index.index_documents(counted(), replace_all=True)
            break
        except ValueError as exc:
            # The running indexer holds the writer for a moment at a time.
            if not is_lock_busy(exc) or attempt == WRITER_RETRIES - 1:
                raise
            time.sleep(1)
    write_marker(start_marker)
    return count


@dataclass(frozen=True)
class IndexStatus:
    built: bool
    applied_upto: int
    latest: int
    behind: int
    documents: int

    @property
    def message(self) -> str:
        if not self.built:
            return "检索索引尚未建立：检索结果可能不完整，请运行 manage.py rebuild_search_index。"
        if self.behind:
            return f"检索索引落后 {self.behind} 项操作，索引程序处理后即可检索到最新内容。"
        return f"检索索引已是最新（{self.documents} 项公开信息）。"


def status() -> IndexStatus:
    """How this node's index stands against the outbox (for the console)."""
    marker = read_marker()
    latest = latest_operation_id()
    index = open_index()
    if index is None:
        return IndexStatus(False, 0, latest, latest, 0)
    behind = IndexOperation.objects.filter(id__gt=marker).count()
    return IndexStatus(True, marker, latest, behind, index.doc_count)
