"""Where the index reads documents from: the published face of `publishing.Document`.

Only published, proactively disclosed documents become `SearchDoc`s; an id that is not
(any more) published is simply absent from the result, and the indexer deletes it."""

from collections.abc import Iterable, Iterator

from gongkai.core.clock import local_date
from gongkai.publishing.models import Attachment, Document, RevisionStatus
from gongkai.units.models import Unit

from .engine import SearchDoc


def load_search_docs(ids: Iterable[int]) -> dict[int, SearchDoc]:
    """The published documents among `ids`, keyed by id."""
    # By primary key, then the published condition (see DocumentQuerySet.published_among).
    documents = Document.objects.prefetch_related("co_issuers").published_among(ids)
    return {doc.id: doc for doc in _to_search_docs(documents)}


def iter_search_docs(batch_size: int = 500) -> Iterator[SearchDoc]:
    """Every published document, in id order and in batches (for a full rebuild)."""
    last_id = 0
    while True:
        batch = list(_published().filter(pk__gt=last_id).order_by("pk")[:batch_size])
        if not batch:
            return
        yield from _to_search_docs(batch)
        last_id = batch[-1].pk


def published_count() -> int:
    return _published().count()


def _published():
    return Document.objects.published().prefetch_related("co_issuers")


def _to_search_docs(documents) -> list[SearchDoc]:
    documents = list(documents)
    parents = dict(Unit.objects.values_list("id", "parent_id"))
    texts = _attachment_texts([d.pk for d in documents])
    return [
        SearchDoc(
            id=d.pk,
            title=d.title,
            published_on=local_date(d.published_at),
            document_number=d.doc_number,
            index_number=d.index_number or "",
            summary=d.summary,
            body=d.body_text,
            attachments_text=texts.get(d.pk, ""),
            unit_ids=_with_ancestors([d.unit_id, *(u.pk for u in d.co_issuers.all())], parents),
            subject_category=d.subject,
            document_type=d.doc_type,
            statutory_category=d.statutory_category,
            validity=d.validity,
        )
        for d in documents
        if d.published_at is not None
    ]


def _attachment_texts(document_ids: list[int]) -> dict[int, str]:
    """The extracted text of the attachments of each document's published revision."""
    texts: dict[int, list[str]] = {}
    rows = (
        Attachment.objects.filter(
            revision__document_id__in=document_ids, revision__status=RevisionStatus.PUBLISHED
        )
        .order_by("revision__document_id", "order", "id")
        .values_list("revision__document_id", "text")
    )
    for document_id, text in rows:
        if text:
            texts.setdefault(document_id, []).append(text)
    return {k: "\n".join(v) for k, v in texts.items()}


def _with_ancestors(unit_ids: list[int], parents: dict[int, int | None]) -> tuple[int, ...]:
    found: list[int] = []
    for unit_id in unit_ids:
        current = unit_id
        while current is not None and current not in found:
            found.append(current)
            current = parents.get(current)
    return tuple(found)
