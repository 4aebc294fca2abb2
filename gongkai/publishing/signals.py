"""``document_changed`` is sent inside the transaction of every change the public can see
(publish, revision, withdrawal, validity, urgent mark), with ``document_id``, ``op``
("upsert" while the document is public, "delete" once it is not) and ``sitewide`` (True when
the change shows on every public page: an urgent release's banner appears or is lifted).
Receivers that keep a copy of public content (the search index, the static pages) write their
outbox rows in that same transaction, so a change and the work it causes commit or roll back
together; publishing never imports them."""

from django.dispatch import Signal

document_changed = Signal()
