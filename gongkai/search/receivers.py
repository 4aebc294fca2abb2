"""The search index follows publishing through its `document_changed` signal, and the unit
tree through `unit_moved` (each document is indexed with its unit's ancestors)."""

from . import services


def enqueue_index_operation(sender, document_id, op, **kwargs):
    services.enqueue(document_id, op)


def reindex_moved_units(sender, unit_ids, **kwargs):
    from django.db.models import Q

    from gongkai.publishing.models import Document

    documents = (
        Document.objects.published()
        .filter(Q(unit_id__in=unit_ids) | Q(co_issuers__in=unit_ids))
        .values_list("pk", flat=True)
        .distinct()
        .order_by("pk")
    )
    for document_id in documents:
        services.enqueue(document_id, "upsert")
