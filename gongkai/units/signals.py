"""``unit_moved`` is sent inside the transaction of a move in the unit tree, with
``unit_ids`` (the moved unit and everything under it). Whatever keeps a copy of the unit
ancestry (the search index filters by it) writes its outbox rows in that same transaction."""

from django.dispatch import Signal

unit_moved = Signal()
