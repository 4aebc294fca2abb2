"""What every app's workflow shares: the transition check and the row lock.

Each app keeps its own transition table, ``{action: {(source, target), ...}}`` — the only
place that says which state may follow which (``None`` as the source: the record is being
created). Its named workflow functions lock the record with ``locked`` and change its state
with ``move``, or check a step with ``check`` before the record exists or changes."""

from django.core.exceptions import ValidationError

NO_STATE = "无"


def _refused(source, label):
    shown = label or (NO_STATE if source is None else source)
    return ValidationError(f"当前状态为“{shown}”，不能执行此操作。", code="transition")


def _label(obj, field):
    return getattr(obj, f"get_{field}_display")() if getattr(obj, field) is not None else None


def check(table, action, source, target, label=None):
    """Refuse a step ``table`` does not allow for ``action``; ``label`` names the current
    state to the user (its display name)."""
    if (source, target) not in table[action]:
        raise _refused(source, label)


def check_startable(obj, table, action, *, field="status"):
    """Refuse at once, before anything else is checked, when no step of ``action`` starts
    from ``obj``'s state."""
    source = getattr(obj, field)
    if not any(start == source for start, _target in table[action]):
        raise _refused(source, _label(obj, field))


def move(obj, table, action, target, *, field="status"):
    """Set ``obj``'s state (``field``) to ``target`` if ``table`` allows it for ``action``, and
    return the state before; otherwise raise ValidationError and change nothing. Saving is the
    caller's, with whatever else the step changes."""
    source = getattr(obj, field)
    check(table, action, source, target, _label(obj, field))
    setattr(obj, field, target)
    return source


def locked(model, pk, *related):
    """The record, its row locked until the transaction ends, with ``related`` read along.
    Only its own row is locked (``of=("self",)``): the related rows are read, not changed,
    and PostgreSQL refuses FOR UPDATE on the nullable side of an outer join."""
    return model.objects.select_for_update(of=("self",)).select_related(*related).get(pk=pk)
