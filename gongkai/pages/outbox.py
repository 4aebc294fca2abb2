"""Writing the render outbox inside the caller's transaction."""

from django.db import transaction

from .models import RenderOperation

# Any fixed number: the key of the PostgreSQL advisory lock that orders the render outbox.
_OUTBOX_LOCK_KEY = 0x9A6E5


def enqueue(subject: str, object_id: int | None = None) -> RenderOperation:
    """Record that the pages showing `subject` must be rendered again.

    As with the search outbox, ids must commit in order so a node's "applied up to" marker
    never skips a transaction that commits late: PostgreSQL hands out ids before commit, so
    hold a transaction-scoped lock from taking the id until commit (SQLite already
    serialises writers). Outside a transaction the row commits at once, which is also right.
    """
    if subject not in RenderOperation.Subject.values:
        raise ValueError(f"unknown render subject {subject!r}")
    connection = transaction.get_connection()
    if connection.vendor == "postgresql" and connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_OUTBOX_LOCK_KEY])
    return RenderOperation.objects.create(subject=subject, object_id=object_id)
