"""Every state change of a catalogue of major decisions and of its decisions, one named
function each.

Each takes keyword arguments including ``actor``, checks the actor's role through
``accounts.permissions``, checks the transition against ``CATALOGUE_TRANSITIONS`` or
``DECISION_TRANSITIONS`` (the only place that says which state may follow which), changes the
rows in one transaction with the row locked, and writes the audit event. Bad input raises
``ValidationError`` with a Chinese message and changes nothing; a wrong role raises
``PermissionDenied``.

Who acts: the government's editors (or its openness office) draft the catalogue and add or
take out decisions; a reviewer of the government (or the office) who drafted none of it
publishes it; the responsible unit's editors (or the office) record each step as it is done
and link the published decision.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max

from gongkai.accounts import scoping
from gongkai.accounts.permissions import require
from gongkai.accounts.roles import Role
from gongkai.audit.services import record
from gongkai.core.clock import local_date, local_now, local_today
from gongkai.pages import outbox
from gongkai.pages.models import RenderOperation

from .models import (
    Catalogue,
    CatalogueState,
    Decision,
    DecisionState,
    Step,
    StepKind,
)

C, D = CatalogueState, DecisionState
CATALOGUE_TRANSITIONS = {
    "create_catalogue": {(None, C.DRAFT)},
    "publish_catalogue": {(C.DRAFT, C.PUBLISHED)},
}
DECISION_TRANSITIONS = {
    "add_decision": {(None, D.PLANNED)},
    "record_step": {(D.PLANNED, D.UNDERWAY), (D.UNDERWAY, D.UNDERWAY)},
    "record_decision": {(D.PLANNED, D.DECIDED), (D.UNDERWAY, D.DECIDED)},
    "publish_decision": {(D.DECIDED, D.PUBLISHED)},
    "withdraw_decision": {(D.PLANNED, D.WITHDRAWN), (D.UNDERWAY, D.WITHDRAWN)},
}
# Drafting and publishing the catalogue happen in the government; steps in the unit.
DRAFTING_ROLES = (Role.EDITOR, Role.OFFICE)
PUBLISHING_ROLES = (Role.REVIEWER, Role.OFFICE)
STEP_ROLES = (Role.EDITOR, Role.OFFICE)
# Steps recorded one by one; 集体讨论决定 is recorded by record_decision.
PREPARATORY_STEPS = (StepKind.PARTICIPATION, StepKind.EXPERTS, StepKind.RISK, StepKind.LEGALITY)


def allowed_actions(decision) -> set[str]:
    """Names of the transitions possible from the decision's current state."""
    return {
        name
        for name, edges in DECISION_TRANSITIONS.items()
        if any(source == decision.state for source, _target in edges)
    }


def _move(obj, table, action, target):
    if (obj.state, target) not in table[action]:
        raise ValidationError(
            f"当前状态（{obj.get_state_display()}）下不能进行此操作。", code="transition"
        )
    before = obj.state
    obj.state = target
    return before


def _pages_changed():
    """The decisions' public pages follow the render outbox's site pages."""
    outbox.enqueue(RenderOperation.Subject.SITE)


def _require_text(value, message, field):
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


# ---------------------------------------------------------------- the catalogue


@transaction.atomic
def create_catalogue(*, actor, government, year, note="") -> Catalogue:
    """Open the year's catalogue of a government (one a year), as a draft."""
    require(actor, government, *DRAFTING_ROLES)
    if not government.is_government:
        raise ValidationError({"government": "重大行政决策事项目录由人民政府编制。"})
    this_year = local_today().year
    if not isinstance(year, int) or not this_year - 1 <= year <= this_year + 1:
        raise ValidationError({"year": f"年度应为{this_year - 1}年至{this_year + 1}年之间。"})
    if Catalogue.objects.filter(government=government, year=year).exists():
        raise ValidationError({"year": f"{government.short_name}{year}年度的目录已经存在。"})
    catalogue = Catalogue(
        government=government, year=year, note=(note or "").strip(), created_by=actor
    )
    catalogue.state = None
    _move(catalogue, CATALOGUE_TRANSITIONS, "create_catalogue", C.DRAFT)
    catalogue.save()
    record(actor=actor, action="decisions.create_catalogue", target=catalogue, to_state=C.DRAFT)
    return catalogue


def _catalogue_drafters(catalogue) -> list[int]:
    return [catalogue.created_by_id, *catalogue.decisions.values_list("created_by_id", flat=True)]


@transaction.atomic
def publish_catalogue(*, actor, catalogue) -> Catalogue:
    """Publish the catalogue; whoever drafted it or added a decision may not."""
    catalogue = (
        Catalogue.objects.select_for_update().select_related("government").get(pk=catalogue.pk)
    )
    require(actor, catalogue.government, *PUBLISHING_ROLES)
    if not scoping.is_independent(actor, _catalogue_drafters(catalogue)):
        raise PermissionDenied("不能公布自己编制的目录，请由其他审核人员公布。")
    if not catalogue.decisions.exists():
        raise ValidationError("目录中还没有决策事项。")
    before = _move(catalogue, CATALOGUE_TRANSITIONS, "publish_catalogue", C.PUBLISHED)
    catalogue.published_at = local_now()
    catalogue.published_on = local_today()
    catalogue.save()
    record(
        actor=actor,
        action="decisions.publish_catalogue",
        target=catalogue,
        from_state=before,
        to_state=C.PUBLISHED,
        data={"decisions": catalogue.decisions.count()},
    )
    _pages_changed()
    return catalogue


# ---------------------------------------------------------------- decisions in it


def _clean_steps(steps, planned_on):
    """`steps`: {kind: {"required": bool, "planned_on": date | None}} for the preparatory
    steps; 集体讨论决定 always applies. Every planned step comes before the collective
    discussion, and legality review after public participation."""
    cleaned = {}
    for kind in StepKind.values:
        given = (steps or {}).get(kind, {})
        required = kind == StepKind.COLLECTIVE or bool(given.get("required", True))
        cleaned[kind] = {"required": required, "planned_on": given.get("planned_on")}
    collective = cleaned[StepKind.COLLECTIVE]["planned_on"] or planned_on
    problems = {}
    for kind, step in cleaned.items():
        day = step["planned_on"]
        if kind == StepKind.COLLECTIVE or not step["required"] or day is None:
            continue
        if collective and day > collective:
            label = StepKind(kind).label
            problems[f"step_{kind}"] = f"{label}应安排在集体讨论决定之前。"
    participation = cleaned[StepKind.PARTICIPATION]
    legality = cleaned[StepKind.LEGALITY]
    if (
        participation["required"]
        and legality["required"]
        and participation["planned_on"]
        and legality["planned_on"]
        and legality["planned_on"] < participation["planned_on"]
    ):
        problems[f"step_{StepKind.LEGALITY}"] = "合法性审查应在公众参与之后。"
    if problems:
        raise ValidationError(problems)
    return cleaned


@transaction.atomic
def add_decision(
    *,
    actor,
    catalogue,
    title,
    unit,
    legal_basis,
    summary="",
    planned_on=None,
    steps=None,
    reason="",
) -> Decision:
    """List a decision in the catalogue with its planned steps. Once the catalogue is
    published this is an adjustment (目录调整) and needs its reason."""
    catalogue = (
        Catalogue.objects.select_for_update().select_related("government").get(pk=catalogue.pk)
    )
    require(actor, catalogue.government, *DRAFTING_ROLES)
    problems = {}
    if not (title or "").strip():
        problems["title"] = "请填写决策事项名称。"
    if not (legal_basis or "").strip():
        problems["legal_basis"] = "请填写决策依据。"
    if unit is None or unit.government_id != catalogue.government_id or not unit.is_active:
        problems["unit"] = "承办单位应为本级政府或其所属单位。"
    if planned_on is not None and planned_on.year > catalogue.year + 1:
        problems["planned_on"] = "计划完成时间过远，请核对年度。"
    adjusting = catalogue.state == C.PUBLISHED
    if adjusting and not (reason or "").strip():
        problems["reason"] = "目录已公布，新增事项请写明调整理由。"
    if problems:
        raise ValidationError(problems)
    cleaned = _clean_steps(steps, planned_on)
    number = (catalogue.decisions.aggregate(m=Max("number"))["m"] or 0) + 1
    decision = Decision(
        catalogue=catalogue,
        number=number,
        title=title.strip(),
        unit=unit,
        legal_basis=legal_basis.strip(),
        summary=(summary or "").strip(),
        planned_on=planned_on,
        created_by=actor,
        added_on=local_today(),
        adjustment_reason=(reason or "").strip()[:300] if adjusting else "",
    )
    decision.state = None
    _move(decision, DECISION_TRANSITIONS, "add_decision", D.PLANNED)
    decision.save()
    Step.objects.bulk_create(
        Step(decision=decision, kind=kind, **values) for kind, values in cleaned.items()
    )
    record(
        actor=actor,
        action="decisions.add_decision",
        target=decision,
        to_state=D.PLANNED,
        reason=decision.adjustment_reason,
        data={
            "catalogue": catalogue.pk,
            "steps": {
                k: [v["required"], v["planned_on"].isoformat() if v["planned_on"] else None]
                for k, v in cleaned.items()
            },
        },
    )
    if adjusting:
        _pages_changed()
    return decision


def _locked(decision) -> Decision:
    return (
        Decision.objects.select_for_update()
        .select_related("catalogue__government", "unit")
        .get(pk=decision.pk)
    )


def _require_published_catalogue(decision):
    if decision.catalogue.state != C.PUBLISHED:
        raise ValidationError("目录公布后才能登记决策程序的履行情况。")


@transaction.atomic
def record_step(*, actor, decision, kind, done_on, note) -> Step:
    """The responsible unit records that a preparatory step was done, when and how."""
    decision = _locked(decision)
    require(actor, decision.unit, *STEP_ROLES)
    _require_published_catalogue(decision)
    if kind not in PREPARATORY_STEPS:
        raise ValidationError({"kind": "请选择公众参与、专家论证、风险评估或合法性审查。"})
    step = decision.steps.get(kind=kind)
    if not step.required:
        raise ValidationError({"kind": f"该事项不需要{step.get_kind_display()}。"})
    if done_on is None or done_on > local_today():
        raise ValidationError({"done_on": "请填写完成时间，且不能晚于今天。"})
    note = _require_text(note, "请写明履行情况（例如征求意见的方式和收到的意见数）。", "note")
    before = _move(decision, DECISION_TRANSITIONS, "record_step", D.UNDERWAY)
    decision.save(update_fields=["state"])
    previous = step.done_on
    step.done_on, step.note = done_on, note
    step.save(update_fields=["done_on", "note"])
    record(
        actor=actor,
        action="decisions.record_step",
        target=decision,
        from_state=before,
        to_state=D.UNDERWAY,
        data={
            "step": kind,
            "done_on": [previous.isoformat() if previous else None, done_on.isoformat()],
        },
    )
    _pages_changed()
    return step


@transaction.atomic
def record_decision(*, actor, decision, decided_on, note, meeting=None) -> Decision:
    """集体讨论决定: only once every required preparatory step is done, none after it."""
    decision = _locked(decision)
    require(actor, decision.unit, *STEP_ROLES)
    _require_published_catalogue(decision)
    if decided_on is None or decided_on > local_today():
        raise ValidationError({"decided_on": "请填写决定日期，且不能晚于今天。"})
    note = _require_text(note, "请写明集体讨论决定的会议和结果。", "note")
    steps = {s.kind: s for s in decision.steps.all()}
    missing = [
        s.get_kind_display()
        for kind, s in steps.items()
        if kind != StepKind.COLLECTIVE and s.required and s.done_on is None
    ]
    if missing:
        raise ValidationError(f"尚未完成：{'、'.join(missing)}，不能提交集体讨论决定。")
    late = [
        s.get_kind_display()
        for kind, s in steps.items()
        if kind != StepKind.COLLECTIVE and s.done_on and s.done_on > decided_on
    ]
    if late:
        raise ValidationError({"decided_on": f"决定日期早于{'、'.join(late)}的完成时间。"})
    before = _move(decision, DECISION_TRANSITIONS, "record_decision", D.DECIDED)
    decision.decided_on = decided_on
    decision.save(update_fields=["state", "decided_on"])
    collective = steps[StepKind.COLLECTIVE]
    collective.done_on, collective.note = decided_on, note
    collective.save(update_fields=["done_on", "note"])
    record(
        actor=actor,
        action="decisions.record_decision",
        target=decision,
        from_state=before,
        to_state=D.DECIDED,
        data={"decided_on": decided_on.isoformat()},
    )
    _pages_changed()
    return decision


@transaction.atomic
def publish_decision(*, actor, decision, document) -> Decision:
    """Link the published decision: a published document of the responsible unit or of the
    government (its interpretations follow from the publishing app)."""
    decision = _locked(decision)
    require(actor, decision.unit, *STEP_ROLES)
    allowed = scoping.linkable_documents(decision.unit) | scoping.linkable_documents(
        decision.catalogue.government
    )
    if document is None or not allowed.filter(pk=document.pk).exists():
        raise ValidationError({"document": "请选择承办单位或本级政府发布的文件。"})
    if not document.is_published:
        raise ValidationError({"document": "该文件尚未发布。"})
    before = _move(decision, DECISION_TRANSITIONS, "publish_decision", D.PUBLISHED)
    decision.document = document
    decision.published_on = local_date(document.published_at)
    decision.save(update_fields=["state", "document", "published_on"])
    record(
        actor=actor,
        action="decisions.publish_decision",
        target=decision,
        from_state=before,
        to_state=D.PUBLISHED,
        data={"document": document.pk},
    )
    _pages_changed()
    return decision


@transaction.atomic
def withdraw_decision(*, actor, decision, reason) -> Decision:
    """Take a decision out of the catalogue (目录调整); it stays listed, saying so and why."""
    decision = _locked(decision)
    require(actor, decision.catalogue.government, *DRAFTING_ROLES)
    reason = _require_text(reason, "请写明调出目录的原因。", "reason")[:300]
    before = _move(decision, DECISION_TRANSITIONS, "withdraw_decision", D.WITHDRAWN)
    decision.withdrawn_on, decision.withdrawal_reason = local_today(), reason
    decision.save(update_fields=["state", "withdrawn_on", "withdrawal_reason"])
    record(
        actor=actor,
        action="decisions.withdraw_decision",
        target=decision,
        from_state=before,
        to_state=D.WITHDRAWN,
        reason=reason,
    )
    if decision.catalogue.state == C.PUBLISHED:
        _pages_changed()
    return decision
