"""Every state change of an incident and of a press-conference record, one named function each.

Each function takes keyword arguments including ``actor`` (None for the scheduled job), checks
the actor's role, checks the transition against ``TRANSITIONS`` (the only place that says which
status may follow which), changes the row in one transaction with it locked and writes the
audit event. Invalid input raises ``ValidationError`` with a Chinese message and changes
nothing; a wrong role raises ``PermissionDenied``.

Who answers (属地管理、分级负责): the level names a tier (``LEVEL_TIERS``) and the
responsible unit is the incident's territory at that tier (``territory.responsible_unit``);
that unit's staff or the office may hand it to one of its units (``assign_incident``). A
deadline missed sends the incident one step up (``escalate_late``, run by
``manage.py concerns_escalate``): the step above is told and sees it until it is closed."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from gongkai.accounts.permissions import has_role, require
from gongkai.accounts.roles import Role
from gongkai.accounts.scoping import is_independent
from gongkai.audit.services import record
from gongkai.core.clock import CHINA, now, this_year
from gongkai.core.workflow import check, locked
from gongkai.publishing import vocabularies as v
from gongkai.publishing.models import Document, DocumentState
from gongkai.units.services import descendant_ids
from gongkai.workdays.services import current_calendar

from . import deadlines, territory
from .models import (
    Escalation,
    EscalationReason,
    Incident,
    IncidentStatus,
    Level,
    PressConference,
    PressState,
    ReferringOffice,
    Source,
)
from .territory import Tier

S = IncidentStatus
OPEN_STATES = (S.OPEN, S.FIRST_RESPONDED)
TRANSITIONS = {
    "register_incident": {(None, S.OPEN)},
    "assign_incident": {(s, s) for s in OPEN_STATES},
    "relevel_incident": {(s, s) for s in OPEN_STATES},
    "record_first_response": {(S.OPEN, S.FIRST_RESPONDED)},
    "link_response": {(s, s) for s in OPEN_STATES},
    "close_as_responded": {(s, S.RESPONDED) for s in OPEN_STATES},
    "dismiss_incident": {(s, S.DISMISSED) for s in OPEN_STATES},
    "escalate_incident": {(s, s) for s in OPEN_STATES},
    # A referral's report is owed even after the incident is closed.
    "escalate_unreported_referral": {(s, s) for s in S},
    # The report back on a referral may follow the response.
    "report_referral": {(s, s) for s in S},
}
P = PressState
PRESS_TRANSITIONS = {
    "record_press_conference": {(None, P.DRAFT)},
    "publish_press_conference": {(P.DRAFT, P.PUBLISHED)},
    "withdraw_press_conference": {(P.PUBLISHED, P.WITHDRAWN)},
}

LEVEL_TIERS = {
    Level.GENERAL: Tier.TOWNSHIP,
    Level.SIGNIFICANT: Tier.COUNTY,
    Level.MAJOR: Tier.CITY,
    Level.EXTRAORDINARY: Tier.PROVINCE,
}
# Those who handle an incident in their unit; the office (on its government) reaches all.
HANDLING_ROLES = (Role.EDITOR, Role.REVIEWER, Role.UNIT_ADMIN, Role.BODY_HEAD, Role.OFFICE)
# Those who may sign it off as answered.
CLOSING_ROLES = (Role.REVIEWER, Role.BODY_HEAD, Role.OFFICE)
PRESS_RECORDING_ROLES = (Role.EDITOR, Role.OFFICE)
PRESS_REVIEWING_ROLES = (Role.REVIEWER, Role.OFFICE)


def _check(action, before, after, table=TRANSITIONS, labels=S):
    check(table, action, before, after, labels(before).label if before else None)


def _locked(incident) -> Incident:
    return locked(Incident, incident.pk)


def _text(value) -> str:
    return (value or "").strip()


def _require_on_any(actor, units, roles):
    if not any(has_role(actor, unit, *roles) for unit in units):
        raise PermissionDenied("您没有处置该舆情的权限。")


def _next_number() -> str:
    prefix = f"YQ{this_year()}-"
    last = (
        Incident.objects.select_for_update()
        .filter(number__startswith=prefix)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    return f"{prefix}{int(last[len(prefix) :]) + 1 if last else 1:04d}"


def _incident_problems(title, summary, source, level, territory_unit, detected_at):
    problems = {}
    if not title:
        problems["title"] = "请填写舆情事项。"
    if not summary:
        problems["summary"] = "请填写舆情概要。"
    if source not in Source.values:
        problems["source"] = "请选择舆情来源。"
    if level not in Level.values:
        problems["level"] = "请选择舆情级别。"
    if territory_unit is None or territory_unit.kind not in territory.TERRITORY_KINDS:
        problems["territory_unit"] = "属地应为人民政府、街道、镇或园区。"
    if detected_at is None:
        problems["detected_at"] = "请填写发现时间。"
    elif detected_at > now():
        problems["detected_at"] = "发现时间不能晚于现在。"
    return problems


def _referral_problems(is_referral, detected_at, office, number, due):
    problems = {}
    if not is_referral:
        if office or _text(number) or due:
            problems["referring_office"] = "只有来源为“上级转办”时才填写转办信息。"
        return problems
    if office not in ReferringOffice.values:
        problems["referring_office"] = "上级转办须选择转办机关。"
    if not _text(number):
        problems["referral_number"] = "上级转办须填写转办单号。"
    if due is not None and detected_at and due <= detected_at:
        problems["referral_due"] = "报告时限应晚于收到转办的时间。"
    return problems


@transaction.atomic
def register_incident(
    *,
    actor,
    title,
    summary,
    source,
    level,
    territory_unit,
    detected_at,
    source_detail="",
    contact_name="",
    contact_phone="",
    referring_office="",
    referral_number="",
    referral_due=None,
) -> Incident:
    """Enter an incident. The responsible unit follows from the territory and the level, the
    deadlines from the level and the local policy in settings; a higher-level referral
    carries the referring office, its number and the date its report is due (the policy's
    default when the letter sets none)."""
    title, summary = _text(title), _text(summary)
    is_referral = source == Source.REFERRAL
    problems = _incident_problems(
        title, summary, source, level, territory_unit, detected_at
    ) | _referral_problems(
        is_referral, detected_at, referring_office, referral_number, referral_due
    )
    if problems:
        raise ValidationError(problems)
    responsible = territory.responsible_unit(territory_unit, LEVEL_TIERS[level])
    _require_on_any(actor, [territory_unit, responsible], HANDLING_ROLES)
    calendar = current_calendar()
    first, full = deadlines.response_limits(level)
    if is_referral and referral_due is None:
        referral_due = deadlines.referral_limit().due(detected_at, calendar)
    incident = Incident.objects.create(
        number=_next_number(),
        title=title,
        summary=summary,
        source=source,
        source_detail=_text(source_detail),
        level=level,
        territory=territory_unit,
        responsible_unit=responsible,
        handling_unit=responsible,
        contact_name=_text(contact_name),
        contact_phone=_text(contact_phone),
        detected_at=detected_at,
        first_response_due=first.due(detected_at, calendar),
        full_response_due=full.due(detected_at, calendar),
        first_response_limit=first.label,
        full_response_limit=full.label,
        referring_office=referring_office if is_referral else "",
        referral_number=_text(referral_number) if is_referral else "",
        referral_due=referral_due if is_referral else None,
        registered_by=actor,
    )
    _check("register_incident", None, incident.status)
    record(
        actor=actor,
        action="register_incident",
        target=incident,
        to_state=incident.status,
        data={
            "level": level,
            "source": source,
            "territory": territory_unit.pk,
            "responsible_unit": responsible.pk,
            "first_response_due": incident.first_response_due.isoformat(),
            "full_response_due": incident.full_response_due.isoformat(),
            "referral_due": incident.referral_due.isoformat() if incident.referral_due else None,
        },
    )
    return incident


def assignable_units(incident):
    """The responsible unit and the units under it (a government's departments)."""
    from gongkai.units.models import Unit

    ids = descendant_ids(incident.responsible_unit) | {incident.responsible_unit_id}
    return Unit.objects.active().filter(pk__in=ids)


@transaction.atomic
def assign_incident(*, actor, incident, unit, note="") -> Incident:
    """The responsible unit (or the office) hands the incident to one of its units."""
    incident = _locked(incident)
    _require_on_any(actor, [incident.responsible_unit], HANDLING_ROLES)
    _check("assign_incident", incident.status, incident.status)
    if unit is None or not assignable_units(incident).filter(pk=unit.pk).exists():
        raise ValidationError({"unit": "只能交由责任主体本身或其所属单位承办。"})
    before = incident.handling_unit_id
    incident.handling_unit = unit
    incident.save(update_fields=["handling_unit"])
    record(
        actor=actor,
        action="assign_incident",
        target=incident,
        from_state=incident.status,
        to_state=incident.status,
        reason=_text(note),
        data={"from_unit": before, "to_unit": unit.pk},
    )
    return incident


@transaction.atomic
def relevel_incident(*, actor, incident, level, reason) -> Incident:
    """Change an open incident's level when its weight turns out otherwise (扩大或降低), saying
    why. The level names the tier that answers, so the responsible unit follows from the
    territory again (and handles it, when it changes); both deadlines are recomputed from the
    moment the incident was found under the new level's limits — a new level never restarts
    the clock. Escalations already made stay on the record. Staff of the unit responsible
    before or after the change (or the office above it) may do it."""
    incident = _locked(incident)
    _check("relevel_incident", incident.status, incident.status)
    reason = _text(reason)
    problems = {}
    if level not in Level.values:
        problems["level"] = "请选择舆情级别。"
    elif level == incident.level:
        problems["level"] = f"舆情级别已经是“{Level(level).label}”。"
    if not reason:
        problems["reason"] = "请说明调整级别的理由。"
    if problems:
        raise ValidationError(problems)
    responsible = territory.responsible_unit(incident.territory, LEVEL_TIERS[level])
    _require_on_any(actor, [incident.responsible_unit, responsible], HANDLING_ROLES)
    first, full = deadlines.response_limits(level)
    calendar = current_calendar()
    before = {
        "level": incident.level,
        "responsible_unit": incident.responsible_unit_id,
        "handling_unit": incident.handling_unit_id,
        "first_response_due": _china(incident.first_response_due),
        "full_response_due": _china(incident.full_response_due),
    }
    incident.level = level
    if responsible.pk != incident.responsible_unit_id:
        incident.responsible_unit = incident.handling_unit = responsible
    incident.first_response_due = first.due(incident.detected_at, calendar)
    incident.full_response_due = full.due(incident.detected_at, calendar)
    incident.first_response_limit, incident.full_response_limit = first.label, full.label
    incident.save(
        update_fields=[
            "level",
            "responsible_unit",
            "handling_unit",
            "first_response_due",
            "full_response_due",
            "first_response_limit",
            "full_response_limit",
        ]
    )
    record(
        actor=actor,
        action="relevel_incident",
        target=incident,
        from_state=incident.status,
        to_state=incident.status,
        reason=reason,
        data={
            "before": before,
            "level": level,
            "responsible_unit": incident.responsible_unit_id,
            "handling_unit": incident.handling_unit_id,
            "first_response_due": _china(incident.first_response_due),
            "full_response_due": _china(incident.full_response_due),
        },
    )
    return incident


def _china(moment) -> str:
    return moment.astimezone(CHINA).isoformat()


def _require_handler(actor, incident, roles=HANDLING_ROLES):
    units = [incident.handling_unit, incident.responsible_unit]
    if incident.escalated_to_id:
        units.append(incident.escalated_to)
    _require_on_any(actor, units, roles)


@transaction.atomic
def record_first_response(*, actor, incident, text, channel, at=None) -> Incident:
    """What was said first (权威信息、初步回应), where and when."""
    incident = _locked(incident)
    _require_handler(actor, incident)
    _check("record_first_response", incident.status, S.FIRST_RESPONDED)
    at = at or now()
    problems = {}
    if not _text(text):
        problems["text"] = "请填写首次回应的内容。"
    if not _text(channel):
        problems["channel"] = "请填写首次回应的渠道，如政府网站、政务微博、新闻发布会。"
    if at > now():
        problems["at"] = "回应时间不能晚于现在。"
    elif at < incident.detected_at:
        problems["at"] = "回应时间不能早于发现时间。"
    if problems:
        raise ValidationError(problems)
    before = incident.status
    incident.status = S.FIRST_RESPONDED
    incident.first_response, incident.first_response_channel = _text(text), _text(channel)
    incident.first_response_at = at
    incident.save()
    record(
        actor=actor,
        action="record_first_response",
        target=incident,
        from_state=before,
        to_state=incident.status,
        data={"at": at.isoformat(), "late": incident.first_late(at)},
    )
    return incident


def _check_response_document(incident, document):
    if document is None:
        raise ValidationError({"document": "请选择回应文件。"})
    if document.doc_type != v.RESPONSE:
        raise ValidationError({"document": "回应文件的文种应为“回应”。"})
    if document.unit_id not in {incident.handling_unit_id, incident.responsible_unit_id}:
        raise ValidationError({"document": "回应文件应由承办单位或责任主体发布。"})
    if document.state == DocumentState.WITHDRAWN:
        raise ValidationError({"document": "该文件已撤回，不能作为回应。"})


@transaction.atomic
def link_response(*, actor, incident, document) -> Incident:
    """Link the response document (a draft is fine: it is published through the ordinary
    review, and the incident closes only once it is)."""
    incident = _locked(incident)
    _require_handler(actor, incident)
    _check("link_response", incident.status, incident.status)
    document = Document.objects.filter(pk=getattr(document, "pk", None)).first()
    _check_response_document(incident, document)
    incident.response_document = document
    incident.save(update_fields=["response_document"])
    record(
        actor=actor,
        action="link_response",
        target=incident,
        from_state=incident.status,
        to_state=incident.status,
        data={"document": document.pk},
    )
    return incident


@transaction.atomic
def close_as_responded(*, actor, incident) -> Incident:
    """Sign the incident off as answered: only once its response document has been published
    through the publication gate. The response's publication is the full response; it is
    also the first when none came before."""
    incident = _locked(incident)
    _require_handler(actor, incident, CLOSING_ROLES)
    _check("close_as_responded", incident.status, S.RESPONDED)
    document = incident.response_document
    if document is None:
        raise ValidationError("请先关联回应文件。")
    _check_response_document(incident, document)
    if document.state != DocumentState.PUBLISHED:
        raise ValidationError("回应文件尚未通过审核发布，不能办结。")
    before = incident.status
    incident.status = S.RESPONDED
    incident.responded_at = document.first_published_at or document.published_at
    if incident.first_response_at is None:
        incident.first_response_at = incident.responded_at
        incident.first_response_channel = "政府网站回应文件"
    incident.closed_at = now()
    incident.save()
    record(
        actor=actor,
        action="close_as_responded",
        target=incident,
        from_state=before,
        to_state=incident.status,
        data={
            "document": document.pk,
            "responded_at": incident.responded_at.isoformat(),
            "first_late": incident.first_late(incident.closed_at),
            "full_late": incident.full_late(incident.closed_at),
        },
    )
    return incident


@transaction.atomic
def dismiss_incident(*, actor, incident, reason) -> Incident:
    """The office closes an incident that needs no response (not true, a duplicate…), saying
    why."""
    incident = _locked(incident)
    require(actor, incident.responsible_unit, Role.OFFICE)
    _check("dismiss_incident", incident.status, S.DISMISSED)
    if not _text(reason):
        raise ValidationError({"reason": "请说明无需回应的理由。"})
    before = incident.status
    incident.status = S.DISMISSED
    incident.dismissed_reason = _text(reason)
    incident.closed_at = now()
    incident.save()
    record(
        actor=actor,
        action="dismiss_incident",
        target=incident,
        from_state=before,
        to_state=incident.status,
        reason=incident.dismissed_reason,
    )
    return incident


def _escalate(incident, *, actor, reason, note="") -> Escalation | None:
    current = incident.escalated_to or incident.handling_unit
    target = territory.escalation_target(current) or current
    escalation = Escalation.objects.create(
        incident=incident,
        reason=reason,
        from_unit=current,
        to_unit=target,
        note=note,
        escalated_at=now(),
    )
    incident.escalated_to = target
    incident.save(update_fields=["escalated_to"])
    record(
        actor=actor,
        action="escalate_incident",
        target=incident,
        from_state=incident.status,
        to_state=incident.status,
        reason=note or EscalationReason(reason).label,
        data={"reason": reason, "from_unit": current.pk, "to_unit": target.pk},
    )
    return escalation


@transaction.atomic
def escalate_incident(*, actor, incident, note) -> Escalation:
    """The office sends an incident up by hand (督办), saying why."""
    incident = _locked(incident)
    require(actor, incident.responsible_unit, Role.OFFICE)
    _check("escalate_incident", incident.status, incident.status)
    if not _text(note):
        raise ValidationError({"note": "请说明提级督办的理由。"})
    return _escalate(incident, actor=actor, reason=EscalationReason.BY_HAND, note=_text(note))


def _missed(incident, moment):
    """The deadlines missed and not yet escalated for."""
    missed = []
    if incident.status in OPEN_STATES:
        if incident.first_response_at is None and incident.first_response_due < moment:
            missed.append(EscalationReason.FIRST_LATE)
        if incident.full_response_due < moment:
            missed.append(EscalationReason.FULL_LATE)
    if incident.referral_due and incident.reported_at is None and incident.referral_due < moment:
        missed.append(EscalationReason.REPORT_LATE)
    return missed


def escalate_late(*, moment=None) -> list[Escalation]:
    """The scheduled job: every missed deadline sends its incident one step up, once per
    deadline (a second missed deadline goes a step further). Each incident in its own
    transaction, audited as done by the system."""
    moment = moment or now()
    done = []
    candidates = Incident.objects.late(moment).values_list("pk", flat=True)
    for pk in list(candidates):
        with transaction.atomic():
            incident = locked(Incident, pk)
            already = set(incident.escalations.values_list("reason", flat=True))
            for reason in _missed(incident, moment):
                if reason not in already:
                    action = (
                        "escalate_unreported_referral"
                        if reason == EscalationReason.REPORT_LATE
                        else "escalate_incident"
                    )
                    _check(action, incident.status, incident.status)
                    done.append(_escalate(incident, actor=None, reason=reason))
    return done


@transaction.atomic
def report_referral(*, actor, incident, report) -> Incident:
    """The report back (回复/报告) to the office that referred the incident."""
    incident = _locked(incident)
    _require_handler(actor, incident)
    _check("report_referral", incident.status, incident.status)
    if not incident.is_referral:
        raise ValidationError("只有上级转办的舆情需要报告办理情况。")
    if incident.reported_at is not None:
        raise ValidationError("已报告过办理情况。")
    if not _text(report):
        raise ValidationError({"report": "请填写向上级报告的办理情况。"})
    incident.report = _text(report)
    incident.reported_at = now()
    incident.save(update_fields=["report", "reported_at"])
    record(
        actor=actor,
        action="report_referral",
        target=incident,
        from_state=incident.status,
        to_state=incident.status,
        data={"late": incident.report_late(incident.reported_at)},
    )
    return incident


# ---------------------------------------------------------------- press conferences


def _press_fields(unit, fields, documents):
    problems = {}
    values = {k: _text(fields.get(k)) for k in ("title", "place", "speakers", "topics")}
    values["transcript"] = _text(fields.get("transcript"))
    for key, label in (
        ("title", "发布会名称"),
        ("speakers", "发布人"),
        ("topics", "发布主题"),
        ("transcript", "文字实录"),
    ):
        if not values[key]:
            problems[key] = f"请填写{label}。"
    held_at = fields.get("held_at")
    if held_at is None:
        problems["held_at"] = "请填写举行时间。"
    elif held_at > now():
        problems["held_at"] = "只能记录已经举行的发布会。"
    values["held_at"] = held_at
    documents = list(documents or [])
    published = set(
        Document.objects.published()
        .filter(pk__in=[d.pk for d in documents])
        .values_list("pk", flat=True)
    )
    if any(d.pk not in published for d in documents):
        problems["documents"] = "相关文件只能是已发布的政府信息。"
    if problems:
        raise ValidationError(problems)
    return values, documents


@transaction.atomic
def record_press_conference(*, actor, unit, documents=(), incidents=(), **fields):
    """Record a press conference held by `unit`; it is public after review."""
    require(actor, unit, *PRESS_RECORDING_ROLES)
    values, documents = _press_fields(unit, fields, documents)
    conference = PressConference.objects.create(unit=unit, recorded_by=actor, **values)
    conference.documents.set(documents)
    conference.incidents.set(list(incidents))
    _check("record_press_conference", None, conference.state, PRESS_TRANSITIONS, P)
    record(
        actor=actor,
        action="record_press_conference",
        target=conference,
        to_state=conference.state,
        data={"documents": [d.pk for d in documents], "incidents": [i.pk for i in incidents]},
    )
    return conference


@transaction.atomic
def publish_press_conference(*, actor, conference) -> PressConference:
    """An independent reviewer publishes the record."""
    conference = locked(PressConference, conference.pk)
    require(actor, conference.unit, *PRESS_REVIEWING_ROLES)
    _check("publish_press_conference", conference.state, P.PUBLISHED, PRESS_TRANSITIONS, P)
    if not is_independent(actor, [conference.recorded_by_id]):
        raise PermissionDenied("不能审核自己录入的发布会记录，请由其他人员审核发布。")
    before = conference.state
    conference.state = P.PUBLISHED
    conference.published_at = now()
    conference.save()
    _announce()
    record(
        actor=actor,
        action="publish_press_conference",
        target=conference,
        from_state=before,
        to_state=conference.state,
    )
    return conference


@transaction.atomic
def withdraw_press_conference(*, actor, conference, reason) -> PressConference:
    conference = locked(PressConference, conference.pk)
    require(actor, conference.unit, *PRESS_REVIEWING_ROLES)
    _check("withdraw_press_conference", conference.state, P.WITHDRAWN, PRESS_TRANSITIONS, P)
    if not _text(reason):
        raise ValidationError({"reason": "请说明撤回理由。"})
    before = conference.state
    conference.state = P.WITHDRAWN
    conference.withdrawal_reason = _text(reason)
    conference.save()
    _announce()
    record(
        actor=actor,
        action="withdraw_press_conference",
        target=conference,
        from_state=before,
        to_state=conference.state,
        reason=conference.withdrawal_reason,
    )
    return conference


def _announce():
    """The press-conference pages are static copies: re-render them."""
    from gongkai.pages.models import RenderOperation
    from gongkai.pages.outbox import enqueue

    enqueue(RenderOperation.Subject.CONCERNS)
