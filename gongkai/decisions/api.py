"""决策公开 as data: the published catalogues of major decisions and each decision with its
steps and links."""

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Router, Schema

from gongkai.api.choices import choice

from .models import (
    AttendeeKind,
    Catalogue,
    Decision,
    DecisionState,
    Hearing,
    HearingState,
    Meeting,
    MeetingKind,
    MeetingState,
    ParticipantKind,
    SelectionRule,
    StepKind,
)
from .presentation import decision_links

router = Router(tags=["决策公开"])


class DecisionStepOut(Schema):
    kind: choice(StepKind.choices, "决策程序")
    label: str
    required: bool
    planned_on: date | None
    done_on: date | None
    note: str


class DecisionSummary(Schema):
    id: int
    number: int
    title: str
    unit: str
    unit_name: str
    state: choice(DecisionState.choices, "进展")
    url: str


class DecisionOut(DecisionSummary):
    government: str
    year: int
    legal_basis: str
    summary: str
    planned_on: date | None
    decided_on: date | None
    published_on: date | None
    adjustment_reason: str
    withdrawal_reason: str
    steps: list[DecisionStepOut]
    document_url: str | None
    interpretation_urls: list[str]
    consultation_urls: list[str]
    hearing_urls: list[str]
    meeting_urls: list[str]


class CatalogueSummary(Schema):
    government: str
    government_name: str
    year: int
    published_on: date
    decisions: int
    url: str


class CatalogueOut(CatalogueSummary):
    note: str
    items: list[DecisionSummary]


def _catalogue(c, count, items=None):
    out = {
        "government": c.government.code,
        "government_name": c.government.full_name,
        "year": c.year,
        "published_on": c.published_on,
        "decisions": count,
        "url": c.get_absolute_url(),
        "note": c.note,
    }
    if items is not None:
        out["items"] = [_summary(d) for d in items]
    return out


def _summary(d):
    return {
        "id": d.pk,
        "number": d.number,
        "title": d.title,
        "unit": d.unit.code,
        "unit_name": d.unit.full_name,
        "state": d.state,
        "url": d.get_absolute_url(),
    }


@router.get(
    "/decision-catalogues", response=list[CatalogueSummary], summary="已公布的重大行政决策事项目录"
)
def catalogues(request):
    found = Catalogue.objects.published().select_related("government")
    return [_catalogue(c, c.decisions.count()) for c in found]


@router.get(
    "/decision-catalogues/{code}/{year}", response=CatalogueOut, summary="一份目录及其决策事项"
)
def catalogue(request, code: str, year: int):
    found = get_object_or_404(
        Catalogue.objects.published().select_related("government"),
        government__code=code,
        year=year,
    )
    items = list(Decision.objects.published().filter(catalogue=found).select_related("unit"))
    return _catalogue(found, len(items), items)


@router.get("/major-decisions/{decision_id}", response=DecisionOut, summary="一项重大行政决策")
def decision(request, decision_id: int):
    d = get_object_or_404(
        Decision.objects.published().select_related("catalogue__government", "unit", "document"),
        pk=decision_id,
    )
    links = decision_links(d)
    return {
        **_summary(d),
        "government": d.catalogue.government.code,
        "year": d.catalogue.year,
        "legal_basis": d.legal_basis,
        "summary": d.summary,
        "planned_on": d.planned_on,
        "decided_on": d.decided_on,
        "published_on": d.published_on,
        "adjustment_reason": d.adjustment_reason,
        "withdrawal_reason": d.withdrawal_reason,
        "steps": [
            {
                "kind": s.kind,
                "label": s.get_kind_display(),
                "required": s.required,
                "planned_on": s.planned_on,
                "done_on": s.done_on,
                "note": s.note,
            }
            for s in d.steps.all()
        ],
        "document_url": links["document"].get_absolute_url() if links["document"] else None,
        "interpretation_urls": [x.get_absolute_url() for x in links["interpretations"]],
        "consultation_urls": [
            reverse("participation:detail", args=[x.pk]) for x in links["consultations"]
        ],
        "hearing_urls": [x.get_absolute_url() for x in links["hearings"]],
        "meeting_urls": [x.get_absolute_url() for x in links["meetings"]],
    }


class HearingSummary(Schema):
    id: int
    title: str
    unit: str
    unit_name: str
    state: choice(HearingState.choices, "状态")
    held_at: datetime
    place: str
    registration_opens: date
    registration_closes: date
    url: str


class SelectionOut(Schema):
    number: str
    name: str
    kind: choice(ParticipantKind.choices, "报名身份")
    draw_rank: int | None
    selected: bool | None


class HearingOut(HearingSummary):
    description: str
    how_to_register: str
    seats: int
    rule: choice(SelectionRule.choices, "遴选方式")
    seed: str
    decision_url: str | None
    announced_on: date | None
    selected_on: date | None
    registrations: list[SelectionOut]
    record: str
    result: str
    record_published_on: date | None
    cancel_reason: str


def _hearing_summary(h):
    return {
        "id": h.pk,
        "title": h.subject,
        "unit": h.unit.code,
        "unit_name": h.unit.full_name,
        "state": h.state,
        "held_at": h.held_at,
        "place": h.place,
        "registration_opens": h.registration_opens,
        "registration_closes": h.registration_closes,
        "url": h.get_absolute_url(),
    }


@router.get("/hearings", response=list[HearingSummary], summary="听证会")
def hearings(request):
    return [_hearing_summary(h) for h in Hearing.objects.published().select_related("unit")]


@router.get("/hearings/{hearing_id}", response=HearingOut, summary="一场听证会：公告、遴选和笔录")
def hearing(request, hearing_id: int):
    h = get_object_or_404(
        Hearing.objects.published().select_related("unit", "decision__catalogue__government"),
        pk=hearing_id,
    )
    # Who registered is public only as the selection (masked), once it is made.
    registrations = h.registrations.order_by("draw_rank", "id") if h.selected_on else []
    return {
        **_hearing_summary(h),
        "description": h.description,
        "how_to_register": h.how_to_register,
        "seats": h.seats,
        "rule": h.rule,
        "seed": h.seed,
        "decision_url": h.decision.get_absolute_url() if h.decision_id else None,
        "announced_on": h.announced_on,
        "selected_on": h.selected_on,
        "registrations": [
            {
                "number": r.number,
                "name": r.shown_name,
                "kind": r.kind,
                "draw_rank": r.draw_rank,
                "selected": r.selected,
            }
            for r in registrations
        ],
        "record": h.record if h.state == HearingState.HELD else "",
        "result": h.outcome if h.state == HearingState.HELD else "",
        "record_published_on": h.record_published_on,
        "cancel_reason": h.cancel_reason,
    }


class MeetingSummary(Schema):
    id: int
    title: str
    kind: choice(MeetingKind.choices, "会议类型")
    unit: str
    unit_name: str
    held_on: date
    state: choice(MeetingState.choices, "状态")
    url: str


class ItemOut(Schema):
    number: int
    title: str
    decision_url: str | None
    result: str
    needs_interpretation: bool
    interpretation_url: str | None
    interpreted_on: date | None


class AttendeeOut(Schema):
    kind: choice(AttendeeKind.choices, "身份")
    name: str
    organisation: str


class MeetingOut(MeetingSummary):
    place: str
    announced_on: date | None
    results_on: date | None
    items: list[ItemOut]
    attendees: list[AttendeeOut]


def _meeting_summary(m):
    return {
        "id": m.pk,
        "title": m.title,
        "kind": m.kind,
        "unit": m.unit.code,
        "unit_name": m.unit.full_name,
        "held_on": m.held_on,
        "state": m.state,
        "url": m.get_absolute_url(),
    }


@router.get("/meetings", response=list[MeetingSummary], summary="开放会议")
def meetings(request):
    return [_meeting_summary(m) for m in Meeting.objects.published().select_related("unit")]


@router.get(
    "/meetings/{meeting_id}", response=MeetingOut, summary="一次会议：议题、列席、决定和解读"
)
def meeting(request, meeting_id: int):
    m = get_object_or_404(Meeting.objects.published().select_related("unit"), pk=meeting_id)
    items = m.items.select_related("interpretation", "decision__catalogue__government")
    return {
        **_meeting_summary(m),
        "place": m.place,
        "announced_on": m.announced_on,
        "results_on": m.results_on,
        "items": [
            {
                "number": i.number,
                "title": i.title,
                "decision_url": i.decision.get_absolute_url() if i.decision_id else None,
                "result": i.outcome,
                "needs_interpretation": i.needs_interpretation,
                "interpretation_url": (
                    i.interpretation.get_absolute_url() if i.interpretation_id else None
                ),
                "interpreted_on": i.interpreted_on,
            }
            for i in items
        ],
        "attendees": [
            {"kind": a.kind, "name": a.shown_name, "organisation": a.organisation}
            for a in m.attendees.all()
        ],
    }
