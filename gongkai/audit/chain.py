"""The hash chain over the audit trail. Every event stores the SHA-256 of its own content and
of the event before it, so that changing, inserting or removing any event (or the newest ones)
breaks the chain at that point, and `verify_chain` names the first link that does not hold.

Appends are serialised through the single `ChainHead` row, locked in the writer's transaction:
on PostgreSQL with SELECT … FOR UPDATE, on SQLite by the write lock every write transaction
takes at BEGIN (the database runs in IMMEDIATE mode). Two writers therefore never chain to the
same predecessor, and a rolled-back change takes its event and the head's move back with it."""

import hashlib
import json
from dataclasses import dataclass

ALGORITHM = "sha256"
GENESIS = "0" * 64

# The fields a link covers, in this order. Adding a field needs a new algorithm name, so that
# older links still verify with the content they were made from.
CHAINED_FIELDS = (
    "sequence",
    "created_at",
    "actor_id",
    "actor_label",
    "action",
    "target_type",
    "target_id",
    "target_label",
    "from_state",
    "to_state",
    "reason",
    "data",
    "prev_hash",
)


@dataclass(frozen=True)
class BrokenLink:
    sequence: int
    event_id: int | None
    problem: str

    def __str__(self):
        where = f"第 {self.sequence} 条" + (f"（ID {self.event_id}）" if self.event_id else "")
        return f"{where}：{self.problem}"


def plain_data(data):
    """The event's data as the database gives it back, so the digest made before saving is the
    digest recomputed after reading."""
    return json.loads(json.dumps(data or {}, ensure_ascii=False))


def digest(event, algorithm=ALGORITHM) -> str:
    if algorithm != ALGORITHM:
        raise ValueError(f"未知的审计链算法：{algorithm}")
    content = {name: getattr(event, name) for name in CHAINED_FIELDS}
    content["created_at"] = event.created_at.isoformat(timespec="microseconds")
    payload = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()


def link(events) -> None:
    """Give unsaved events their place in the chain and their hashes. Call it inside the
    transaction that inserts them, so the head's lock is held until they are written."""
    from .models import ChainHead

    head = ChainHead.objects.select_for_update().filter(pk=ChainHead.SINGLETON).first()
    if head is None:
        head = ChainHead.objects.create(pk=ChainHead.SINGLETON)
    for event in events:
        event.data = plain_data(event.data)
        event.sequence = head.last_sequence + 1
        event.prev_hash = head.last_hash
        event.algorithm = ALGORITHM
        event.hash = digest(event)
        head.last_sequence, head.last_hash = event.sequence, event.hash
    head.save()


def verify_chain() -> BrokenLink | None:
    """The first link that does not hold, or None when the whole trail is intact (its every
    event unchanged, none inserted or removed, the newest one the head points to)."""
    from .models import AuditEvent, ChainHead

    head = ChainHead.objects.filter(pk=ChainHead.SINGLETON).first()
    expected_sequence = (head.purged_through if head else 0) + 1
    expected_prev = head.purged_hash if head else GENESIS
    events = AuditEvent.objects.order_by("sequence").iterator(chunk_size=2000)
    for event in events:
        problem = _problem(event, expected_sequence, expected_prev)
        if problem:
            return BrokenLink(expected_sequence, event.pk, problem)
        expected_sequence, expected_prev = event.sequence + 1, event.hash
    last = expected_sequence - 1
    if head is not None and (head.last_sequence, head.last_hash) != (last, expected_prev):
        return BrokenLink(last + 1, None, f"链尾应为第 {head.last_sequence} 条，记录缺失")
    return None


def _problem(event, expected_sequence, expected_prev):
    if event.sequence != expected_sequence:
        return f"序号不连续（应为 {expected_sequence}，实为 {event.sequence}），记录缺失或被插入"
    if event.prev_hash != expected_prev:
        return "与上一条的链接不符"
    try:
        recomputed = digest(event, event.algorithm)
    except ValueError as error:
        return str(error)
    if recomputed != event.hash:
        return "内容与其哈希值不符，记录已被改动"
    return None
