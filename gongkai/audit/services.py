"""Writing the audit trail. Call `record` inside the same transaction as the change it
describes, so that a change and its record commit or roll back together."""

from .models import AuditEvent

SYSTEM_ACTOR_LABEL = "系统"


def record(
    *, actor, action, target, from_state="", to_state="", reason="", data=None
) -> AuditEvent:
    """Append one event. `actor` may be None for the system (scheduled jobs, imports)."""
    return AuditEvent.objects.create(
        actor=actor,
        actor_label=_label(actor),
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_label=str(target)[:300],
        from_state=from_state or "",
        to_state=to_state or "",
        reason=reason or "",
        data=data or {},
    )


def changes(before: dict, after: dict) -> dict:
    """The fields whose values differ, as {field: [old, new]}, for the event's data."""
    return {
        key: [_plain(before.get(key)), _plain(after.get(key))]
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }


def _plain(value):
    return value if isinstance(value, str | int | float | bool | type(None)) else str(value)


def _label(actor):
    if actor is None:
        return SYSTEM_ACTOR_LABEL
    return actor.get_full_name() or actor.get_username()
