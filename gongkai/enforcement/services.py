"""Registering, publishing and revoking enforcement decisions, and the office's statement of
where a unit's decisions live. Each change is audited in its own transaction."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q

from gongkai.accounts.permissions import require
from gongkai.accounts.roles import Role
from gongkai.accounts.scoping import is_independent
from gongkai.audit.services import record
from gongkai.core.clock import local_now, local_today
from gongkai.workdays.services import current_calendar

from . import rules
from .models import Decision, DecisionKind, DecisionSource, DecisionState, PartyKind

REQUIRED = {
    "number": "决定书文号",
    "title": "事项名称",
    "party_name": "当事人名称",
    "facts": "主要事实或许可内容",
    "basis": "依据",
    "outcome": "处理结果",
}


@transaction.atomic
def register(*, actor, unit, **fields) -> Decision:
    """An editor enters a decision; it is published only after an independent review."""
    require(actor, unit, Role.EDITOR)
    values = {k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items()}
    problems = {k: f"请填写{label}。" for k, label in REQUIRED.items() if not values.get(k)}
    if values.get("kind") not in DecisionKind.values:
        problems["kind"] = "请选择决定类别。"
    if values.get("party_kind") not in PartyKind.values:
        problems["party_kind"] = "请选择当事人类型。"
    decided_on = values.get("decided_on")
    if decided_on is None:
        problems["decided_on"] = "请填写决定日期。"
    elif decided_on > local_today():
        problems["decided_on"] = "决定日期不能晚于今天。"
    if Decision.objects.filter(unit=unit, number=values.get("number", "")).exists():
        problems["number"] = "本单位已登记过这个决定书文号。"
    if problems:
        raise ValidationError(problems)
    decision = Decision.objects.create(
        unit=unit,
        created_by=actor,
        due_on=rules.publication_due(current_calendar(), decided_on),
        **values,
    )
    record(actor=actor, action="enforcement.register", target=decision, to_state="draft")
    return decision


def _for_review(actor, decision) -> Decision:
    decision = Decision.objects.select_for_update().select_related("unit").get(pk=decision.pk)
    require(actor, decision.unit, Role.REVIEWER)
    return decision


@transaction.atomic
def publish(*, actor, decision) -> Decision:
    """Published today; late when today is past the deadline counted on the calendar."""
    decision = _for_review(actor, decision)
    if decision.state != DecisionState.DRAFT:
        raise ValidationError("该决定不在待审核状态。")
    if not is_independent(actor, [decision.created_by_id]):
        raise PermissionDenied("不能审核自己登记的执法决定，请由其他审核人员审核。")
    today = local_today()
    decision.state = DecisionState.PUBLISHED
    decision.published_at, decision.published_on = local_now(), today
    decision.is_late = rules.is_late(current_calendar(), decision.decided_on, today)
    decision.public_until = rules.public_until(decision.kind, today)
    decision.save()
    record(
        actor=actor,
        action="enforcement.publish",
        target=decision,
        from_state=DecisionState.DRAFT,
        to_state=DecisionState.PUBLISHED,
        data={"due_on": decision.due_on.isoformat(), "late": decision.is_late},
    )
    return decision


@transaction.atomic
def revoke(*, actor, decision, reason) -> Decision:
    """A revoked decision leaves the site at once; the record stays for the audit trail."""
    decision = _for_review(actor, decision)
    if decision.state != DecisionState.PUBLISHED:
        raise ValidationError("只有已公示的决定可以撤销公示。")
    if not (reason or "").strip():
        raise ValidationError({"reason": "请写明撤销原因（例如“经行政复议撤销”）。"})
    decision.state, decision.revoked_on = DecisionState.REVOKED, local_today()
    decision.revoke_reason = reason.strip()[:300]
    decision.save(update_fields=["state", "revoked_on", "revoke_reason"])
    record(
        actor=actor,
        action="enforcement.revoke",
        target=decision,
        from_state=DecisionState.PUBLISHED,
        to_state=DecisionState.REVOKED,
        reason=decision.revoke_reason,
    )
    return decision


@transaction.atomic
def set_source(*, actor, unit, all_on_platform: bool) -> DecisionSource:
    require(actor, unit, Role.OFFICE)
    source, _ = DecisionSource.objects.select_for_update().get_or_create(unit=unit)
    before = source.all_on_platform
    source.all_on_platform = bool(all_on_platform)
    source.save()
    record(
        actor=actor,
        action="enforcement.source",
        target=source,
        data={"all_on_platform": [before, source.all_on_platform]},
    )
    return source


# ---------------------------------------------------------------- the annual report

# Table 二 cells counted from the decisions, by decision kind.
TABLE2_CELLS = {
    DecisionKind.LICENCE: "licensing.decisions",
    DecisionKind.PENALTY: "penalty.decisions",
    DecisionKind.COERCION: "enforcement.decisions",
}


def all_on_platform(units) -> bool:
    units = list(units)
    flagged = DecisionSource.objects.filter(unit__in=units, all_on_platform=True).count()
    return bool(units) and flagged == len(units)


def decision_records(units, year) -> dict[str, list[int]]:
    """The decisions behind table 二's enforcement cells, when every covered unit publishes
    all its decisions here; otherwise nothing (the typed figure stands). A decision counts
    for the year it was made; revoking it later does not unmake it, so revoked decisions
    count too, as do those whose publication period has ended."""
    units = list(units)
    if not all_on_platform(units):
        return {}
    made = Decision.objects.filter(
        unit__in=units,
        decided_on__year=year,
        state__in=(DecisionState.PUBLISHED, DecisionState.REVOKED),
    )
    return {
        cell: list(made.filter(kind=kind).order_by("pk").values_list("pk", flat=True))
        for kind, cell in TABLE2_CELLS.items()
    }


@dataclass(frozen=True)
class Punctuality:
    """A unit's enforcement decisions of a year as the office checks them: how many were
    published, how many of those after their deadline, and how many still wait for
    publication past it."""

    published: int = 0
    late: int = 0
    overdue: int = 0

    @property
    def has_problems(self) -> bool:
        return bool(self.late or self.overdue)


def punctuality(units, year: int, today: date) -> dict[int, Punctuality]:
    """{unit id: Punctuality} for the units with any decision made in `year` (one query)."""
    counts = (
        Decision.objects.filter(unit__in=units, decided_on__year=year)
        .values("unit_id")
        .annotate(
            published=Count("pk", filter=Q(published_at__isnull=False)),
            late=Count("pk", filter=Q(published_at__isnull=False, is_late=True)),
            overdue=Count("pk", filter=Q(state=DecisionState.DRAFT, due_on__lt=today)),
        )
        .order_by()
    )
    return {
        row["unit_id"]: Punctuality(row["published"], row["late"], row["overdue"]) for row in counts
    }
