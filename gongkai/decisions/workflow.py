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

import re
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max

from gongkai.accounts import scoping
from gongkai.accounts.permissions import has_role, require
from gongkai.accounts.roles import Role
from gongkai.audit.services import changes, record
from gongkai.core.clock import local_date, local_now, local_today
from gongkai.core.crypto import lookup_hash
from gongkai.core.workflow import locked, move
from gongkai.pages import outbox
from gongkai.pages.models import RenderOperation
from gongkai.publishing import pii
from gongkai.workdays.services import current_calendar

from . import rules
from .models import (
    AgendaItem,
    Attendee,
    AttendeeKind,
    Catalogue,
    CatalogueState,
    Decision,
    DecisionState,
    Hearing,
    HearingState,
    Meeting,
    MeetingKind,
    MeetingState,
    ParticipantKind,
    Registration,
    SelectionRule,
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
    # The plan of a step (whether it applies, when) is adjusted until the decision is taken.
    "plan_step": {(D.PLANNED, D.PLANNED), (D.UNDERWAY, D.UNDERWAY)},
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


def allowed(obj, table) -> set[str]:
    """Names of the transitions of `table` possible from the object's current state."""
    return {
        name
        for name, edges in table.items()
        if any(source == obj.state for source, _target in edges)
    }


def allowed_actions(decision) -> set[str]:
    return allowed(decision, DECISION_TRANSITIONS)


def _move(obj, table, action, target):
    return move(obj, table, action, target, field="state")


def _pages_changed():
    """The decisions' public pages are static copies (pages.registry.decision_pages)."""
    outbox.enqueue(RenderOperation.Subject.DECISIONS)


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
    catalogue = locked(Catalogue, catalogue.pk, "government")
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
    catalogue = locked(Catalogue, catalogue.pk, "government")
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
    return locked(Decision, decision.pk, "catalogue__government", "unit")


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


def _plan_of(step) -> dict:
    return {"required": step.required, "planned_on": step.planned_on}


@transaction.atomic
def plan_step(*, actor, decision, kind, required, planned_on, reason="") -> Step:
    """Adjust a step's plan after the decision was listed: whether it applies and when it is
    planned. Those who list decisions in the catalogue, or the responsible unit, may do it
    until the decision is taken; a step already done keeps its plan, 集体讨论决定 always
    applies, and the order rules hold as when it was listed. Once the catalogue is published
    this is an adjustment (目录调整) and needs its reason."""
    decision = _locked(decision)
    government = decision.catalogue.government
    if not (
        has_role(actor, government, *DRAFTING_ROLES) or has_role(actor, decision.unit, *STEP_ROLES)
    ):
        raise PermissionDenied("您没有调整该事项决策程序的权限。")
    _move(decision, DECISION_TRANSITIONS, "plan_step", decision.state)
    if kind not in StepKind.values:
        raise ValidationError({"kind": "请选择决策程序。"})
    steps = {s.kind: s for s in decision.steps.select_for_update()}
    step = steps[kind]
    required, reason = bool(required), (reason or "").strip()
    problems = {}
    if kind == StepKind.COLLECTIVE and not required:
        problems["required"] = "集体讨论决定是必经程序。"
    if step.done_on is not None:
        problems["kind"] = f"{step.get_kind_display()}已履行，不能再调整计划。"
    elif (step.required, step.planned_on) == (required, planned_on):
        problems["planned_on"] = "与原安排相同，无需调整。"
    if decision.catalogue.state == C.PUBLISHED and not reason:
        problems["reason"] = "目录已公布，调整决策程序安排请写明理由。"
    if problems:
        raise ValidationError(problems)
    plan = {k: _plan_of(s) for k, s in steps.items()}
    plan[kind] = {"required": required, "planned_on": planned_on}
    _clean_steps(plan, decision.planned_on)
    before = _plan_of(step)
    step.required, step.planned_on = required, planned_on
    step.save(update_fields=["required", "planned_on"])
    record(
        actor=actor,
        action="decisions.plan_step",
        target=decision,
        from_state=decision.state,
        to_state=decision.state,
        reason=reason[:300],
        data={"step": kind, "changes": changes(before, _plan_of(step))},
    )
    if decision.catalogue.state == C.PUBLISHED:
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


# ---------------------------------------------------------------- hearings (听证)

H = HearingState
HEARING_TRANSITIONS = {
    "create_hearing": {(None, H.DRAFT)},
    "announce_hearing": {(H.DRAFT, H.ANNOUNCED)},
    "register_for_hearing": {(H.ANNOUNCED, H.ANNOUNCED)},
    "select_participants": {(H.ANNOUNCED, H.SELECTED)},
    "publish_hearing_record": {(H.SELECTED, H.HELD)},
    "cancel_hearing": {
        (H.DRAFT, H.CANCELLED),
        (H.ANNOUNCED, H.CANCELLED),
        (H.SELECTED, H.CANCELLED),
    },
}
MAX_SEATS = 500
_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")


def _hearing_problems(unit, decision, fields):
    problems = {}
    for key, label in (
        ("subject", "听证事项"),
        ("description", "听证内容和方案说明"),
        ("place", "地点"),
        ("how_to_register", "报名方式和条件"),
    ):
        if not (fields.get(key) or "").strip():
            problems[key] = f"请填写{label}。"
    seats = fields.get("seats")
    if not isinstance(seats, int) or not 1 <= seats <= MAX_SEATS:
        problems["seats"] = f"公众参加人名额应为 1 至 {MAX_SEATS} 人。"
    if fields.get("rule") not in SelectionRule.values:
        problems["rule"] = "请选择遴选方式。"
    opens, closes, held_at = (
        fields.get("registration_opens"),
        fields.get("registration_closes"),
        fields.get("held_at"),
    )
    if not (opens and closes and held_at):
        problems["held_at"] = "请填写报名起止日期和举行时间。"
    elif not opens <= closes < local_date(held_at):
        problems["registration_closes"] = "报名截止日期应不早于开始日期，并早于举行日期。"
    elif closes < local_today():
        problems["registration_closes"] = "报名截止日期已过。"
    if decision is not None and decision.catalogue.government_id != unit.government_id:
        problems["decision"] = "只能关联本级政府目录中的决策事项。"
    return problems


@transaction.atomic
def create_hearing(*, actor, unit, decision=None, **fields) -> Hearing:
    """An editor of the organising unit drafts the hearing's notice."""
    require(actor, unit, Role.EDITOR)
    problems = _hearing_problems(unit, decision, fields)
    if problems:
        raise ValidationError(problems)
    values = {k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items()}
    hearing = Hearing(unit=unit, decision=decision, created_by=actor, **values)
    hearing.state = None
    _move(hearing, HEARING_TRANSITIONS, "create_hearing", H.DRAFT)
    hearing.save()
    record(actor=actor, action="decisions.create_hearing", target=hearing, to_state=H.DRAFT)
    return hearing


def _locked_hearing(hearing) -> Hearing:
    return locked(Hearing, hearing.pk, "unit")


@transaction.atomic
def announce_hearing(*, actor, hearing) -> Hearing:
    """A reviewer who did not draft it publishes the notice; registration opens on its date."""
    hearing = _locked_hearing(hearing)
    require(actor, hearing.unit, Role.REVIEWER)
    if not scoping.is_independent(actor, [hearing.created_by_id]):
        raise PermissionDenied("不能审核发布自己起草的听证公告，请由其他审核人员发布。")
    if hearing.registration_closes < local_today():
        raise ValidationError("报名截止日期已过，请修改后再发布。")
    before = _move(hearing, HEARING_TRANSITIONS, "announce_hearing", H.ANNOUNCED)
    hearing.announced_on = local_today()
    hearing.save(update_fields=["state", "announced_on"])
    record(
        actor=actor,
        action="decisions.announce_hearing",
        target=hearing,
        from_state=before,
        to_state=H.ANNOUNCED,
    )
    _pages_changed()
    return hearing


@transaction.atomic
def register_for_hearing(
    *, hearing, kind, name, phone, organisation="", viewpoint=""
) -> Registration:
    """A member of the public registers (no account). One registration per phone number."""
    hearing = _locked_hearing(hearing)
    if not hearing.registration_open(local_today()):
        raise ValidationError("该听证会当前不在报名期内。")
    problems = {}
    name, phone = (name or "").strip(), re.sub(r"\s", "", phone or "")
    if not name:
        problems["name"] = "请填写姓名。"
    if not _PHONE.match(phone):
        problems["phone"] = "请填写正确的手机号码或固定电话（如 0571-87654321）。"
    if kind not in ParticipantKind.values:
        problems["kind"] = "请选择报名身份。"
    if problems:
        raise ValidationError(problems)
    phone_hash = lookup_hash(phone)
    if hearing.registrations.filter(phone_hash=phone_hash).exists():
        raise ValidationError({"phone": "这个电话号码已经报名，不能重复报名。"})
    _move(hearing, HEARING_TRANSITIONS, "register_for_hearing", H.ANNOUNCED)
    count = hearing.registrations.count()
    registration = Registration.objects.create(
        hearing=hearing,
        number=f"{hearing.pk}-{count + 1:04d}",
        kind=kind,
        name=name[:50],
        phone=phone,
        phone_hash=phone_hash,
        organisation=(organisation or "").strip()[:200],
        viewpoint=(viewpoint or "").strip()[:2000],
        registered_at=local_now(),
    )
    record(
        actor=None,
        action="decisions.register_for_hearing",
        target=registration,
        data={"hearing": hearing.pk, "kind": kind},
    )
    return registration


@transaction.atomic
def select_participants(*, actor, hearing, seed="") -> Hearing:
    """After registration closes: the first `seats` registrations, or a lottery with a seed
    recorded and published (given, or drawn here) so anyone can re-run the draw."""
    hearing = _locked_hearing(hearing)
    require(actor, hearing.unit, Role.EDITOR, Role.REVIEWER)
    if local_today() <= hearing.registration_closes:
        raise ValidationError("报名截止后才能确定参加人。")
    before = _move(hearing, HEARING_TRANSITIONS, "select_participants", H.SELECTED)
    registrations = list(hearing.registrations.order_by("registered_at", "id"))
    numbers = [r.number for r in registrations]
    if hearing.rule == rules.LOTTERY:
        hearing.seed = (seed or "").strip()[:64] or secrets.token_hex(16)
        order = rules.draw_order(hearing.seed, numbers)
    else:
        order = numbers
    chosen = set(rules.select(hearing.rule, numbers, hearing.seats, hearing.seed))
    rank = {number: position for position, number in enumerate(order, 1)}
    for registration in registrations:
        registration.selected = registration.number in chosen
        registration.draw_rank = rank[registration.number]
    Registration.objects.bulk_update(registrations, ["selected", "draw_rank"])
    hearing.selected_on = local_today()
    hearing.save(update_fields=["state", "seed", "selected_on"])
    record(
        actor=actor,
        action="decisions.select_participants",
        target=hearing,
        from_state=before,
        to_state=H.SELECTED,
        data={
            "rule": hearing.rule,
            "seed": hearing.seed,
            "registrations": numbers,
            "selected": sorted(chosen),
        },
    )
    _pages_changed()
    return hearing


@transaction.atomic
def publish_hearing_record(*, actor, hearing, record_text, outcome) -> Hearing:
    """The record (笔录) and the outcome, published after the hearing; personal numbers in
    them are refused (mask them first)."""
    hearing = _locked_hearing(hearing)
    require(actor, hearing.unit, Role.REVIEWER)
    if local_date(hearing.held_at) > local_today():
        raise ValidationError("听证会举行后才能公布笔录。")
    record_text = _require_text(record_text, "请填写听证笔录。", "record_text")
    outcome = _require_text(outcome, "请写明听证结果和意见采纳情况。", "outcome")
    findings = pii.scan_text(record_text, "听证笔录") + pii.scan_text(outcome, "听证结果")
    if findings:
        raise ValidationError(
            "含有未遮蔽的个人信息，请处理后再公布：" + "；".join(f.describe() for f in findings)
        )
    before = _move(hearing, HEARING_TRANSITIONS, "publish_hearing_record", H.HELD)
    hearing.record, hearing.outcome = record_text, outcome
    hearing.record_published_on = local_today()
    hearing.save(update_fields=["state", "record", "outcome", "record_published_on"])
    record(
        actor=actor,
        action="decisions.publish_hearing_record",
        target=hearing,
        from_state=before,
        to_state=H.HELD,
    )
    _pages_changed()
    return hearing


@transaction.atomic
def cancel_hearing(*, actor, hearing, reason) -> Hearing:
    hearing = _locked_hearing(hearing)
    require(actor, hearing.unit, Role.REVIEWER)
    reason = _require_text(reason, "请写明取消原因。", "reason")[:300]
    before = _move(hearing, HEARING_TRANSITIONS, "cancel_hearing", H.CANCELLED)
    hearing.cancel_reason = reason
    hearing.save(update_fields=["state", "cancel_reason"])
    record(
        actor=actor,
        action="decisions.cancel_hearing",
        target=hearing,
        from_state=before,
        to_state=H.CANCELLED,
        reason=reason,
    )
    if before != H.DRAFT:
        _pages_changed()
    return hearing


# ---------------------------------------------------------------- meetings (会议开放)

M = MeetingState
MEETING_TRANSITIONS = {
    "create_meeting": {(None, M.DRAFT)},
    "add_agenda_item": {(M.DRAFT, M.DRAFT), (M.ANNOUNCED, M.ANNOUNCED)},
    "edit_agenda_item": {(M.DRAFT, M.DRAFT), (M.ANNOUNCED, M.ANNOUNCED)},
    "correct_meeting_decision": {(M.HELD, M.HELD)},
    "invite_attendee": {(M.DRAFT, M.DRAFT), (M.ANNOUNCED, M.ANNOUNCED)},
    "announce_meeting": {(M.DRAFT, M.ANNOUNCED)},
    "record_meeting_decisions": {(M.ANNOUNCED, M.HELD)},
    "link_interpretation": {(M.HELD, M.HELD)},
}


@transaction.atomic
def create_meeting(*, actor, unit, kind, title, held_on, place="") -> Meeting:
    require(actor, unit, Role.EDITOR)
    problems = {}
    if kind not in MeetingKind.values:
        problems["kind"] = "请选择会议类型。"
    elif kind == MeetingKind.EXECUTIVE and not unit.is_government:
        problems["kind"] = "政府常务会议由人民政府召开。"
    if not (title or "").strip():
        problems["title"] = "请填写会议名称。"
    if held_on is None:
        problems["held_on"] = "请填写召开日期。"
    if problems:
        raise ValidationError(problems)
    meeting = Meeting(
        unit=unit,
        kind=kind,
        title=title.strip(),
        held_on=held_on,
        place=(place or "").strip(),
        created_by=actor,
    )
    meeting.state = None
    _move(meeting, MEETING_TRANSITIONS, "create_meeting", M.DRAFT)
    meeting.save()
    record(actor=actor, action="decisions.create_meeting", target=meeting, to_state=M.DRAFT)
    return meeting


def _locked_meeting(meeting) -> Meeting:
    return locked(Meeting, meeting.pk, "unit")


@transaction.atomic
def add_agenda_item(
    *, actor, meeting, title, decision=None, needs_interpretation=True
) -> AgendaItem:
    meeting = _locked_meeting(meeting)
    require(actor, meeting.unit, Role.EDITOR)
    title = _require_text(title, "请填写议题。", "title")
    if decision is not None and decision.catalogue.government_id != meeting.unit.government_id:
        raise ValidationError({"decision": "只能关联本级政府目录中的决策事项。"})
    _move(meeting, MEETING_TRANSITIONS, "add_agenda_item", meeting.state)
    number = (meeting.items.aggregate(m=Max("number"))["m"] or 0) + 1
    item = AgendaItem.objects.create(
        meeting=meeting,
        number=number,
        title=title[:200],
        decision=decision,
        needs_interpretation=bool(needs_interpretation),
    )
    record(
        actor=actor,
        action="decisions.add_agenda_item",
        target=meeting,
        from_state=meeting.state,
        to_state=meeting.state,
        data={"item": number, "title": item.title, "decision": decision.pk if decision else None},
    )
    if meeting.state != M.DRAFT:
        _pages_changed()
    return item


def _item_of(item) -> dict:
    return {
        "title": item.title,
        "decision": item.decision_id,
        "needs_interpretation": item.needs_interpretation,
    }


@transaction.atomic
def edit_agenda_item(
    *, actor, meeting, item, title, decision=None, needs_interpretation=True, reason=""
) -> AgendaItem:
    """Change an agenda item before the meeting's decisions are out. Once the agenda is
    published the public has read it: the change needs its reason."""
    meeting = _locked_meeting(meeting)
    require(actor, meeting.unit, Role.EDITOR)
    _move(meeting, MEETING_TRANSITIONS, "edit_agenda_item", meeting.state)
    item = meeting.items.select_for_update().get(pk=item.pk)
    title, reason = (title or "").strip(), (reason or "").strip()
    problems = {}
    if not title:
        problems["title"] = "请填写议题。"
    if decision is not None and decision.catalogue.government_id != meeting.unit.government_id:
        problems["decision"] = "只能关联本级政府目录中的决策事项。"
    if meeting.state != M.DRAFT and not reason:
        problems["reason"] = "议题已发布，调整议题请写明理由。"
    if problems:
        raise ValidationError(problems)
    before = _item_of(item)
    item.title, item.decision = title[:200], decision
    item.needs_interpretation = bool(needs_interpretation)
    if before == _item_of(item):
        raise ValidationError({"title": "议题没有变化。"})
    item.save(update_fields=["title", "decision", "needs_interpretation"])
    record(
        actor=actor,
        action="decisions.edit_agenda_item",
        target=meeting,
        from_state=meeting.state,
        to_state=meeting.state,
        reason=reason[:300],
        data={"item": item.number, "changes": changes(before, _item_of(item))},
    )
    if meeting.state != M.DRAFT:
        _pages_changed()
    return item


@transaction.atomic
def invite_attendee(*, actor, meeting, kind, name, organisation="") -> Attendee:
    """Invite a member of the public, an expert or a journalist to attend (列席)."""
    meeting = _locked_meeting(meeting)
    require(actor, meeting.unit, Role.EDITOR)
    if kind not in AttendeeKind.values:
        raise ValidationError({"kind": "请选择身份。"})
    name = _require_text(name, "请填写姓名。", "name")
    if kind != AttendeeKind.PUBLIC and not (organisation or "").strip():
        raise ValidationError({"organisation": "请填写专家或媒体的单位。"})
    _move(meeting, MEETING_TRANSITIONS, "invite_attendee", meeting.state)
    attendee = Attendee.objects.create(
        meeting=meeting, kind=kind, name=name[:50], organisation=(organisation or "").strip()
    )
    record(
        actor=actor,
        action="decisions.invite_attendee",
        target=meeting,
        from_state=meeting.state,
        to_state=meeting.state,
        data={"kind": kind},
    )
    if meeting.state != M.DRAFT:
        _pages_changed()
    return attendee


@transaction.atomic
def announce_meeting(*, actor, meeting) -> Meeting:
    """A reviewer who did not draft it publishes the agenda and the invited."""
    meeting = _locked_meeting(meeting)
    require(actor, meeting.unit, Role.REVIEWER)
    if not scoping.is_independent(actor, [meeting.created_by_id]):
        raise PermissionDenied("不能审核发布自己起草的会议议题，请由其他审核人员发布。")
    if not meeting.items.exists():
        raise ValidationError("请先添加会议议题。")
    before = _move(meeting, MEETING_TRANSITIONS, "announce_meeting", M.ANNOUNCED)
    meeting.announced_on = local_today()
    meeting.save(update_fields=["state", "announced_on"])
    record(
        actor=actor,
        action="decisions.announce_meeting",
        target=meeting,
        from_state=before,
        to_state=M.ANNOUNCED,
    )
    _pages_changed()
    return meeting


@transaction.atomic
def record_meeting_decisions(*, actor, meeting, outcomes) -> Meeting:
    """After the meeting, a reviewer publishes what was decided on each item
    (`outcomes`: {item number: text}); every item needs one."""
    meeting = _locked_meeting(meeting)
    require(actor, meeting.unit, Role.REVIEWER)
    if meeting.held_on > local_today():
        raise ValidationError("会议召开后才能公布会议决定。")
    items = list(meeting.items.all())
    texts = {int(k): (v or "").strip() for k, v in (outcomes or {}).items()}
    missing = [str(i.number) for i in items if not texts.get(i.number)]
    if missing:
        raise ValidationError(f"请填写第 {'、'.join(missing)} 项议题的会议决定。")
    before = _move(meeting, MEETING_TRANSITIONS, "record_meeting_decisions", M.HELD)
    for item in items:
        item.outcome = texts[item.number]
    AgendaItem.objects.bulk_update(items, ["outcome"])
    meeting.results_on = local_today()
    meeting.save(update_fields=["state", "results_on"])
    record(
        actor=actor,
        action="decisions.record_meeting_decisions",
        target=meeting,
        from_state=before,
        to_state=M.HELD,
        data={"items": len(items)},
    )
    _pages_changed()
    return meeting


@transaction.atomic
def correct_meeting_decision(*, actor, meeting, item, outcome, reason) -> AgendaItem:
    """Correct what was published as decided on an item (更正), saying why: the text the
    public read is replaced, the audit keeps both."""
    meeting = _locked_meeting(meeting)
    require(actor, meeting.unit, Role.REVIEWER)
    _move(meeting, MEETING_TRANSITIONS, "correct_meeting_decision", meeting.state)
    item = meeting.items.select_for_update().get(pk=item.pk)
    outcome, reason = (outcome or "").strip(), (reason or "").strip()
    problems = {}
    if not outcome:
        problems["outcome"] = f"请填写第 {item.number} 项议题的会议决定。"
    elif outcome == item.outcome:
        problems["outcome"] = "会议决定没有变化。"
    if not reason:
        problems["reason"] = "请写明更正理由。"
    if problems:
        raise ValidationError(problems)
    before = item.outcome
    item.outcome = outcome
    item.save(update_fields=["outcome"])
    record(
        actor=actor,
        action="decisions.correct_meeting_decision",
        target=meeting,
        from_state=meeting.state,
        to_state=meeting.state,
        reason=reason[:300],
        data={"item": item.number, "changes": changes({"outcome": before}, {"outcome": outcome})},
    )
    _pages_changed()
    return item


@transaction.atomic
def link_interpretation(*, actor, meeting, item, document) -> AgendaItem:
    """Link the interpretation released for an item's decision: a published document of the
    meeting's unit. Its publication date is kept; the platform flags an item whose
    interpretation is missing one working day after the meeting (`rules`)."""
    meeting = _locked_meeting(meeting)
    require(actor, meeting.unit, Role.EDITOR, Role.REVIEWER)
    item = meeting.items.select_for_update().get(pk=item.pk)
    if (
        document is None
        or not scoping.linkable_documents(meeting.unit).filter(pk=document.pk).exists()
    ):
        raise ValidationError({"document": "请选择本单位发布的解读。"})
    if not document.is_published:
        raise ValidationError({"document": "该解读尚未发布。"})
    _move(meeting, MEETING_TRANSITIONS, "link_interpretation", M.HELD)
    item.interpretation = document
    item.interpreted_on = local_date(document.first_published_at or document.published_at)
    item.save(update_fields=["interpretation", "interpreted_on"])
    late = rules.interpretation_late(current_calendar(), meeting.held_on, item.interpreted_on)
    record(
        actor=actor,
        action="decisions.link_interpretation",
        target=meeting,
        from_state=M.HELD,
        to_state=M.HELD,
        data={"item": item.number, "document": document.pk, "late": late},
    )
    _pages_changed()
    return item
