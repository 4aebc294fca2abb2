"""The search app's two doors: `enqueue` (publishing writes the outbox inside its own
transaction) and `search_published` (pages and the API read through it)."""

import functools
from dataclasses import replace
from datetime import date
from pathlib import Path

from django.db import transaction
from django.db.models import Q

from gongkai.core.clock import local_date

from . import engine, highlight, indexer, kinds
from .models import IndexOperation
from .query import parse

# Any fixed number: the key of the PostgreSQL advisory lock that orders the outbox.
_OUTBOX_LOCK_KEY = 0x5EA4C4


def enqueue(document_id: int, op: str, kind: str = "document") -> IndexOperation:
    """Record that the index must follow a change to item `document_id` of source `kind`
    (search.kinds; a publishing document by default).

    Must be called inside the caller's transaction: the operation then commits or rolls back
    together with the change it describes. Call it after the transaction has locked the rows
    it changes: from here to commit, transactions that enqueue run one at a time, so
    operation ids commit in order and the indexer never has to wait for a hole in the
    sequence (a missing id is always a rollback).
    """
    return enqueue_many([document_id], op, kind)[0]


def enqueue_many(ids, op: str, kind: str) -> list[IndexOperation]:
    """`enqueue` for several items of one source, in one statement."""
    if op not in IndexOperation.Op.values:
        raise ValueError(f"unknown index operation {op!r}")
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise RuntimeError("search.services.enqueue must run inside the caller's transaction")
    if connection.vendor == "postgresql":
        # SQLite already serialises writing transactions; PostgreSQL hands out ids before
        # commit, so hold a transaction-scoped lock from taking the id until commit.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_OUTBOX_LOCK_KEY])
    return IndexOperation.objects.bulk_create(
        IndexOperation(kind=kind, document_id=pk, op=op) for pk in ids
    )


# A day the daily job did not run is caught up by the next run within this many days.
EXPIRY_LOOKBACK_DAYS = 7


def enqueue_expired(today: date) -> int:
    """Queue the removal of items whose publication period ended before `today` (searches
    already leave them out: every hit is checked against the database)."""
    source = kinds.SOURCES["enforcement"]
    pks = list(
        source.expired(today, EXPIRY_LOOKBACK_DAYS).values_list("pk", flat=True).order_by("pk")
    )
    if pks:
        with transaction.atomic():
            enqueue_many(pks, IndexOperation.Op.UPSERT, source.name)
    return len(pks)


@functools.lru_cache(maxsize=4)
def _open(path: Path) -> engine.SearchIndex:
    # One reader per process; tantivy reloads it by itself shortly after each commit.
    return engine.SearchIndex(path, create=False)


# The indexer's marker as this process last saw it, per index folder.
_seen_marker: dict[Path, int] = {}


def _caught_up(path: Path, marker: int) -> engine.SearchIndex:
    """This process's reader, reloaded when the indexer's marker has moved since this
    process last looked: a search then sees at least everything up to `marker`, which is what
    lets a page cached under the marker (search.views) never be older than its key."""
    index = _open(path)
    if _seen_marker.get(path) != marker:
        index.reload()
        _seen_marker[path] = marker
    return index


def published_index() -> engine.SearchIndex | None:
    """This process's reader of the node's index, caught up with the indexer's marker; None
    when the index was never built on this node."""
    marker = indexer.read_marker()
    if marker is None or not engine.SearchIndex.exists(indexer.search_dir()):
        return None
    return _caught_up(indexer.search_dir(), marker)


def search_published(
    *,
    query: str,
    filters: engine.Filters | None = None,
    sort: str = "relevance",
    page: int = 1,
    page_size: int = 10,
    facets: bool = False,
) -> tuple[engine.SearchResult, bool, dict]:
    """Search published items; returns (result, from_index, the hits' items by hit id,
    loaded for listing: a document, or a `kinds.Listed`).

    Hits are checked against the database, so a withdrawn item disappears at once even
    before the indexer has caught up. Without an index (never built on this node) a slower
    database scan of documents answers instead, and `from_index` is False so pages can say so.
    """
    index = published_index()
    from_index = index is not None
    if from_index:
        result = index.search(query, filters, sort, page, page_size, facets=facets)
    else:
        result = _database_search(query, filters or engine.Filters(), page, page_size)
    items = _listed(h.id for h in result.hits)
    hits = [h for h in result.hits if h.id in items]
    total = result.total - (len(result.hits) - len(hits))
    return replace(result, hits=hits, total=total), from_index, items


def _listed(hit_ids) -> dict:
    """The public items among the hits, keyed by hit id: one query per source, which both
    checks the hits and loads what the pages show of them."""
    by_source: dict[str, list[int]] = {}
    for hit_id in hit_ids:
        source, pk = kinds.split(hit_id)
        by_source.setdefault(source, []).append(pk)
    found = {}
    for source, pks in by_source.items():
        items = kinds.SOURCES[source].listed(pks)
        found.update({kinds.key(source, pk): item for pk, item in items.items()})
    return found


def _documents():
    from gongkai.publishing.models import Document

    return Document.objects.all()


def _published():
    return _documents().published()


def _database_search(
    query: str, filters: engine.Filters, page: int, page_size: int
) -> engine.SearchResult:
    """A plain substring scan for when this node has no index: same terms, newest first."""
    terms = parse(query)
    page_size = min(max(1, engine.as_int(page_size, 10)), engine.MAX_PAGE_SIZE)
    page = max(1, engine.as_int(page, 1))
    documents = _published().order_by("-published_at", "-id")
    for term in terms:
        text = term.text.strip('"“”')
        documents = documents.filter(
            Q(title__icontains=text)
            | Q(doc_number__icontains=text)
            | Q(summary__icontains=text)
            | Q(body_text__icontains=text)
        )
    documents = _filtered(documents, filters)
    # Without an index only documents are found.
    other_kinds = filters.kinds and kinds.DOCUMENT not in filters.kinds
    if (not terms and filters.is_empty()) or other_kinds:
        documents = documents.none()
    total = documents.count()
    offset = (page - 1) * page_size
    pattern = highlight.compile_terms(t.units for t in terms)
    hits = [
        engine.Hit(
            id=d.pk,
            score=0.0,
            title_html=highlight.mark(d.title, pattern),
            snippet_html=highlight.snippet([d.summary, d.body_text], pattern),
            document_number_html=highlight.mark(d.doc_number, pattern),
            index_number=d.index_number or "",
            published_on=local_date(d.published_at),
        )
        for d in documents[offset : offset + page_size]
    ]
    return engine.SearchResult(
        total=total,
        hits=hits,
        page=page,
        page_size=page_size,
        terms=[t.text for t in terms],
        page_out_of_range=not hits and total > 0,
    )


def _filtered(documents, filters: engine.Filters):
    if filters.unit_ids:
        units = _with_descendants(filters.unit_ids)
        documents = documents.filter(Q(unit_id__in=units) | Q(co_issuers__in=units)).distinct()
    subjects = Q()
    for code in filters.subject_categories:
        subjects |= Q(subject=code) | Q(subject__startswith=f"{code}.")
    documents = documents.filter(subjects)
    if filters.document_types:
        documents = documents.filter(doc_type__in=filters.document_types)
    if filters.statutory_categories:
        documents = documents.filter(statutory_category__in=filters.statutory_categories)
    if filters.validities:
        documents = documents.filter(validity__in=filters.validities)
    if filters.years:
        documents = documents.filter(published_at__year__in=filters.years)
    if filters.day_from:
        documents = documents.filter(published_at__date__gte=date.fromordinal(filters.day_from))
    if filters.day_to:
        documents = documents.filter(published_at__date__lte=date.fromordinal(filters.day_to))
    return documents


def _with_descendants(unit_ids) -> set[int]:
    from gongkai.units.models import Unit

    children: dict[int | None, list[int]] = {}
    for unit_id, parent_id in Unit.objects.values_list("id", "parent_id"):
        children.setdefault(parent_id, []).append(unit_id)
    found, todo = set(), list(unit_ids)
    while todo:
        unit_id = todo.pop()
        if unit_id not in found:
            found.add(unit_id)
            todo.extend(children.get(unit_id, []))
    return found
