"""Writing the audit trail. Call `record` inside the same transaction as the change it
describes, so that a change and its record commit or roll back together. Every event joins the
hash chain as it is saved (chain.py)."""

from contextlib import contextmanager
from contextvars import ContextVar

from .chain import BrokenLink, verify_chain
from .models import AuditEvent

SYSTEM_ACTOR_LABEL = "系统"
ANONYMOUS_ACTOR_LABEL = "未登录的访问者"

__all__ = ["BrokenLink", "acting_as", "changes", "current_actor", "record", "verify_chain"]

# Who is acting, for events written by model signals (role and password changes, unlocks),
# which cannot be handed an actor: a service sets it around the change, and the middleware
# sets it to the person making a request.
_actor: ContextVar = ContextVar("audit_actor", default=None)


@contextmanager
def acting_as(actor):
    """`actor` is a user, None for the system, or a function returning either (resolved only
    when an event needs it)."""
    token = _actor.set(actor)
    try:
        yield
    finally:
        _actor.reset(token)


def current_actor():
    actor = _actor.get()
    return actor() if callable(actor) else actor


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


def record_account_event(*, action, username, actor=None, anonymous=False, data=None):
    """An event about a login name, which may or may not belong to an account (a failed login
    names whatever was typed)."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username__iexact=username or "").first()
    return AuditEvent.objects.create(
        actor=actor,
        actor_label=ANONYMOUS_ACTOR_LABEL if anonymous else _label(actor),
        action=action,
        target_type="accounts.user",
        target_id=str(user.pk) if user else "",
        target_label=(str(username or ""))[:300],
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
