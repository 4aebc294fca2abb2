"""``document_changed`` is sent inside the transaction of every change the public can see
(publish, revision, withdrawal, validity), with ``document_id`` and ``op`` ("upsert" while
the document is public, "delete" once it is not). Receivers that keep a copy of public content
(the search index, the static pages) write their outbox rows in that same transaction, so a
change and the work it causes commit or roll back together; publishing never imports them."""

from django.dispatch import Signal

document_changed = Signal()
