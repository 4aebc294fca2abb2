"""The search index follows publishing through its `document_changed` signal."""

from . import services


def enqueue_index_operation(sender, document_id, op, **kwargs):
    services.enqueue(document_id, op)
